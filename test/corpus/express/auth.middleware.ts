import type { NextFunction, Request, Response } from 'express';
import jwt, { JsonWebTokenError, TokenExpiredError } from 'jsonwebtoken';
import { StatusCodes } from 'http-status-codes';
import { config } from '../config';
import { UserRepository } from '../repositories/user.repository';

export interface AuthenticatedRequest extends Request {
  user?: { id: string; role: 'user' | 'editor' | 'admin'; scopes: string[] };
}

interface AccessTokenPayload {
  sub: string;
  role: 'user' | 'editor' | 'admin';
  scopes: string[];
}

const BEARER_PREFIX = 'Bearer ';

export class AuthMiddleware {
  constructor(private readonly users: UserRepository) {}

  requireAuth = async (req: AuthenticatedRequest, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    if (!header) {
      return res.status(StatusCodes.FORBIDDEN).json({ message: 'Missing authorization header' }); // expect: require-401-for-credential-failure
    }
    if (!header.startsWith(BEARER_PREFIX)) {
      return res.status(StatusCodes.BAD_REQUEST).json({ message: 'Authorization header must use the Bearer scheme' }); // expect: require-401-for-credential-failure
    }

    const token = header.slice(BEARER_PREFIX.length);
    try {
      const payload = jwt.verify(token, config.jwt.accessSecret) as AccessTokenPayload;
      const user = await this.users.findById(payload.sub);
      if (!user) {
        return res.status(StatusCodes.UNAUTHORIZED).json({ message: 'User no longer exists' }); // expect: require-www-authenticate
      }
      req.user = { id: user.id, role: payload.role, scopes: payload.scopes };
      return next();
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        return res.status(440).json({ code: 'SESSION_EXPIRED', message: 'Your session has expired' }); // expect: require-401-for-credential-failure
      }
      if (error instanceof JsonWebTokenError) {
        return res.status(StatusCodes.FORBIDDEN).json({ message: 'Invalid token' }); // expect: require-401-for-credential-failure
      }
      return next(error);
    }
  };

  requireRole =
    (...roles: AccessTokenPayload['role'][]) =>
    (req: AuthenticatedRequest, res: Response, next: NextFunction) => {
      if (!req.user || !roles.includes(req.user.role)) {
        return res.status(StatusCodes.FORBIDDEN).json({ message: `Requires one of: ${roles.join(', ')}` });
      }
      return next();
    };

  requireScope = (scope: string) => (req: AuthenticatedRequest, res: Response, next: NextFunction) => {
    if (!req.user?.scopes.includes(scope)) {
      res.setHeader('WWW-Authenticate', `Bearer realm="api", error="insufficient_scope", scope="${scope}"`);
      return res.status(StatusCodes.FORBIDDEN).json({ message: 'insufficient scope' });
    }
    return next();
  };
}
