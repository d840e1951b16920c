// A small reporting service on micro: a bearer token for the dashboard, an API key for exports.
import { createError, send, json } from 'micro';
import { findSession, findExportKey } from './store.mjs';

const CHALLENGE = 'Bearer realm="reports"';

async function sessionOf(req, res) {
  const header = req.headers.authorization ?? '';
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) {
    res.setHeader('WWW-Authenticate', CHALLENGE);
    throw createError(401, 'Sign in to see your reports');
  }
  const session = await findSession(token);
  if (!session) {
    throw createError(401, 'Unknown or revoked session'); // expect: require-www-authenticate
  }
  if (session.expiresAt < Date.now()) {
    throw createError(403, 'Session expired'); // expect: require-401-for-credential-failure
  }
  return session;
}

export async function listReports(req, res) {
  const session = await sessionOf(req, res);
  if (!session.user.roles.includes('analyst')) {
    throw createError(403, 'Reports are for analysts');
  }
  return { reports: await session.user.reports() };
}

export async function exportReport(req, res) {
  const key = req.headers['x-api-key'];
  if (!key) {
    return send(res, 400, { error: 'x-api-key header required' }); // expect: require-401-for-credential-failure
  }
  const exportKey = await findExportKey(key);
  if (!exportKey) {
    return send(res, 401, { error: 'invalid export key' }); // expect: require-www-authenticate
  }
  const body = await json(req);
  if (!body.reportId) {
    return send(res, 400, { error: 'reportId is required' });
  }
  if (!exportKey.reports.includes(body.reportId)) {
    return send(res, 403, { error: 'This key cannot export that report' });
  }
  return { url: await exportKey.sign(body.reportId) };
}

export function notFound() {
  throw createError(404, 'No such route');
}
