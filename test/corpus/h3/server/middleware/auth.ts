import { createError, defineEventHandler, getHeader, getCookie, setResponseHeader } from 'h3';
import { verifyAccessToken } from '../utils/jwt';

export default defineEventHandler(async (event) => {
  if (!event.path.startsWith('/api/private')) return;

  const authorization = getHeader(event, 'authorization');
  const cookieToken = getCookie(event, 'auth_token');
  const token = authorization?.replace('Bearer ', '') ?? cookieToken;

  if (!token) {
    throw createError({ statusCode: 403, statusMessage: 'No auth token provided' }); // expect: require-401-for-credential-failure
  }

  const claims = await verifyAccessToken(token);
  if (!claims) {
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="nuxt", error="invalid_token"');
    throw createError({ statusCode: 401, statusMessage: 'Invalid token' }); // expect-ignore: frameworks.md leaves open whether h3 keeps headers set before a throw
  }
  if (claims.exp * 1000 < Date.now()) {
    throw createError({ statusCode: 401, statusMessage: 'Token expired' }); // expect: require-www-authenticate
  }
  event.context.user = claims;
});
