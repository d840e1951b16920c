import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport } from '../rules/lint-helpers';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const LIMITATION =
  "Feathers' REST error handler sends a thrown error's code and body but no headers, and context.http.headers apply only to successful calls: add the challenge to 401 answers in the app's Koa or Express error middleware";

/** A Feathers `before` hook; `imports` says how the error classes are reached. */
function hook(body: string, imports = `const errors = require('@feathersjs/errors');\n`): string {
  return `${imports}module.exports = async function requireSignedIn(context) {
${body}
  return context;
};`;
}

jsRuleTester.run('feathers errors: require-401-for-credential-failure', credential, {
  valid: [
    hook(`  if (!context.params.user) throw new errors.NotAuthenticated('Not signed in');`),
    hook(`  if (!context.params.user.roles.includes('admin')) throw new errors.Forbidden('Admins only');`),
    hook(`  if (!context.data.email) throw new errors.BadRequest('email is required');`),
    // Near-miss: a project class that shares the name is not Feathers'.
    `class Forbidden extends Error {}
module.exports = async (context) => { if (!context.params.user) throw new Forbidden('Not signed in'); };`,
    // Near-miss: another package's `errors` object.
    hook(`  if (!context.params.user) throw new errors.Forbidden('Not signed in');`, `const errors = require('./errors');\n`),
  ],
  invalid: [
    {
      code: hook(`  if (!context.params.user) throw new errors.Forbidden('You must be signed in');`),
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 3,
          column: 46,
          data: { status: 403, problem: 'a missing credential', evidence: "!context.params.user, 'You must be signed in'", limitation: LIMITATION },
          // Renaming the class would trade this report for a challenge report nothing in the hook can answer.
          suggestions: [],
        },
      ],
    },
    {
      code: hook(`  if (!context.params.authentication) throw new BadRequest('No access token');`, `import { BadRequest } from '@feathersjs/errors';\n`),
      errors: [{ messageId: 'wrongStatusHeaderless', data: { status: 400, problem: 'a missing credential', evidence: '!context.params.authentication', limitation: LIMITATION } }],
    },
    {
      code: hook(`  if (!context.params.headers.authorization) throw new Forbidden('Missing token');`, `const { Forbidden } = require('@feathersjs/errors');\n`),
      errors: [{ messageId: 'wrongStatusHeaderless', column: 56 }],
    },
  ],
});

jsRuleTester.run('feathers errors: require-www-authenticate', challenge, {
  valid: [hook(`  if (!context.params.user.roles.includes('admin')) throw new errors.Forbidden('Admins only');`)],
  invalid: [
    {
      code: hook(`  if (!context.params.user) throw new errors.NotAuthenticated('Not signed in');`),
      output: null,
      errors: [{ messageId: 'missingChallengeHeaderless', data: { challenge: 'WWW-Authenticate: Bearer realm="api"', limitation: LIMITATION } }],
    },
  ],
});

const DESTRUCTURED = `const { NotAuthenticated } = require('@feathersjs/errors');\n`;
const IMPORTED = `import { NotAuthenticated } from '@feathersjs/errors';\n`;
const DENIAL = `  if (!context.params.user.roles.includes('admin')) throw new NotAuthenticated('Admins only');`;
const FIXED = `  if (!context.params.user.roles.includes('admin')) throw new Forbidden('Admins only');`;

jsRuleTester.run('feathers errors: require-403-for-permission-denial', permission, {
  valid: [hook(`  if (!context.params.user.roles.includes('admin')) throw new errors.Forbidden('Admins only');`)],
  invalid: [
    {
      code: hook(`  if (!context.params.user.roles.includes('admin')) throw new errors.NotAuthenticated('Admins only');`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: hook(`  if (!context.params.user.roles.includes('admin')) throw new errors.Forbidden('Admins only');`) }],
        },
      ],
    },
    {
      // A destructured require gains the class it needs.
      code: hook(DENIAL, DESTRUCTURED),
      errors: [{ messageId: 'permissionDenial', suggestions: [{ messageId: 'respond403', output: hook(FIXED, `const { NotAuthenticated, Forbidden } = require('@feathersjs/errors');\n`) }] }],
    },
    {
      code: hook(DENIAL, IMPORTED),
      errors: [{ messageId: 'permissionDenial', suggestions: [{ messageId: 'respond403', output: hook(FIXED, `import { NotAuthenticated, Forbidden } from '@feathersjs/errors';\n`) }] }],
    },
    {
      // `Forbidden` names something else here: no rename without a clash.
      code: hook(DENIAL, `${DESTRUCTURED}const Forbidden = 403;\n`),
      errors: [{ messageId: 'permissionDenial', suggestions: [] }],
    },
  ],
});

describe('feathers errors: suggestions leave no new report', () => {
  it('NotAuthenticated for a permission denial becomes Forbidden', () => {
    assertSuggestionsLeaveNoNewReport(hook(DENIAL, IMPORTED), 'auth-status/require-403-for-permission-denial');
  });
});
