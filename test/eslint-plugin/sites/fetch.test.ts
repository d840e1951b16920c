import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;
const SVELTEKIT_LIMITATION = "SvelteKit's error() cannot carry headers: call setHeaders({ 'WWW-Authenticate': … }) before it";

ruleTester.run('fetch: require-401-for-credential-failure', credential, {
  valid: [
    // Authorization decisions.
    `export async function DELETE(request) { const user = await getUser(request); if (user.role !== 'admin') return new Response('Admins only', { status: 403 }); }`,
    `import { error } from '@sveltejs/kit';
export const POST = async ({ locals }) => { if (!locals.user.permissions.includes('write')) error(403, 'Permission denied'); };`,
    // Not the global Response: a class of the file, a library's own Response.
    `class Response { constructor(body, init) {} }
export function GET(request) { if (!request.headers.get('authorization')) return new Response('No token', { status: 403 }); }`,
    `import { Response } from '@node-oauth/oauth2-server';
export function a(req) { if (!req.headers.authorization) return new Response({ status: 403 }); }`,
    // Not SvelteKit's error().
    `import { error } from './log';
export function GET({ request }) { if (!request.headers.get('authorization')) error(403, 'No token'); }`,
    // A fake server response in a test.
    `it('maps 403', async () => { const token = request.headers.get('authorization'); fetchMock.mockResolvedValue(new Response(null, { status: token ? 200 : 403 })); });`,
    `test('x', () => { if (!req.headers.authorization) server.use(http.get('/me', () => new Response(null, { status: 403 }))); });`,
    // No status in the init: 200.
    `export function GET(request) { if (!request.headers.get('authorization')) return new Response('ok', { headers: {} }); }`,
  ],
  invalid: [
    {
      // Next.js route handler: NextResponse.json with a 403 for a missing session.
      code: `import { NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
export async function GET() {
  const session = await getServerSession();
  if (!session) {
    return NextResponse.json({ error: 'Not authenticated' }, { status: 403 });
  }
  return NextResponse.json({ ok: true });
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          column: 72,
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
export async function GET() {
  const session = await getServerSession();
  if (!session) {
    return NextResponse.json({ error: 'Not authenticated' }, { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
  }
  return NextResponse.json({ ok: true });
}`,
            },
          ],
        },
      ],
    },
    {
      // new NextResponse(body, init) with a non-standard 440 after an expiry check; existing headers are kept.
      code: `import { NextResponse } from 'next/server';
export function middleware(request) {
  const session = readSession(request.cookies.get('session'));
  if (session.expiresAt < Date.now()) return new NextResponse('Session expired', { status: 440, headers: { 'Cache-Control': 'no-store' } });
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { NextResponse } from 'next/server';
export function middleware(request) {
  const session = readSession(request.cookies.get('session'));
  if (session.expiresAt < Date.now()) return new NextResponse('Session expired', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"', 'Cache-Control': 'no-store' } });
}`,
            },
          ],
        },
      ],
    },
    {
      // Worker: Response.json with a status constant, rewritten in the same form.
      code: `import { StatusCodes } from 'http-status-codes';
export default { async fetch(request) {
  const apiKey = request.headers.get('x-api-key');
  if (!apiKey) return Response.json({ error: 'API key required' }, { status: StatusCodes.FORBIDDEN });
  return Response.json({ ok: true });
} };`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { StatusCodes } from 'http-status-codes';
export default { async fetch(request) {
  const apiKey = request.headers.get('x-api-key');
  if (!apiKey) return Response.json({ error: 'API key required' }, { headers: { 'WWW-Authenticate': ${BEARER} }, status: StatusCodes.UNAUTHORIZED });
  return Response.json({ ok: true });
} };`,
            },
          ],
        },
      ],
    },
    {
      // SvelteKit error(): the fix destructures setHeaders from the event and calls it first.
      code: `import { error } from '@sveltejs/kit';
export const GET = async ({ locals }) => {
  if (!locals.user) error(403, 'Not logged in');
  return new Response('ok');
};`,
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          data: { status: '403', problem: 'a missing credential', evidence: "!locals.user, 'Not logged in'", limitation: SVELTEKIT_LIMITATION },
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { error } from '@sveltejs/kit';
export const GET = async ({ setHeaders, locals }) => {
  if (!locals.user) { setHeaders({ 'WWW-Authenticate': ${BEARER} }); error(401, 'Not logged in'); }
  return new Response('ok');
};`,
            },
          ],
        },
      ],
    },
    {
      // A load function taking the event whole, and the v1 \`throw error()\` form.
      code: `import { error } from '@sveltejs/kit';
export async function load(event) {
  const token = event.cookies.get('session');
  if (!token) {
    throw error(400, 'Missing session token');
  }
}`,
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { error } from '@sveltejs/kit';
export async function load(event) {
  const token = event.cookies.get('session');
  if (!token) {
    event.setHeaders({ 'WWW-Authenticate': ${BEARER} });
    throw error(401, 'Missing session token');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // SvelteKit json(data, init).
      code: `import { json } from '@sveltejs/kit';
export async function POST({ request }) {
  if (!request.headers.get('authorization')) return json({ message: 'Missing token' }, { status: 403 });
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { json } from '@sveltejs/kit';
export async function POST({ request }) {
  if (!request.headers.get('authorization')) return json({ message: 'Missing token' }, { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
}`,
            },
          ],
        },
      ],
    },
    {
      // Remix json(data, status): the bare number becomes an init with headers.
      code: `import { json } from '@remix-run/node';
export async function loader({ request }) {
  const token = request.headers.get('Authorization');
  if (!token) return json({ error: 'No token provided' }, 403);
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { json } from '@remix-run/node';
export async function loader({ request }) {
  const token = request.headers.get('Authorization');
  if (!token) return json({ error: 'No token provided' }, { status: 401, headers: { 'WWW-Authenticate': ${BEARER} } });
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('fetch: require-www-authenticate', challenge, {
  valid: [
    `export function GET() { return new Response(null, { status: 401, headers: { 'WWW-Authenticate': ${BEARER} } }); }`,
    `export function GET() { return Response.json({}, { status: 401, headers: [['www-authenticate', ${BEARER}]] }); }`,
    `export function GET() { const headers = new Headers({ 'WWW-Authenticate': ${BEARER} }); return new Response(null, { status: 401, headers }); }`,
    `export function GET() { const headers = new Headers(); headers.set('WWW-Authenticate', ${BEARER}); return new Response(null, { status: 401, headers }); }`,
    `import { NextResponse } from 'next/server';
export function GET() { const res = NextResponse.json({ error: 'Unauthorized' }, { status: 401 }); res.headers.set('WWW-Authenticate', ${BEARER}); return res; }`,
    // Headers we cannot see are trusted.
    `export function unauthorized(headers) { return new Response(null, { status: 401, headers }); }`,
    `export function unauthorized(init) { return new Response(null, { ...init, status: 401 }); }`,
    // SvelteKit: setHeaders before error(), destructured or on the event.
    `import { error } from '@sveltejs/kit';
export const GET = ({ setHeaders, locals }) => { if (!locals.user) { setHeaders({ 'www-authenticate': ${BEARER} }); error(401, 'Login required'); } };`,
    `import { error } from '@sveltejs/kit';
export const GET = (event) => { event.setHeaders({ 'WWW-Authenticate': ${BEARER} }); if (!event.locals.user) error(401); };`,
    { code: `export function GET() { return sendChallenge(new Response(null, { status: 401 })); }`, options: [{ challengers: ['sendChallenge'] }] },
  ],
  invalid: withSuggestedFix([
    {
      code: `import { NextResponse } from 'next/server';
export async function GET(request) {
  if (!request.headers.get('authorization')) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
}`,
      output: `import { NextResponse } from 'next/server';
export async function GET(request) {
  if (!request.headers.get('authorization')) return NextResponse.json({ error: 'Unauthorized' }, { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
}`,
      errors: [{ messageId: 'missingChallenge', line: 3, column: 108 }],
    },
    {
      // Multi-line init with other headers: the challenge joins them.
      code: `export default {
  fetch(request) {
    return new Response('Unauthorized', {
      status: 401,
      headers: {
        'Content-Type': 'text/plain',
      },
    });
  },
};`,
      output: `export default {
  fetch(request) {
    return new Response('Unauthorized', {
      status: 401,
      headers: {
        'WWW-Authenticate': ${BEARER},
        'Content-Type': 'text/plain',
      },
    });
  },
};`,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
    {
      // A header set on a different response does not count.
      code: `export function GET(request) {
  const ok = new Response('ok');
  ok.headers.set('WWW-Authenticate', ${BEARER});
  return new Response(null, { status: 401 });
}`,
      output: `export function GET(request) {
  const ok = new Response('ok');
  ok.headers.set('WWW-Authenticate', ${BEARER});
  return new Response(null, { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
}`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // SvelteKit error(401) in a +server handler: the fix calls setHeaders first.
      code: `import { error } from '@sveltejs/kit';
export async function GET({ request }) {
  if (!request.headers.get('authorization')) error(401, 'Missing token');
}`,
      output: `import { error } from '@sveltejs/kit';
export async function GET({ setHeaders, request }) {
  if (!request.headers.get('authorization')) { setHeaders({ 'WWW-Authenticate': ${BEARER} }); error(401, 'Missing token'); }
}`,
      errors: [{ messageId: 'missingChallengeHeaderless', data: { limitation: SVELTEKIT_LIMITATION } }],
    },
    {
      // error(401) in a helper without the event: the message says how, there is no fix.
      code: `import { error } from '@sveltejs/kit';
export function requireUser(locals) {
  if (!locals.user) error(401, 'Login required');
  return locals.user;
}`,
      output: null,
      errors: [
        {
          messageId: 'missingChallengeHeaderless',
          data: {
            limitation: "SvelteKit's error() cannot carry headers: call the request event's setHeaders({ 'WWW-Authenticate': … }) before it",
          },
        },
      ],
    },
  ]),
});

jsRuleTester.run('fetch: plain JavaScript (espree)', challenge, {
  valid: [`addEventListener('fetch', (event) => event.respondWith(new Response(null, { status: 401, headers: { 'WWW-Authenticate': ${BEARER} } })));`],
  invalid: withSuggestedFix([
    {
      code: `addEventListener('fetch', (event) => event.respondWith(new Response('Unauthorized', { status: 401 })));`,
      output: `addEventListener('fetch', (event) => event.respondWith(new Response('Unauthorized', { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 })));`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('fetch: the Next.js server module imported with its extension, as ESM writes it', challenge, {
  valid: [
    // A project module that happens to live in a folder named next is not Next.js.
    `import { NextResponse } from './next/server.js';
export async function GET(req) {
  const session = await readSession(req.cookies);
  if (!session) return new NextResponse(null, { status: 401 });
  return NextResponse.json(session.user);
}`,
  ],
  invalid: withSuggestedFix([
    {
      code: `import { NextResponse } from 'next/server.js';
export async function GET(req) {
  const session = await readSession(req.cookies);
  if (!session) return new NextResponse(null, { status: 401 });
  return NextResponse.json(session.user);
}`,
      output: `import { NextResponse } from 'next/server.js';
export async function GET(req) {
  const session = await readSession(req.cookies);
  if (!session) return new NextResponse(null, { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
  return NextResponse.json(session.user);
}`,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
  ]),
});

ruleTester.run('fetch: headers spread from constant objects of the file', challenge, {
  valid: [
    // The spread object carries the challenge.
    `const authHeaders = { 'WWW-Authenticate': ${BEARER}, 'Cache-Control': 'no-store' };
export function apiKeyMissing(cors = false) {
  const headers = { ...(cors && authHeaders), 'Content-Type': 'application/json' };
  return Response.json({ code: 'not_authenticated' }, { status: 401, headers });
}`,
    // Either branch may carry it.
    `const challenge = { 'WWW-Authenticate': ${BEARER} };
export function reject(plain) {
  return new Response(null, { status: 401, headers: { ...(plain ? {} : challenge) } });
}`,
    // A spread of what the caller passes, or of a variable that is not a constant object, may hold anything.
    `export function reject(extra) { return new Response(null, { status: 401, headers: { ...extra, 'Cache-Control': 'no-store' } }); }`,
    `let shared = {};
export function reject() { return new Response(null, { status: 401, headers: { ...shared } }); }`,
    `import { baseHeaders } from './headers';
export function reject() { return new Response(null, { status: 401, headers: { ...baseHeaders } }); }`,
  ],
  invalid: withSuggestedFix([
    {
      // CORS headers spread conditionally: none of them is the challenge.
      code: `const corsHeaders = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization' };
export function apiKeyMissing(cors = false) {
  const headers = { ...(cors && corsHeaders), 'Cache-Control': 'no-store' };
  return Response.json({ code: 'not_authenticated', message: 'API key missing' }, { status: 401, headers });
}`,
      output: null,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
    {
      // Both branches of a conditional are known, and neither sends the challenge.
      code: `const json = { 'Content-Type': 'application/json' };
const text = { 'Content-Type': 'text/plain' };
export function reject(asJson) {
  return new Response('Unauthorized', { status: 401, headers: { ...(asJson ? json : text) } });
}`,
      output: `const json = { 'Content-Type': 'application/json' };
const text = { 'Content-Type': 'text/plain' };
export function reject(asJson) {
  return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': ${BEARER}, ...(asJson ? json : text) } });
}`,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
  ]),
});

ruleTester.run("fetch: React Router's data() in loaders and actions", challenge, {
  valid: [
    `import { data } from 'react-router';
export async function loader({ request }) {
  const session = await readSession(request);
  if (!session) throw data({ reason: 'sign-in-required' }, { status: 401, headers: { 'WWW-Authenticate': ${BEARER} } });
  return data(session.user);
}`,
    // A project's own data() is not React Router's.
    `import { data } from '~/lib/data';
export async function loader({ request }) {
  if (!(await readSession(request))) throw data({ reason: 'sign-in-required' }, { status: 401 });
}`,
  ],
  invalid: withSuggestedFix([
    {
      code: `import { data } from 'react-router';
export async function loader({ request }) {
  const session = await readSession(request);
  if (!session) {
    throw data({ reason: 'sign-in-required' }, { status: 401 });
  }
  return data(session.user);
}`,
      output: `import { data } from 'react-router';
export async function loader({ request }) {
  const session = await readSession(request);
  if (!session) {
    throw data({ reason: 'sign-in-required' }, { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
  }
  return data(session.user);
}`,
      errors: [{ messageId: 'missingChallenge', line: 5 }],
    },
    {
      // The init may be the status alone: it becomes an init with the header.
      code: `import { data } from '@remix-run/node';
export async function action({ request }) {
  if (!request.headers.get('authorization')) return data({ error: 'Missing token' }, 401);
}`,
      output: `import { data } from '@remix-run/node';
export async function action({ request }) {
  if (!request.headers.get('authorization')) return data({ error: 'Missing token' }, { status: 401, headers: { 'WWW-Authenticate': ${BEARER} } });
}`,
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
  ]),
});

ruleTester.run('fetch: a helper of the file that returns the Response built from the init it is given', challenge, {
  valid: [
    `function json(data, init) { return Response.json(data, init); }
export function unauthorized() { return json({ ok: false }, { status: 401, headers: { 'WWW-Authenticate': ${BEARER} } }); }`,
    // The helper ignores its second argument: the Response is a 200.
    `function json(data) { return Response.json(data); }
export function unauthorized() { return json({ ok: false }, { status: 401 }); }`,
    // It answers the init only on one path: which one is not known here.
    `function json(data, init) {
  if (init) return Response.json(data, init);
  return Response.json(data);
}
export function unauthorized() { return json({ ok: false }, { status: 401 }); }`,
  ],
  invalid: withSuggestedFix([
    {
      code: `function json(data: unknown, init?: ResponseInit) {
  return Response.json(data, init);
}
function isAuthorized(request: Request, token: string) {
  return request.headers.get('Authorization') === \`Bearer \${token}\`;
}
function unauthorized() {
  return json({ ok: false, error: 'Unauthorized' }, { status: 401 });
}`,
      output: `function json(data: unknown, init?: ResponseInit) {
  return Response.json(data, init);
}
function isAuthorized(request: Request, token: string) {
  return request.headers.get('Authorization') === \`Bearer \${token}\`;
}
function unauthorized() {
  return json({ ok: false, error: 'Unauthorized' }, { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
}`,
      errors: [{ messageId: 'missingChallenge', line: 8 }],
    },
    {
      code: `const text = (body, init) => new Response(body, init);
export default {
  fetch(request) {
    if (!request.headers.get('authorization')) return text('Sign in', { status: 401 });
    return text('ok', { status: 200 });
  },
};`,
      output: `const text = (body, init) => new Response(body, init);
export default {
  fetch(request) {
    if (!request.headers.get('authorization')) return text('Sign in', { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
    return text('ok', { status: 200 });
  },
};`,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
  ]),
});

const MAPPER_LIMITATION = 'the status comes from toStatus(), so set the challenge where the Response is built when that status is 401';

ruleTester.run('fetch: a status chosen by a function of the file that maps errors to statuses', challenge, {
  valid: [
    // The Response carries the challenge whatever the status.
    `import { STATUS_CODE } from '@std/http/status';
function toStatus(error) {
  if (error instanceof UnauthorizedError) return STATUS_CODE.Unauthorized;
  return STATUS_CODE.InternalServerError;
}
export async function handler(req, ctx) {
  try { return await ctx.next(); } catch (error) {
    const status = toStatus(error);
    return new Response(error.message, { status, headers: { 'WWW-Authenticate': ${BEARER} } });
  }
}`,
    // A return that is not a status: what the function answers is not known.
    `function toStatus(error) {
  if (error instanceof UnauthorizedError) return 401;
  return error.status;
}
export async function handler(req, ctx) {
  try { return await ctx.next(); } catch (error) {
    return new Response(error.message, { status: toStatus(error) });
  }
}`,
  ],
  invalid: [
    {
      code: `import { STATUS_CODE } from '@std/http/status';
function toStatus(error) {
  if (error instanceof NotSignedInError) return STATUS_CODE.Unauthorized;
  if (error instanceof BadRequestError) return STATUS_CODE.BadRequest;
  return STATUS_CODE.InternalServerError;
}
export async function handler(req, ctx) {
  try { return await ctx.next(); } catch (error) {
    const status = toStatus(error);
    return new Response(error.message, { status });
  }
}`,
      errors: [{ messageId: 'missingChallengeHeaderless', line: 3, data: { limitation: MAPPER_LIMITATION } }],
    },
  ],
});

ruleTester.run('fetch: a mapped status is changed where the mapping returns it', credential, {
  valid: [],
  invalid: [
    {
      code: `function toStatus(error) {
  if (error instanceof TokenExpiredError) return 403;
  return 500;
}
export async function handler(req, ctx) {
  try { return await ctx.next(); } catch (error) {
    return new Response(error.message, { status: toStatus(error), headers: { 'WWW-Authenticate': ${BEARER} } });
  }
}`,
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 2,
          suggestions: [
            {
              messageId: 'respond401Only',
              output: `function toStatus(error) {
  if (error instanceof TokenExpiredError) return 401;
  return 500;
}
export async function handler(req, ctx) {
  try { return await ctx.next(); } catch (error) {
    return new Response(error.message, { status: toStatus(error), headers: { 'WWW-Authenticate': ${BEARER} } });
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
