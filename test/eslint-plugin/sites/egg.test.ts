import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport } from '../rules/lint-helpers';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const HEADERS = `{ headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }`;

/** An Egg controller action; `imports` says how the egg-errors classes are reached. */
function action(body: string, imports = `const { ForbiddenError, UnauthorizedError } = require('egg-errors');\n`): string {
  return `const { Controller } = require('egg');
${imports}class OrderController extends Controller {
  async show() {
    const { ctx } = this;
${body}
    ctx.body = await ctx.service.order.find(ctx.params.id);
  }
}
module.exports = OrderController;`;
}

jsRuleTester.run('egg-errors: require-401-for-credential-failure', credential, {
  valid: [
    action(`    if (!ctx.state.user) throw Object.assign(new UnauthorizedError('Please sign in'), ${HEADERS});`),
    action(`    if (!ctx.state.user.isAdmin) throw new ForbiddenError('Admins only');`),
    // Near-miss: a project module named like the package's classes.
    action(`    if (!ctx.state.user) throw new ForbiddenError('Please sign in');`, `const { ForbiddenError } = require('../errors');\n`),
  ],
  invalid: [
    {
      code: action(`    if (!ctx.get('authorization')) throw new ForbiddenError('Token missing');`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          column: 46,
          data: { status: 403, problem: 'a missing credential', evidence: "!ctx.get('authorization'), 'Token missing'", limitation: '' },
          suggestions: [
            { messageId: 'respond401', output: action(`    if (!ctx.get('authorization')) throw Object.assign(new UnauthorizedError('Token missing'), ${HEADERS});`) },
          ],
        },
      ],
    },
    {
      code: action(`    if (!ctx.state.user) throw new errors.E403('Please sign in');`, `const errors = require('egg-errors');\n`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: action(`    if (!ctx.state.user) throw Object.assign(new errors.UnauthorizedError('Please sign in'), ${HEADERS});`, `const errors = require('egg-errors');\n`),
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('egg-errors: require-www-authenticate', challenge, {
  valid: [
    action(`    if (!ctx.state.user) {
      const error = new UnauthorizedError('Please sign in');
      error.headers = { 'WWW-Authenticate': 'Bearer realm="api"' };
      throw error;
    }`),
  ],
  invalid: withSuggestedFix([
    {
      code: action(`    if (!ctx.state.user) throw new UnauthorizedError('Please sign in');`),
      output: action(`    if (!ctx.state.user) throw Object.assign(new UnauthorizedError('Please sign in'), ${HEADERS});`),
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

jsRuleTester.run('egg-errors: require-403-for-permission-denial', permission, {
  valid: [action(`    if (!ctx.state.user.isAdmin) throw new ForbiddenError('Admins only');`)],
  invalid: [
    {
      code: action(`    if (!ctx.state.user.isAdmin) throw new UnauthorizedError('Admins only');`),
      errors: [{ messageId: 'permissionDenial', suggestions: [{ messageId: 'respond403', output: action(`    if (!ctx.state.user.isAdmin) throw new ForbiddenError('Admins only');`) }] }],
    },
  ],
});

describe('egg-errors: suggestions leave no new report', () => {
  it('ForbiddenError for a missing token becomes an UnauthorizedError carrying its challenge', () => {
    assertSuggestionsLeaveNoNewReport(
      action(`    if (!ctx.get('authorization')) throw new ForbiddenError('Token missing');`, `import { ForbiddenError } from 'egg-errors';\n`),
      'auth-status/require-401-for-credential-failure',
    );
  });
});
