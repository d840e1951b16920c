import type { ErrorRequestHandler } from 'express';
import { JsonWebTokenError, NotBeforeError, TokenExpiredError } from 'jsonwebtoken';
import { ZodError } from 'zod';
import { logger } from './logger';

export class ForbiddenError extends Error {
  readonly name = 'ForbiddenError';
}

export class ConflictError extends Error {
  readonly name = 'ConflictError';
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  logger.warn({ err, path: req.path }, 'request failed');

  if (err instanceof TokenExpiredError) {
    return res.status(403).json({ error: 'token_expired', message: 'jwt expired' }); // expect: require-401-for-credential-failure
  }
  if (err instanceof NotBeforeError) {
    return res.status(400).json({ error: 'token_not_active' }); // expect: require-401-for-credential-failure
  }
  if (err instanceof JsonWebTokenError) {
    return res.status(400).json({ error: 'invalid_token', message: err.message }); // expect: require-401-for-credential-failure
  }
  if (err.name === 'UnauthorizedError') {
    // express-jwt: credentials_required, invalid_token, revoked_token ...
    return res.status(401).json({ error: err.code, message: err.message }); // expect: require-www-authenticate
  }
  if (err instanceof ZodError) {
    return res.status(400).json({ error: 'validation_failed', issues: err.issues });
  }
  if (err instanceof ForbiddenError) {
    return res.status(403).json({ error: 'forbidden', message: err.message });
  }
  if (err instanceof ConflictError || err.code === 11000) {
    return res.status(409).json({ error: 'conflict', message: 'Resource already exists' });
  }
  if (err.type === 'entity.parse.failed') {
    return res.status(400).json({ error: 'bad_json' });
  }
  if (err.type === 'entity.too.large') {
    return res.status(413).json({ error: 'payload_too_large' });
  }

  return res.status(500).json({ error: 'internal_error' });
};
