import express, { type NextFunction, type Request, type Response } from 'express';
import { tenants } from './tenants';
import { verifyAccessToken } from './tokens';

const app = express();
const CHALLENGE = 'Bearer realm="tenant-api"';

async function authenticate(req: Request, res: Response, next: NextFunction) {
  // Every rejection from this middleware carries the challenge.
  res.setHeader('WWW-Authenticate', CHALLENGE);

  const authorization = req.headers.authorization;
  if (!authorization) {
    return res.status(401).json({ error: 'authentication_required' });
  }
  const claims = await verifyAccessToken(authorization.replace(/^Bearer /, ''));
  if (!claims) {
    return res.status(401).json({ error: 'invalid_token' });
  }
  res.removeHeader('WWW-Authenticate');
  res.locals.claims = claims;
  return next();
}

function resolveTenant(req: Request, res: Response, next: NextFunction) {
  const tenant = tenants.get(req.params.tenantId);
  if (!tenant) return res.status(404).json({ error: 'tenant_not_found' });
  if (!res.locals.claims.tenants.includes(tenant.id)) {
    return res.status(403).json({ error: 'not_a_member_of_tenant' });
  }
  if (tenant.suspended) {
    return res.status(403).json({ error: 'tenant_suspended' });
  }
  res.locals.tenant = tenant;
  return next();
}

app.use('/t/:tenantId', authenticate, resolveTenant);

app.get('/t/:tenantId/invoices', (req, res) => {
  if (!res.locals.claims.permissions.includes('invoices:read')) {
    return res.status(403).json({ error: 'missing_permission', permission: 'invoices:read' });
  }
  res.json(res.locals.tenant.invoices);
});

app.post('/t/:tenantId/invoices', (req, res) => {
  if (typeof req.body.amount !== 'number') {
    return res.status(422).json({ error: 'amount must be a number' });
  }
  res.status(201).json({ ok: true });
});

app.get('/t/:tenantId/audit-log', (req, res) => {
  if (res.locals.claims.role !== 'owner') {
    res.statusCode = 401; // expect: require-403-for-permission-denial
    return res.json({ error: 'Only tenant owners may read the audit log' });
  }
  res.json(res.locals.tenant.auditLog);
});

export default app;
