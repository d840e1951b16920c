import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport } from '../rules/lint-helpers';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const HEADER = `res.header('WWW-Authenticate', 'Bearer realm="api"');`;

/** A restify handler; `imports` says how the error classes are reached. */
function handler(body: string, imports = `const errors = require('restify-errors');\n`): string {
  return `${imports}function checkToken(req, res, next) {
${body}
  return next();
}
module.exports = checkToken;`;
}

/** `NotAuthorizedError` (restify's 403) for a missing token, reached through `imports`; the fix names `UnauthorizedError`. */
function missingToken(imports: string, fixedImports: string, owner = '') {
  return {
    code: handler(`  if (!req.headers.authorization) return next(new ${owner}NotAuthorizedError('Missing token'));`, imports),
    errors: [
      {
        messageId: 'wrongStatus' as const,
        suggestions: [
          {
            messageId: 'respond401' as const,
            output: handler(`  if (!req.headers.authorization) { ${HEADER} return next(new ${owner}UnauthorizedError('Missing token')); }`, fixedImports),
          },
        ],
      },
    ],
  };
}

jsRuleTester.run('restify errors: require-401-for-credential-failure', credential, {
  valid: [
    handler(`  if (!req.headers.authorization) { ${HEADER} return next(new errors.UnauthorizedError('Missing token')); }`),
    handler(`  if (!req.user.isAdmin) return next(new errors.NotAuthorizedError('Admins only'));`),
    handler(`  if (!req.body.name) return next(new errors.MissingParameterError('name is required'));`),
    // Near-miss: an `errors` module of the project, and a project class named like restify's.
    handler(`  if (!req.headers.authorization) return next(new errors.NotAuthorizedError('Missing token'));`, `const errors = require('./errors');\n`),
    `class NotAuthorizedError extends Error {}
function checkToken(req, res, next) { if (!req.headers.authorization) return next(new NotAuthorizedError('Missing token')); }`,
  ],
  invalid: [
    {
      // NotAuthorizedError is restify's 403, whatever its name suggests.
      code: handler(`  if (!req.headers.authorization) {
    return next(new errors.NotAuthorizedError('Missing token'));
  }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          column: 28,
          data: { status: 403, problem: 'a missing credential', evidence: "!req.headers.authorization, 'Missing token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: handler(`  if (!req.headers.authorization) {
    ${HEADER}
    return next(new errors.UnauthorizedError('Missing token'));
  }`),
            },
          ],
        },
      ],
    },
    missingToken(`const { NotAuthorizedError } = require('restify-errors');\n`, `const { NotAuthorizedError, UnauthorizedError } = require('restify-errors');\n`),
    // ES modules reach the CommonJS classes through the default export.
    missingToken(
      `import errors from 'restify-errors';\nconst { NotAuthorizedError } = errors;\n`,
      `import errors from 'restify-errors';\nconst { NotAuthorizedError, UnauthorizedError } = errors;\n`,
    ),
    // restify before 5 exported the classes itself.
    missingToken(`const restify = require('restify');\n`, `const restify = require('restify');\n`, 'restify.'),
  ],
});

jsRuleTester.run('restify errors: require-www-authenticate', challenge, {
  valid: [
    handler(`  ${HEADER}\n  if (!req.headers.authorization) return next(new errors.InvalidCredentialsError('Missing token'));`),
    handler(`  if (!req.user.isAdmin) return next(new errors.NotAuthorizedError('Admins only'));`),
  ],
  invalid: withSuggestedFix([
    {
      code: handler(`  if (!req.headers.authorization) return next(new errors.InvalidCredentialsError('Missing token'));`),
      output: handler(`  if (!req.headers.authorization) { ${HEADER} return next(new errors.InvalidCredentialsError('Missing token')); }`),
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // No response in reach to set the header on: reported, not fixed.
      code: `const errors = require('restify-errors');\nfunction check(token) { if (!token) throw new errors.UnauthorizedError('Missing token'); }`,
      output: null,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

jsRuleTester.run('restify errors: require-403-for-permission-denial', permission, {
  valid: [handler(`  if (!req.user.isAdmin) return next(new errors.ForbiddenError('Admins only'));`)],
  invalid: [
    {
      code: handler(`  if (!req.user.isAdmin) return next(new errors.InvalidCredentialsError('Admins only'));`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: handler(`  if (!req.user.isAdmin) return next(new errors.ForbiddenError('Admins only'));`) }],
        },
      ],
    },
  ],
});

describe('restify errors: suggestions leave no new report', () => {
  it('NotAuthorizedError for a missing token becomes UnauthorizedError with a challenge', () => {
    assertSuggestionsLeaveNoNewReport(
      handler(`  if (!req.headers.authorization) return next(new NotAuthorizedError('Missing token'));`, `import { NotAuthorizedError } from 'restify-errors';\n`),
      'auth-status/require-401-for-credential-failure',
    );
  });
});
