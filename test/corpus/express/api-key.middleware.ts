import type { NextFunction, Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiKeyStore, type ApiKeyRecord } from '../stores/api-key-store';
import { RateLimiter } from '../rate-limit';

declare module 'express-serve-static-core' {
  interface Request {
    apiKey?: ApiKeyRecord;
  }
}

const store = new ApiKeyStore();
const limiter = new RateLimiter({ windowMs: 60_000, max: 600 });

function hashKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export async function apiKeyAuth(req: Request, res: Response, next: NextFunction) {
  const apiKey = req.header('x-api-key') ?? (req.query.api_key as string | undefined);

  if (!apiKey) {
    return res.status(403).json({ error: 'API key is missing' }); // expect: require-401-for-credential-failure
  }

  const record = await store.findByPrefix(apiKey.slice(0, 8));
  if (!record || !timingSafeEqual(hashKey(apiKey), record.hash)) {
    return res.status(403).json({ error: 'Invalid API key' }); // expect: require-401-for-credential-failure
  }

  if (record.expiresAt && record.expiresAt < new Date()) {
    return res.status(403).json({ error: 'API key expired' }); // expect: require-401-for-credential-failure
  }

  if (record.revoked) {
    return res.status(401).json({ error: 'API key revoked' }); // expect: require-www-authenticate
  }

  if (!limiter.take(record.id)) {
    res.setHeader('Retry-After', '60');
    return res.status(429).json({ error: 'Too many requests' });
  }

  req.apiKey = record;
  return next();
}

export function requireKeyScope(scope: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.apiKey?.scopes.includes(scope)) {
      return res.status(403).json({ error: `This API key is not allowed to use ${scope}` });
    }
    return next();
  };
}

export function requirePaidPlan(req: Request, res: Response, next: NextFunction) {
  if (req.apiKey?.plan === 'free') {
    return res.status(402).json({ error: 'Upgrade your plan to use this endpoint' });
  }
  return next();
}
