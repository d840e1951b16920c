import { fetchListener, listen, loadModule } from './serve';
import { itFixes } from './verify-fix';

/**
 * Fetch-API handlers (Cloudflare Workers, Deno, Bun, Next.js route handlers, Remix, SvelteKit `+server`) return
 * a Web `Response`; Node's global `Request`/`Response` run them here, served from node:http. Next.js is not
 * installed (too heavy): `NextResponse` extends `Response` and takes the same `(body, init)`, so these cover its
 * `new NextResponse(body, init)` / `NextResponse.json(body, init)` forms.
 */
async function start(source: string) {
  const { default: handler } = await loadModule<{ default: (request: Request) => Response | Promise<Response> }>(source);
  return listen(fetchListener(handler));
}

const BEARER = { authorization: 'Bearer abc' };

/** A Worker-style module: `export default async function (request) { … }` (a Next.js `GET` has the same shape). */
function handler(body: string): string {
  return `export default async function handle(request) {
  const token = request.headers.get('Authorization');
${body}
  return Response.json({ ok: true });
}
`;
}

describe('Fetch API: fixes run on Node’s Request/Response', () => {
  itFixes(start, {
    title: 'new Response(body, { status: 403, headers }) for a missing token becomes 401 with the challenge in its headers',
    source: handler(`  if (!token) {
    return new Response(JSON.stringify({ error: 'Missing token' }), { status: 403, headers: { 'Content-Type': 'application/json' } });
  }`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /\{ status: 401, headers: \{ 'WWW-Authenticate': 'Bearer realm="api"', 'Content-Type': 'application\/json' \} \}/,
  });

  itFixes(start, {
    title: 'Response.json(body, { status: 401 }) gets a headers object (autofix)',
    source: handler(`  if (token !== 'Bearer abc') return Response.json({ error: 'Invalid token' }, { status: 401 });`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /Response\.json\(\{ error: 'Invalid token' \}, \{ headers: \{ 'WWW-Authenticate': 'Bearer realm="api"' \}, status: 401 \}\)/,
  });

  itFixes(start, {
    title: 'a Headers object passed as init.headers gets .set(…) before the response is built (autofix)',
    source: handler(`  const headers = new Headers();
  headers.set('Cache-Control', 'no-store');
  if (!token) return new Response('Unauthorized', { status: 401, headers });`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /if \(!token\) \{ headers\.set\('WWW-Authenticate', 'Bearer realm="api"'\); return new Response\('Unauthorized', \{ status: 401, headers \}\); \}/,
  });

  itFixes(start, {
    title: 'a 498 "token expired" response becomes 401 with error="invalid_token"',
    source: handler(`  if (token && isExpired(token)) return new Response('Token expired', { status: 498 });
  function isExpired(value) { return value === 'Bearer old'; }`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    headers: { authorization: 'Bearer old' },
    before: { status: 498, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /new Response\('Token expired', \{ headers: \{ 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' \}, status: 401 \}\)/,
  });
});
