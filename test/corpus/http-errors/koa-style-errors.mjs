import createError from 'http-errors';
import { verify } from './token.mjs';

export async function requireUser(request) {
  const cookieHeader = request.headers.cookie ?? '';
  const sessionToken = /(?:^|;\s*)session=([^;]+)/.exec(cookieHeader)?.[1];
  if (!sessionToken) {
    throw createError(419, 'Session expired, please sign in again'); // expect: require-401-for-credential-failure
  }
  const session = await verify(sessionToken);
  if (!session) {
    throw createError(401, 'Invalid session', { headers: { 'WWW-Authenticate': 'Cookie realm="app"' } });
  }
  return session;
}

export function requireAdmin(session) {
  if (session.role !== 'admin') {
    throw createError(403, 'Admin role required');
  }
}

export function requireNotBanned(session) {
  if (session.banned) {
    throw createError(401, 'This account is banned'); // expect: require-403-for-permission-denial
  }
}

export function parseLimit(value) {
  const limit = Number(value ?? 20);
  if (Number.isNaN(limit) || limit > 100) throw createError(400, 'limit must be a number up to 100');
  return limit;
}

export function checkApiToken(headers) {
  const apiToken = headers['x-api-token'];
  if (!apiToken) throw new createError.Unauthorized('API token missing'); // expect: require-www-authenticate
  if (apiToken !== process.env.API_TOKEN) throw createError(403, 'API token invalid'); // expect: require-401-for-credential-failure
}
