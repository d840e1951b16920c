import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const BEARER = `'Bearer realm="api"'`;
const BEARER_INVALID = `'Bearer realm="api", error="invalid_token"'`;

ruleTester.run('h3: require-401-for-credential-failure', credential, {
  valid: [
    // Authorization decisions answered 403.
    `export default defineEventHandler((event) => {
  if (event.context.user.role !== 'admin') throw createError({ statusCode: 403, statusMessage: 'Forbidden' });
});`,
    // Validation of the body.
    `export default defineEventHandler(async (event) => {
  const body = await readBody(event);
  if (!body.email) throw createError({ statusCode: 400, message: 'Email is required' });
});`,
    // A createError from elsewhere, a local one, and a createError without a status.
    `import { createError } from './errors';
export default defineEventHandler((event) => { if (!event.context.user) throw createError({ statusCode: 403 }); });`,
    `const createError = (options) => new Error(options.message);
export default defineEventHandler((event) => { if (!event.context.user) throw createError({ statusCode: 403 }); });`,
    `export default defineEventHandler((event) => { if (!event.context.user) throw createError('Not logged in'); });`,
    // HTTPError that is not h3's (ky, got).
    `import { HTTPError } from 'ky';
function a(request) { if (!request.headers.authorization) throw new HTTPError({ status: 403 }); }`,
  ],
  invalid: [
    {
      // Nuxt / Nitro auto-imports: the fix adds the header to the error (h3 v2) and on the event (h3 v1).
      code: `export default defineEventHandler(async (event) => {
  const session = await getUserSession(event);
  if (!session.user) {
    throw createError({ statusCode: 403, statusMessage: 'Forbidden', message: 'Not logged in' });
  }
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          data: { status: 403, problem: 'a missing credential', evidence: "!session.user, 'Not logged in'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `export default defineEventHandler(async (event) => {
  const session = await getUserSession(event);
  if (!session.user) {
    setResponseHeader(event, 'WWW-Authenticate', ${BEARER});
    throw createError({ headers: { 'WWW-Authenticate': ${BEARER} }, statusCode: 401, statusMessage: 'Unauthorized', message: 'Not logged in' });
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // Imported from h3: setResponseHeader joins the import; an if without braces gets them.
      code: `import { createError, defineEventHandler, getRequestHeader } from 'h3';
export default defineEventHandler((e) => {
  const token = getRequestHeader(e, 'authorization');
  if (!token) throw createError({ status: 400, message: 'Missing authorization header' });
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { createError, defineEventHandler, getRequestHeader, setResponseHeader } from 'h3';
export default defineEventHandler((e) => {
  const token = getRequestHeader(e, 'authorization');
  if (!token) { setResponseHeader(e, 'WWW-Authenticate', ${BEARER}); throw createError({ headers: { 'WWW-Authenticate': ${BEARER} }, status: 401, message: 'Missing authorization header' }); }
});`,
            },
          ],
        },
      ],
    },
    {
      // Nuxt's app-side createError (no server event): the header goes on the error only.
      code: `import { createError } from '#app';
export function check(token) {
  if (!token) throw createError({ statusCode: 403, message: 'No token provided' });
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { createError } from '#app';
export function check(token) {
  if (!token) throw createError({ headers: { 'WWW-Authenticate': ${BEARER} }, statusCode: 401, message: 'No token provided' });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export default defineEventHandler(async (event) => {
  const token = getCookie(event, 'token');
  if (!token) {
    setResponseStatus(event, 403);
    return { error: 'Not logged in' };
  }
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `export default defineEventHandler(async (event) => {
  const token = getCookie(event, 'token');
  if (!token) {
    setResponseStatus(event, 401);
    setResponseHeader(event, 'WWW-Authenticate', ${BEARER});
    return { error: 'Not logged in' };
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // h3 v2: HTTPError and event.res carry their headers themselves.
      code: `import { H3, HTTPError } from 'h3';
const app = new H3();
app.get('/me', async (event) => {
  try {
    event.context.user = await jwt.verify(event.req.headers.get('authorization'), secret);
  } catch {
    throw new HTTPError('Invalid token', { status: 403 });
  }
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { H3, HTTPError } from 'h3';
const app = new H3();
app.get('/me', async (event) => {
  try {
    event.context.user = await jwt.verify(event.req.headers.get('authorization'), secret);
  } catch {
    throw new HTTPError('Invalid token', { headers: { 'WWW-Authenticate': ${BEARER_INVALID} }, status: 401 });
  }
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { H3, HTTPError } from 'h3';
const app = new H3();
app.get('/me', (event) => {
  if (!event.req.headers.get('authorization')) throw HTTPError.status(403, 'Forbidden');
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { H3, HTTPError } from 'h3';
const app = new H3();
app.get('/me', (event) => {
  if (!event.req.headers.get('authorization')) throw HTTPError.status(401, 'Unauthorized', { headers: { 'WWW-Authenticate': ${BEARER} } });
});`,
            },
          ],
        },
      ],
    },
    {
      code: `import { H3 } from 'h3';
const app = new H3();
app.get('/me', (event) => {
  if (!event.req.headers.get('x-api-key')) {
    event.res.status = 403;
    return { error: 'API key required' };
  }
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { H3 } from 'h3';
const app = new H3();
app.get('/me', (event) => {
  if (!event.req.headers.get('x-api-key')) {
    event.res.status = 401;
    event.res.headers.set('WWW-Authenticate', ${BEARER});
    return { error: 'API key required' };
  }
});`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('h3: require-www-authenticate', challenge, {
  valid: [
    `export default defineEventHandler(() => { throw createError({ statusCode: 401, headers: { 'WWW-Authenticate': ${BEARER} } }); });`,
    `export default defineEventHandler(() => { throw createError({ statusCode: 401, ...details }); });`,
    // h3 v1 keeps headers set on the event when an error is thrown: precision first, they count.
    `export default defineEventHandler((event) => { setResponseHeader(event, 'WWW-Authenticate', ${BEARER}); throw createError({ statusCode: 401 }); });`,
    `export default defineEventHandler((event) => { setResponseHeaders(event, { 'www-authenticate': ${BEARER} }); throw createError({ statusCode: 401 }); });`,
    `export default defineEventHandler((event) => { event.node.res.setHeader('WWW-Authenticate', ${BEARER}); throw createError({ statusCode: 401 }); });`,
    `export default defineEventHandler((event) => { setResponseStatus(event, 401); appendResponseHeader(event, 'WWW-Authenticate', ${BEARER}); return 'Unauthorized'; });`,
    // v2: errHeaders are sent with error responses.
    `import { H3, createError } from 'h3';
new H3().get('/', (event) => { event.res.errHeaders.set('WWW-Authenticate', ${BEARER}); throw createError({ status: 401 }); });`,
    `import { H3 } from 'h3';
new H3().get('/', (event) => { event.res.headers.set('WWW-Authenticate', ${BEARER}); event.res.status = 401; return ''; });`,
  ],
  invalid: withSuggestedFix([
    {
      code: `export default defineEventHandler((event) => {
  throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });
});`,
      output: `export default defineEventHandler((event) => {
  setResponseHeader(event, 'WWW-Authenticate', ${BEARER});
  throw createError({ headers: { 'WWW-Authenticate': ${BEARER} }, statusCode: 401, statusMessage: 'Unauthorized' });
});`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // Outside a handler there is no event to set: the error carries the header.
      code: `export function unauthorized(message) {
  return createError({ statusCode: 401, message });
}`,
      output: `export function unauthorized(message) {
  return createError({ headers: { 'WWW-Authenticate': ${BEARER} }, statusCode: 401, message });
}`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // h3 v2 drops headers set on the event when an error is thrown (v2 prepareResponse).
      code: `import { H3, createError, setResponseHeader } from 'h3';
new H3().get('/', (event) => {
  setResponseHeader(event, 'WWW-Authenticate', ${BEARER});
  throw createError({ status: 401 });
});`,
      output: `import { H3, createError, setResponseHeader } from 'h3';
new H3().get('/', (event) => {
  setResponseHeader(event, 'WWW-Authenticate', ${BEARER});
  throw createError({ headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
});`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // A header set in an earlier branch that threw does not reach this error.
      code: `export default defineEventHandler(async (event) => {
  const claims = await verifyAccessToken(getCookie(event, 'auth_token'));
  if (!claims) {
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="nuxt", error="invalid_token"');
    throw createError({ statusCode: 401, statusMessage: 'Invalid token' });
  }
  if (claims.exp * 1000 < Date.now()) {
    throw createError({ statusCode: 401, statusMessage: 'Token expired' });
  }
});`,
      output: `export default defineEventHandler(async (event) => {
  const claims = await verifyAccessToken(getCookie(event, 'auth_token'));
  if (!claims) {
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="nuxt", error="invalid_token"');
    throw createError({ statusCode: 401, statusMessage: 'Invalid token' });
  }
  if (claims.exp * 1000 < Date.now()) {
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"');
    throw createError({ headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' }, statusCode: 401, statusMessage: 'Token expired' });
  }
});`,
      errors: [{ messageId: 'missingChallenge', line: 8 }],
    },
    {
      code: `export default defineEventHandler((event) => {
  setResponseStatus(event, 401, 'Unauthorized');
  return { error: 'Login required' };
});`,
      output: `export default defineEventHandler((event) => {
  setResponseStatus(event, 401, 'Unauthorized');
  setResponseHeader(event, 'WWW-Authenticate', ${BEARER});
  return { error: 'Login required' };
});`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `import { H3 } from 'h3';
new H3().get('/', (event) => {
  event.res.status = 401;
  return 'Unauthorized';
});`,
      output: `import { H3 } from 'h3';
new H3().get('/', (event) => {
  event.res.status = 401;
  event.res.headers.set('WWW-Authenticate', ${BEARER});
  return 'Unauthorized';
});`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // Another event's header does not count.
      code: `export const a = defineEventHandler((event) => { setResponseHeader(event, 'WWW-Authenticate', ${BEARER}); });
export const b = defineEventHandler((event) => { setResponseStatus(event, 401); });`,
      output: `export const a = defineEventHandler((event) => { setResponseHeader(event, 'WWW-Authenticate', ${BEARER}); });
export const b = defineEventHandler((event) => { setResponseStatus(event, 401); setResponseHeader(event, 'WWW-Authenticate', ${BEARER}); });`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('h3: require-403-for-permission-denial', permission, {
  valid: [],
  invalid: [
    {
      // 401 for a permission denial: the fix answers 403 and drops the challenge the site carries.
      code: `export default defineEventHandler((event) => {
  if (event.context.user.role !== 'admin') throw createError({ statusCode: 401, statusMessage: 'Unauthorized', headers: { 'WWW-Authenticate': ${BEARER} } });
});`,
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [
            {
              messageId: 'respond403',
              output: `export default defineEventHandler((event) => {
  if (event.context.user.role !== 'admin') throw createError({ statusCode: 403, statusMessage: 'Forbidden' });
});`,
            },
          ],
        },
      ],
    },
  ],
});
