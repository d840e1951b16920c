import { fetchListener, listen, loadModule } from './serve';
import { itFixes } from './verify-fix';

interface H3App {
  fetch(request: Request): Response | Promise<Response>;
}

async function start(source: string) {
  const { default: app } = await loadModule<{ default: H3App }>(source);
  return listen(fetchListener((request) => app.fetch(request)));
}

const BEARER = { authorization: 'Bearer abc' };

function app(imports: string, handler: string): string {
  return `import { H3, defineEventHandler${imports} } from 'h3';
const app = new H3();
app.get('/', defineEventHandler((event) => {
${handler}
  return { ok: true };
}));
export default app;
`;
}

describe('h3 (v2): fixes run on the real framework', () => {
  itFixes(start, {
    title: 'createError({ statusCode: 403 }) becomes a 401 carrying the challenge in its headers',
    source: app(
      ', createError, getRequestHeader',
      `  const token = getRequestHeader(event, 'authorization');
  if (!token) throw createError({ statusCode: 403, statusMessage: 'Forbidden', message: 'No token provided' });`,
    ),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /if \(!token\) throw createError\(\{ headers: \{ 'WWW-Authenticate': 'Bearer realm="api"' \}, statusCode: 401, statusMessage: 'Unauthorized', /,
  });

  itFixes(start, {
    title: 'createError({ statusCode: 401 }) without headers gets the challenge',
    source: app(
      ', createError',
      `  if (event.req.headers.get('authorization') !== 'Bearer abc') {
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });
  }`,
    ),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /throw createError\(\{ headers: \{ 'WWW-Authenticate': 'Bearer realm="api"' \}, statusCode: 401, statusMessage: 'Unauthorized' \}\);/,
  });

  itFixes(start, {
    title: 'v2 drops a header set on the event when an error is thrown; the fix puts it on the error',
    source: app(
      ', createError, setResponseHeader',
      `  if (!event.req.headers.get('authorization')) {
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="api"');
    throw createError({ statusCode: 401, message: 'Login required' });
  }`,
    ),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /throw createError\(\{ headers: \{ 'WWW-Authenticate': 'Bearer realm="api"' \}, statusCode: 401, message: 'Login required' \}\);/,
  });

  itFixes(start, {
    title: 'setResponseStatus(event, 403) becomes 401 followed by setResponseHeader(event, …)',
    source: app(
      ', setResponseStatus',
      `  const session = event.req.headers.get('authorization');
  if (!session) {
    setResponseStatus(event, 403);
    return { error: 'Not logged in' };
  }`,
    ),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /setResponseStatus\(event, 401\);\n\s+setResponseHeader\(event, 'WWW-Authenticate', 'Bearer realm="api"'\);/,
  });

  itFixes(start, {
    title: 'event.res.status = 401 gets event.res.headers.set(…)',
    source: app(
      '',
      `  if (!event.req.headers.get('authorization')) {
    event.res.status = 401;
    return { error: 'Unauthorized' };
  }`,
    ),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /event\.res\.status = 401;\n\s+event\.res\.headers\.set\('WWW-Authenticate', 'Bearer realm="api"'\);/,
  });

  itFixes(start, {
    title: "HTTPError.status(403, 'Forbidden', details) becomes HTTPError.status(401, 'Unauthorized', { headers, … })",
    source: app(
      ', HTTPError',
      `  const token = event.req.headers.get('authorization');
  if (!token) throw HTTPError.status(403, 'Forbidden', { message: 'Missing token' });`,
    ),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /HTTPError\.status\(401, 'Unauthorized', \{ headers: \{ 'WWW-Authenticate': 'Bearer realm="api"' \}, message: 'Missing token' \}\)/,
  });
});
