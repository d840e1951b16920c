import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const BEARER = `'Bearer realm="api"'`;

/** A Kibana / OpenSearch Dashboards route whose handler body is `body`. */
function route(body: string, params = 'context, request, response'): string {
  return `export function defineRoutes(router) {
  router.get({ path: '/api/my_plugin/me', validate: false }, async (${params}) => {
${body}
    return response.ok({ body: {} });
  });
}`;
}

ruleTester.run('kibana: require-401-for-credential-failure', credential, {
  valid: [
    route(`    if (!(await context.core.security.hasPrivilege('admin'))) return response.forbidden({ body: { message: 'Admins only' } });`),
    route(`    if (!request.query.index) return response.badRequest({ body: 'index is required' });`),
    // Near-miss: the same calls on a response that is not a route handler's third parameter.
    `export async function handler(request, response) { if (!request.headers.authorization) return response.forbidden({ body: 'No token' }); }`,
    `server.get({ name: 'me' }, async (ctx, request, response) => { if (!request.headers.authorization) return response.forbidden({ body: 'No token' }); });`,
  ],
  invalid: [
    {
      code: route(`    if (!request.headers.authorization) {
      return response.forbidden({ body: { message: 'Missing authorization header' } });
    }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          column: 23,
          data: { status: 403, problem: 'a missing credential', evidence: "!request.headers.authorization, 'Missing authorization header'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: route(`    if (!request.headers.authorization) {
      return response.unauthorized({ headers: { 'WWW-Authenticate': ${BEARER} }, body: { message: 'Missing authorization header' } });
    }`),
            },
          ],
        },
      ],
    },
    {
      // customError with a made-up status; the response factory named \`res\` (not Sails' res).
      code: route(`    if (!request.headers.authorization) return res.customError({ statusCode: 498, body: 'Token required' });`, 'ctx, request, res'),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: route(
                `    if (!request.headers.authorization) return res.customError({ headers: { 'WWW-Authenticate': ${BEARER} }, statusCode: 401, body: 'Token required' });`,
                'ctx, request, res',
              ),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('kibana: versioned routes', credential, {
  valid: [
    // Near-miss: addVersion's config without a version is not Kibana's.
    `api.addVersion({ validate: false }, async (ctx, request, response) => { if (!request.headers.authorization) return response.forbidden({ body: 'No token' }); });`,
  ],
  invalid: [
    {
      code: `router.versioned.get({ path: '/api/x', access: 'public' }).addVersion({ version: '2023-10-31', validate: false }, async (ctx, request, response) => {
  if (!request.headers.authorization) return response.forbidden({ body: 'No token' });
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `router.versioned.get({ path: '/api/x', access: 'public' }).addVersion({ version: '2023-10-31', validate: false }, async (ctx, request, response) => {
  if (!request.headers.authorization) return response.unauthorized({ headers: { 'WWW-Authenticate': ${BEARER} }, body: 'No token' });
});`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('kibana: require-www-authenticate', challenge, {
  valid: [
    route(`    if (!request.headers.authorization) return response.unauthorized({ headers: { 'WWW-Authenticate': ${BEARER} } });`),
    route(`    if (!request.headers.authorization) return response.customError({ statusCode: 401, headers, body: 'Unauthorized' });`),
  ],
  invalid: withSuggestedFix([
    {
      code: route(`    if (!request.headers.authorization) return response.unauthorized();`),
      output: route(`    if (!request.headers.authorization) return response.unauthorized({ headers: { 'WWW-Authenticate': ${BEARER} } });`),
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
  ]),
});

ruleTester.run('kibana: require-403-for-permission-denial', permission, {
  valid: [route(`    if (!(await context.core.security.hasPrivilege('admin'))) return response.forbidden({ body: 'Admins only' });`)],
  invalid: [
    {
      code: route(`    if (!(await context.core.security.hasPrivilege('admin'))) return response.unauthorized({ body: 'Admins only' });`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: route(`    if (!(await context.core.security.hasPrivilege('admin'))) return response.forbidden({ body: 'Admins only' });`) }],
        },
      ],
    },
  ],
});
