import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport } from '../rules/lint-helpers';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const CHALLENGE = `'WWW-Authenticate', 'Bearer realm="api"'`;

/** An oak router handler; `imports` is how the file reaches oak. */
function route(body: string, imports = `import { Router, Status } from 'jsr:@oak/oak';`): string {
  return `${imports}
const router = new Router();
router.get('/me', async (ctx) => {
  const token = ctx.request.headers.get('authorization');
${body}
  ctx.response.body = { ok: true };
});
export default router;`;
}

ruleTester.run('oak: require-401-for-credential-failure', credential, {
  valid: [
    route(`  if (!token) {
    ctx.response.headers.set(${CHALLENGE});
    ctx.response.status = Status.Unauthorized;
    return;
  }`),
    route(`  const user = await users.byToken(token);
  if (!user.isAdmin) ctx.throw(Status.Forbidden, 'Admins only');`),
    // Near-miss: a Status object that is not oak's.
    route(`  if (!token) ctx.throw(Status.Forbidden, 'Missing token');`, `import { Router } from 'jsr:@oak/oak';\nimport { Status } from './local-status';`),
  ],
  invalid: [
    {
      code: route(`  if (!token) {
    ctx.response.status = Status.Forbidden;
    return;
  }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          column: 27,
          suggestions: [
            {
              messageId: 'respond401',
              output: route(`  if (!token) {
    ctx.response.headers.set(${CHALLENGE});
    ctx.response.status = Status.Unauthorized;
    return;
  }`),
            },
          ],
        },
      ],
    },
    {
      code: route(`  if (!token) ctx.throw(Status.Forbidden, 'Missing token');`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: route(
                `  if (!token) throw createHttpError(Status.Unauthorized, 'Missing token', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`,
                `import { Router, Status, createHttpError } from 'jsr:@oak/oak';`,
              ),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('oak: require-www-authenticate', challenge, {
  valid: [route(`  if (!token) throw createHttpError(Status.Unauthorized, 'Sign in', { headers: { ${CHALLENGE.replace(', ', ': ')} } });`, `import { Router, Status, createHttpError } from 'jsr:@oak/oak';`)],
  invalid: withSuggestedFix([
    {
      // Passing the header as ctx.throw's props would throw: oak's HttpError.headers is a getter.
      code: route(`  if (!token) ctx.throw(Status.Unauthorized, 'Sign in', { expose: true });`),
      output: null,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('oak: require-403-for-permission-denial', permission, {
  valid: [],
  invalid: [
    {
      code: route(`  const user = await users.byToken(token);
  if (!user.isAdmin) ctx.throw(Status.Unauthorized, 'Admins only');`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: route(`  const user = await users.byToken(token);
  if (!user.isAdmin) ctx.throw(Status.Forbidden, 'Admins only');`) }],
        },
      ],
    },
  ],
});

describe('oak: suggestions leave no new report', () => {
  it('ctx.throw(Status.Forbidden) for a missing token becomes a thrown createHttpError with the challenge', () => {
    assertSuggestionsLeaveNoNewReport(route(`  if (!token) ctx.throw(Status.Forbidden, 'Missing token');`), 'auth-status/require-401-for-credential-failure');
  });
});
