import { Elysia, t } from 'elysia';
import { bearer } from '@elysiajs/bearer';
import { jwt } from '@elysiajs/jwt';

/** Shared auth plugin: resolves the caller from the bearer token for every route that uses it. */
export const authPlugin = new Elysia({ name: 'auth' })
  .use(bearer())
  .use(jwt({ name: 'accessJwt', secret: process.env.JWT_SECRET ?? 'dev-secret' }))
  .derive({ as: 'scoped' }, async ({ bearer, accessJwt, status }) => {
    if (!bearer) {
      return status(400, { error: 'Authorization header missing' }); // expect: require-401-for-credential-failure
    }
    const claims = await accessJwt.verify(bearer);
    if (!claims) {
      throw status('Forbidden', { error: 'Token is invalid or expired' }); // expect: require-401-for-credential-failure
    }
    return { userId: String(claims.sub), roles: (claims.roles as string[]) ?? [] };
  });

/** Route-level guard: the same plugin, with the right answers, for the admin area. */
export const adminGuard = new Elysia({ name: 'admin-guard' })
  .use(bearer())
  .use(jwt({ secret: process.env.JWT_SECRET ?? 'dev-secret' }))
  .onBeforeHandle({ as: 'scoped' }, async ({ bearer, jwt, set, status }) => {
    if (!bearer) {
      set.headers['WWW-Authenticate'] = 'Bearer realm="admin"';
      return status(401, 'Unauthorized');
    }
    const claims = await jwt.verify(bearer);
    if (!claims) {
      set.headers['WWW-Authenticate'] = 'Bearer realm="admin", error="invalid_token"';
      return status(401, 'Unauthorized');
    }
    if (claims.role !== 'admin') {
      return status(403, 'Admins only');
    }
  });

/** API keys for the machine-to-machine endpoints, checked in a beforeHandle of the route options. */
export const ingest = new Elysia().post('/ingest', ({ body }) => ({ accepted: body.events.length }), {
  body: t.Object({ events: t.Array(t.Any()) }),
  beforeHandle({ headers, set }) {
    const key = headers['x-api-key'];
    if (!key) {
      set.status = 403; // expect: require-401-for-credential-failure
      return { error: 'API key required' };
    }
    if (!process.env.INGEST_KEYS?.split(',').includes(key)) {
      set.status = 401; // expect: require-www-authenticate
      return { error: 'Unknown API key' };
    }
  },
});

/** Bearer plugin's own README shape: 400 + invalid_request for a request without a token. */
export const legacy = new Elysia()
  .use(bearer())
  .onBeforeHandle(({ bearer, set }) => {
    if (!bearer) {
      set.status = 400; // expect: require-401-for-credential-failure
      set.headers['WWW-Authenticate'] = `Bearer realm='sign', error="invalid_request"`;
      return 'Unauthorized';
    }
  })
  .get('/sign', ({ bearer }) => bearer);
