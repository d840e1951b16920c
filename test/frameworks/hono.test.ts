import type { Hono } from 'hono';
import { fetchListener, listen, loadModule } from './serve';
import { itFixes } from './verify-fix';

async function start(source: string) {
  const { default: app } = await loadModule<{ default: Hono }>(source);
  return listen(fetchListener((request) => app.fetch(request)));
}

const BEARER = { authorization: 'Bearer abc' };

function app(handler: string): string {
  return `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
app.get('/', (c) => {
${handler}
  return c.json({ ok: true });
});
export default app;
`;
}

describe('Hono: fixes run on the real framework', () => {
  itFixes(start, {
    title: 'c.json(body, 403) becomes c.json(body, 401, { WWW-Authenticate })',
    source: app(`  const token = c.req.header('Authorization');
  if (!token) return c.json({ error: 'Missing token' }, 403);`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /c\.json\(\{ error: 'Missing token' \}, 401, \{ 'WWW-Authenticate': 'Bearer realm="api"' \}\)/,
  });

  itFixes(start, {
    title: 'c.text(body, 401, headers) gets the challenge merged into its headers',
    source: app(`  if (c.req.header('Authorization') !== 'Bearer abc') return c.text('Unauthorized', 401, { 'Cache-Control': 'no-store' });`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /c\.text\('Unauthorized', 401, \{ 'WWW-Authenticate': 'Bearer realm="api"', 'Cache-Control': 'no-store' \}\)/,
  });

  itFixes(start, {
    title: 'new HTTPException(401, { message }) without res sends no challenge; the fix passes res',
    source: app(`  if (!c.req.header('Authorization')) throw new HTTPException(401, { message: 'Unauthorized' });`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /new HTTPException\(401, \{ message: 'Unauthorized', res: new Response\('Unauthorized', \{ status: 401, headers: \{ 'WWW-Authenticate': /,
  });

  itFixes(start, {
    title: 'new HTTPException(403) for a missing token becomes a 401 with a challenging res',
    source: app(`  const token = c.req.header('Authorization');
  if (!token) throw new HTTPException(403, { message: 'No token provided' });`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /new HTTPException\(401, \{ message: 'No token provided', res: new Response\('No token provided', \{ status: 401, headers: /,
  });

  itFixes(start, {
    title: 'c.status(403) becomes c.status(401) followed by c.header(…)',
    source: app(`  const token = c.req.header('Authorization');
  if (!token) {
    c.status(403);
    return c.json({ error: 'Not logged in' });
  }`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /c\.status\(401\);\n\s+c\.header\('WWW-Authenticate', 'Bearer realm="api"'\);/,
  });
});
