import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const BEARER = `'Bearer realm="api"'`;
const BEARER_INVALID = `'Bearer realm="api", error="invalid_token"'`;
const ELYSIA = `import { Elysia } from 'elysia';
import { bearer } from '@elysiajs/bearer';
import { jwt } from '@elysiajs/jwt';
`;

/** One Elysia route whose handler is `handler`. */
function route(handler: string): string {
  return `${ELYSIA}export const app = new Elysia().use(bearer()).use(jwt({ secret: 's' })).get('/', ${handler});`;
}

ruleTester.run('elysia: require-401-for-credential-failure', credential, {
  valid: [
    // A role check answered 403, in every form.
    route(`({ user, status }) => { if (user.role !== 'admin') return status(403, 'Admins only'); return 'ok'; }`),
    route(`({ user, set }) => { if (!user.permissions.includes('write')) { set.status = 'Forbidden'; return 'Permission denied'; } }`),
    // A validation failure answered 400.
    route(`({ body, status }) => { if (!body.email) return status(400, 'Email is required'); }`),
    // The right answer.
    route(`({ bearer, set, status }) => { if (!bearer) { set.headers['WWW-Authenticate'] = ${BEARER}; return status(401, 'Unauthorized'); } }`),
    // Near-miss: the same shapes outside an Elysia file are not Elysia's context.
    `export const handler = ({ bearer, set }) => { if (!bearer) { set.status = 403; return 'No token'; } };`,
    `export const handler = ({ headers, status }) => { if (!headers.authorization) return status(403, 'No token'); };`,
    // Near-miss: a \`status\` that is not the context's (a local helper) and a \`set\` that is a Set.
    `${ELYSIA}function status(code, body) { return { code, body }; }
export const check = (headers) => { if (!headers.authorization) return status(403, 'No token'); };`,
    `${ELYSIA}export const f = (headers, set) => { if (!headers.authorization) { set.status = 403; } };`,
  ],
  invalid: [
    {
      // @elysiajs/bearer's documented shape: a missing token answered 400.
      code: `${ELYSIA}export const app = new Elysia().use(bearer()).onBeforeHandle(({ bearer, set }) => {
  if (!bearer) {
    set.status = 400;
    set.headers['WWW-Authenticate'] = 'Bearer realm="sign"';
    return 'Unauthorized';
  }
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          column: 18,
          data: { status: 400, problem: 'a missing credential', evidence: '!bearer', limitation: '' },
          suggestions: [
            {
              messageId: 'respond401Only',
              output: `${ELYSIA}export const app = new Elysia().use(bearer()).onBeforeHandle(({ bearer, set }) => {
  if (!bearer) {
    set.status = 401;
    set.headers['WWW-Authenticate'] = 'Bearer realm="sign"';
    return 'Unauthorized';
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // @elysiajs/jwt's verify() resolves to false for a bad token; the handler does not take \`set\` yet.
      code: route(`async ({ jwt, bearer, status }) => {
  const profile = await jwt.verify(bearer);
  if (!profile) return status(403, 'Invalid token');
  return profile;
}`),
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'an invalid credential', evidence: "!profile, 'Invalid token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: route(`async ({ jwt, bearer, status, set }) => {
  const profile = await jwt.verify(bearer);
  if (!profile) { set.headers['WWW-Authenticate'] = ${BEARER_INVALID}; return status(401, 'Invalid token'); }
  return profile;
}`),
            },
          ],
        },
      ],
    },
    {
      // Elysia before 1.3: \`error(code, body)\` from the context, thrown; a reason phrase stays a reason phrase.
      code: route(`({ headers, error, set }) => {
  if (!headers.authorization) {
    throw error('Forbidden', { message: 'Missing token' });
  }
}`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: route(`({ headers, error, set }) => {
  if (!headers.authorization) {
    set.headers['WWW-Authenticate'] = ${BEARER};
    throw error('Unauthorized', { message: 'Missing token' });
  }
}`),
            },
          ],
        },
      ],
    },
    {
      // A reason phrase is a status, and the only signal in the file.
      code: route(`({ bearer, set }) => {
  if (!bearer) {
    set.status = 'Bad Request';
    return 'Missing token';
  }
}`),
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 400, problem: 'a missing credential', evidence: "!bearer, 'Missing token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: route(`({ bearer, set }) => {
  if (!bearer) {
    set.headers['WWW-Authenticate'] = ${BEARER};
    set.status = 'Unauthorized';
    return 'Missing token';
  }
}`),
            },
          ],
        },
      ],
    },
    {
      // The context not destructured: \`ctx.set\`.
      code: route(`(ctx) => {
  const token = ctx.headers['authorization'];
  if (!token) {
    ctx.set.status = 403;
    return { message: 'No token provided' };
  }
}`),
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'a missing credential', evidence: "!token, 'No token provided'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: route(`(ctx) => {
  const token = ctx.headers['authorization'];
  if (!token) {
    ctx.set.headers['WWW-Authenticate'] = ${BEARER};
    ctx.set.status = 401;
    return { message: 'No token provided' };
  }
}`),
            },
          ],
        },
      ],
    },
    {
      // \`status\` imported from elysia, in a beforeHandle hook of the route options.
      code: `import { Elysia, status } from 'elysia';
export const app = new Elysia().get('/', () => 'ok', {
  beforeHandle({ cookie: { session }, set }) {
    if (!session.value) return status(419, 'Session expired');
  },
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          column: 39,
          // The absent cookie decides: a missing credential, so the challenge carries no error attribute.
          data: { status: 419, problem: 'a missing credential', evidence: "!session.value, 'Session expired'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { Elysia, status } from 'elysia';
export const app = new Elysia().get('/', () => 'ok', {
  beforeHandle({ cookie: { session }, set }) {
    if (!session.value) { set.headers['WWW-Authenticate'] = ${BEARER}; return status(401, 'Session expired'); }
  },
});`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('elysia: require-www-authenticate', challenge, {
  valid: [
    // The challenge set through set.headers (any case), before or after the status, with either form.
    route(`({ bearer, set }) => { if (!bearer) { set.headers['www-authenticate'] = ${BEARER}; set.status = 401; return 'Unauthorized'; } }`),
    route(`({ bearer, set, status }) => { if (!bearer) { set.headers['WWW-Authenticate'] = ${BEARER}; throw status('Unauthorized'); } }`),
    route(`(ctx) => { if (!ctx.bearer) { Object.assign(ctx.set.headers, { 'WWW-Authenticate': ${BEARER} }); return ctx.status(401); } }`),
    route(`({ bearer, set, status }) => { if (!bearer) { set.headers = { 'WWW-Authenticate': ${BEARER} }; return status(401); } }`),
    // A 401 for a permission denial is require-403-for-permission-denial's report.
    route(`({ user, status }) => { if (user.role !== 'admin') return status(401, 'Admins only'); }`),
  ],
  invalid: withSuggestedFix([
    {
      code: route(`({ bearer, set }) => {
  if (!bearer) {
    set.status = 401;
    return 'Unauthorized';
  }
}`),
      output: route(`({ bearer, set }) => {
  if (!bearer) {
    set.headers['WWW-Authenticate'] = ${BEARER};
    set.status = 401;
    return 'Unauthorized';
  }
}`),
      errors: [{ messageId: 'missingChallenge', line: 6, column: 18 }],
    },
    {
      // Near-miss of the valid case above: the header is set in the other branch.
      code: route(`({ bearer, set, status }) => {
  if (bearer) set.headers['WWW-Authenticate'] = ${BEARER};
  else return status(401, 'Missing token');
}`),
      output: route(`({ bearer, set, status }) => {
  if (bearer) set.headers['WWW-Authenticate'] = ${BEARER};
  else { set.headers['WWW-Authenticate'] = ${BEARER}; return status(401, 'Missing token'); }
}`),
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // A concise arrow body has no statement to put the header before: reported, not fixed.
      code: route(`({ bearer, status }) => bearer ? 'ok' : status(401, 'Missing token')`),
      output: null,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('elysia: require-403-for-permission-denial', permission, {
  valid: [route(`({ user, status }) => { if (user.role !== 'admin') return status(403, 'Admins only'); }`)],
  invalid: [
    {
      code: route(`({ user, status }) => { if (user.role !== 'admin') return status(401, 'Admins only'); }`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: route(`({ user, status }) => { if (user.role !== 'admin') return status(403, 'Admins only'); }`) }],
        },
      ],
    },
    {
      code: route(`({ user, set }) => { if (!user.isAdmin) { set.status = 'Unauthorized'; return 'Admins only'; } }`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: route(`({ user, set }) => { if (!user.isAdmin) { set.status = 'Forbidden'; return 'Admins only'; } }`) }],
        },
      ],
    },
  ],
});

ruleTester.run('elysia: a context destructured in the body', credential, {
  valid: [
    // A `status` destructured from something other than the context parameter is not the context's.
    route(`(context) => { const { status } = helpers; if (!context.headers.authorization) return status(403, 'No token'); }`),
  ],
  invalid: [
    {
      code: route(`(context) => { const { status } = context as RouteContext; if (!context.headers.authorization) return status(403, 'No token'); }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          suggestions: [
            {
              messageId: 'respond401',
              output: route(`(context) => { const { status } = context as RouteContext; if (!context.headers.authorization) { context.set.headers['WWW-Authenticate'] = ${BEARER}; return status(401, 'No token'); } }`),
            },
          ],
        },
      ],
    },
  ],
});

/** An app whose auth plugin derives `user`, and a route refusing with `status` when `test` holds. */
const derivedUserRoute = (parameters: string, test: string, status: number) => `import { Elysia } from 'elysia';
import { sessionPlugin } from './session';
export const app = new Elysia().use(sessionPlugin).patch('/profile', (${parameters}) => {
  if (${test}) return status(${status}, 'Refused');
  return { saved: true };
});`;

ruleTester.run('elysia: what the app derived for the request, destructured from the context', credential, {
  valid: [
    // A role of the derived user: a permission denial, 403 is right.
    derivedUserRoute('{ user, status }', "user.role !== 'editor'", 403),
    // A \`user\` of the route's parameters is the URL's, not the signed-in one.
    derivedUserRoute('{ params: { user }, status }', '!user', 400),
    // A \`user\` field of the body is the form's.
    derivedUserRoute('{ body: { user }, status }', '!user', 403),
  ],
  invalid: [
    {
      code: derivedUserRoute('{ user, body, status }', '!user', 403),
      errors: [{ messageId: 'wrongStatus', line: 4, suggestions: 1 }],
    },
  ],
});
