import { Next, Request, Response } from 'restify';
import { ForbiddenError, InvalidCredentialsError, UnauthorizedError } from 'restify-errors';

const KEYS = new Map<string, { tenant: string; scopes: string[] }>();

export function apiKeyGate(req: Request, res: Response, next: Next) {
  const key = req.headers['x-api-key'];
  if (!key) {
    res.header('WWW-Authenticate', 'ApiKey realm="inventory"');
    return next(new UnauthorizedError('API key required'));
  }
  const entry = KEYS.get(String(key));
  if (!entry) {
    return next(new ForbiddenError('Unknown API key')); // expect: require-401-for-credential-failure
  }
  if (!entry.scopes.includes('write') && req.method !== 'GET') {
    return next(new ForbiddenError('This key is read-only'));
  }
  return next();
}

export function tenantGate(req: Request, res: Response, next: Next) {
  if (req.params.tenant !== (req as Request & { tenant?: string }).tenant) {
    return next(new InvalidCredentialsError('Key belongs to another tenant')); // expect-ignore: a key valid for another tenant reads as a credential or a permission problem
  }
  return next();
}
