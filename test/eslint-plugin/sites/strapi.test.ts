import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const BEARER = `'Bearer realm="api"'`;
const ERRORS = `const { errors } = require('@strapi/utils');
const { ForbiddenError, UnauthorizedError } = errors;
`;

/** A Strapi controller action. */
function action(body: string): string {
  return `${ERRORS}module.exports = {
  async me(ctx) {
${body}
  },
};`;
}

jsRuleTester.run('strapi errors: require-401-for-credential-failure', credential, {
  valid: [
    action(`    if (!ctx.state.user.isAdmin) throw new ForbiddenError('Admins only');`),
    action(`    if (!ctx.request.body.email) throw new errors.ValidationError('email is required');`),
    // Near-miss: a project class with the same name, not Strapi's.
    `class ForbiddenError extends Error {}
module.exports = { async me(ctx) { if (!ctx.request.header.authorization) throw new ForbiddenError('Missing token'); } };`,
  ],
  invalid: [
    {
      code: action(`    if (!ctx.request.header.authorization) {
      throw new errors.ForbiddenError('Missing token');
    }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          column: 24,
          data: { status: 403, problem: 'a missing credential', evidence: "!ctx.request.header.authorization, 'Missing token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: action(`    if (!ctx.request.header.authorization) {
      ctx.set('WWW-Authenticate', ${BEARER});
      throw new errors.UnauthorizedError('Missing token');
    }`),
            },
          ],
        },
      ],
    },
    {
      // A destructured class cannot be renamed without a new binding: reported without a suggestion.
      code: action(`    if (!ctx.request.header.authorization) throw new ForbiddenError('Missing token');`),
      errors: [{ messageId: 'wrongStatus', suggestions: [] }],
    },
  ],
});

jsRuleTester.run('strapi errors: require-www-authenticate', challenge, {
  valid: [action(`    if (!ctx.request.header.authorization) { ctx.set('WWW-Authenticate', ${BEARER}); throw new UnauthorizedError('Missing token'); }`)],
  invalid: withSuggestedFix([
    {
      code: action(`    if (!ctx.request.header.authorization) throw new UnauthorizedError('Missing token');`),
      output: action(`    if (!ctx.request.header.authorization) { ctx.set('WWW-Authenticate', ${BEARER}); throw new UnauthorizedError('Missing token'); }`),
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // A service has no ctx to set the header on: reported, not fixed.
      code: `${ERRORS}module.exports = { async check(token) { if (!token) throw new UnauthorizedError('Missing token'); } };`,
      output: null,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

jsRuleTester.run('strapi errors: require-403-for-permission-denial', permission, {
  valid: [action(`    if (!ctx.state.user.isAdmin) throw new errors.ForbiddenError('Admins only');`)],
  invalid: [
    {
      code: action(`    if (!ctx.state.user.isAdmin) throw new errors.UnauthorizedError('Admins only');`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: action(`    if (!ctx.state.user.isAdmin) throw new errors.ForbiddenError('Admins only');`) }],
        },
      ],
    },
  ],
});

/** A Strapi policy file; Strapi answers its `return false` with a 403 PolicyError. */
const POLICY_FILE = 'src/api/article/policies/is-signed-in.ts';
const policy = (body: string) => `export default async (policyContext, config, { strapi }) => {
${body}
  return true;
};`;

ruleTester.run('strapi: a policy returning false is answered 403', credential, {
  valid: [
    // A role the signed-in user lacks: 403 is right.
    { code: policy("  if (policyContext.state.user.role.type !== 'editor') return false;"), filename: POLICY_FILE },
    // The same function outside a policies folder is no policy.
    { code: policy('  if (!policyContext.request.header.authorization) return false;'), filename: 'src/api/article/services/flags.ts' },
  ],
  invalid: [
    {
      code: policy(`  const header = policyContext.request.header.authorization;
  if (!header) return false;
  try {
    await strapi.plugin('users-permissions').service('jwt').verify(header.split(' ')[1]);
  } catch {
    return false;
  }`),
      filename: POLICY_FILE,
      errors: [
        { messageId: 'wrongStatusHeaderless', line: 3 },
        { messageId: 'wrongStatusHeaderless', line: 7 },
      ],
    },
  ],
});
