import type { Elysia } from 'elysia';
import { fetchListener, listen, loadModule } from './serve';
import { itFixes } from './verify-fix';

/** Elysia's web-standard adapter on Node: `app.handle(request)` answers a Fetch Request. */
async function start(source: string) {
  const { default: app } = await loadModule<{ default: Elysia }>(source);
  return listen(fetchListener((request) => app.handle(request)));
}

const BEARER = { authorization: 'Bearer abc' };

function app(routes: string): string {
  return `import { Elysia } from 'elysia';
import { bearer } from '@elysiajs/bearer';
import { jwt } from '@elysiajs/jwt';
export default new Elysia()
  .use(bearer())
  .use(jwt({ secret: 'test-secret' }))
${routes};
`;
}

describe('Elysia: fixes run on the real framework', () => {
  itFixes(start, {
    title: 'set.status = 400 for a missing bearer token becomes set.status = 401 (the challenge is set already)',
    source: app(`  .onBeforeHandle(({ bearer, set }) => {
    if (!bearer) {
      set.status = 400;
      set.headers['WWW-Authenticate'] = 'Bearer realm="sign"';
      return 'Unauthorized';
    }
  })
  .get('/', () => 'ok')`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 400, challenged: true },
    passing: { headers: BEARER, status: 200 },
    uses: /set\.status = 401;/,
  });

  itFixes(start, {
    title: 'status(403) after jwt.verify() failed becomes status(401) with set.headers, adding set to the context',
    source: app(`  .get('/', async ({ jwt, bearer, status }) => {
    const profile = await jwt.verify(bearer);
    if (!profile) return status(403, 'Invalid token');
    return profile;
  })`),
    headers: BEARER,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    uses: /async \(\{ jwt, bearer, status, set \}\) => \{[\s\S]*\{ set\.headers\['WWW-Authenticate'\] = 'Bearer realm="api", error="invalid_token"'; return status\(401, 'Invalid token'\); \}/,
  });

  itFixes(start, {
    title: 'a thrown status(\'Unauthorized\') without a challenge gets set.headers before the throw',
    source: app(`  .get('/', ({ headers, set, status }) => {
    if (headers.authorization !== 'Bearer abc') {
      throw status('Unauthorized', { message: 'Invalid token' });
    }
    return 'ok';
  })`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /set\.headers\['WWW-Authenticate'\] = 'Bearer realm="api"';\n\s+throw status\('Unauthorized'/,
  });
});
