import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport } from '../rules/lint-helpers';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const HEADER = `.header('WWW-Authenticate', 'Bearer realm="api"')`;

/** An AdonisJS v4 middleware: it imports nothing from Adonis, its context's shape says what it is. */
function middleware(body: string): string {
  return `'use strict';
class Authenticate {
  async handle({ request, response, auth }, next) {
${body}
    await next();
  }
}
module.exports = Authenticate;`;
}

/** An AdonisJS v4 controller action. */
function action(body: string): string {
  return `'use strict';
class PostController {
  async store({ request, response, auth }) {
${body}
    return response.json({ ok: true });
  }
}
module.exports = PostController;`;
}

jsRuleTester.run('adonis v4: require-401-for-credential-failure', credential, {
  valid: [
    middleware(`    try {
      await auth.check();
    } catch (error) {
      return response${HEADER}.status(401).send({ message: 'Missing or invalid token' });
    }`),
    action(`    if (auth.user.role !== 'editor') return response.forbidden({ message: 'Editors only' });`),
    // Near-miss: a plain object named `response` that is no handler's context.
    `function forbidden({ response }) { if (!response.user) return response.forbidden({ message: 'Login first' }); }`,
    // Near-miss: an ES module class importing nothing from Adonis belongs to another framework.
    `import { db } from './db';
export class PostController { async store({ request, response }) { if (!request.header('authorization')) return response.forbidden(); } }`,
  ],
  invalid: [
    {
      code: middleware(`    try {
      await auth.check();
    } catch (error) {
      return response.status(403).send({ message: 'Missing or invalid token' });
    }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 7,
          column: 30,
          suggestions: [
            {
              messageId: 'respond401',
              output: middleware(`    try {
      await auth.check();
    } catch (error) {
      return response.status(401).header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').send({ message: 'Missing or invalid token' });
    }`),
            },
          ],
        },
      ],
    },
    {
      code: action(`    if (!auth.user) return response.forbidden({ message: 'Login first' });`),
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'a missing credential', evidence: '!auth.user', limitation: '' },
          suggestions: [{ messageId: 'respond401', output: action(`    if (!auth.user) return response${HEADER}.unauthorized({ message: 'Login first' });`) }],
        },
      ],
    },
  ],
});

jsRuleTester.run('adonis v4: require-www-authenticate', challenge, {
  valid: [action(`    if (!auth.user) return response${HEADER}.unauthorized({ message: 'Login first' });`)],
  invalid: withSuggestedFix([
    {
      code: action(`    if (!auth.user) return response.unauthorized({ message: 'Login first' });`),
      output: action(`    if (!auth.user) return response${HEADER}.unauthorized({ message: 'Login first' });`),
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

jsRuleTester.run('adonis v4: require-403-for-permission-denial', permission, {
  valid: [action(`    if (auth.user.role !== 'editor') return response.forbidden({ message: 'Editors only' });`)],
  invalid: [
    {
      code: action(`    if (auth.user.role !== 'editor') return response.status(401).json({ message: 'Editors only' });`),
      errors: [{ messageId: 'permissionDenial', suggestions: [{ messageId: 'respond403', output: action(`    if (auth.user.role !== 'editor') return response.status(403).json({ message: 'Editors only' });`) }] }],
    },
  ],
});

describe('adonis v4: suggestions leave no new report', () => {
  it('response.forbidden() for a missing user becomes response.header(…).unauthorized()', () => {
    assertSuggestionsLeaveNoNewReport(action(`    if (!auth.user) return response.forbidden({ message: 'Login first' });`), 'auth-status/require-401-for-credential-failure');
  });
});
