import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport, lintWithAllRules } from '../rules/lint-helpers';
import assert from 'node:assert/strict';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const LIMITATION =
  "routing-controllers renders a thrown error with its httpCode and the route's @Header(…) values only: add the challenge with @Header('WWW-Authenticate', …) on the action or in the app's error middleware";

/** A routing-controllers controller action; `imports` names the classes it throws. */
function controller(body: string, imports = 'UnauthorizedError, ForbiddenError, BadRequestError'): string {
  return `import { JsonController, Param, Get, CurrentUser, ${imports} } from 'routing-controllers';

@JsonController('/lessons')
export class LessonController {
  @Get('/:id')
  async one(@Param('id') id: string, @CurrentUser() currentUser?: { _id: string; role: string }) {
    const lesson = await Lessons.findById(id);
${body}
    return lesson;
  }
}`;
}

const STUDENT_DENIED = `    if (currentUser.role !== 'teacher') {
      throw new UnauthorizedError('Only teachers see the answers.');
    }`;

ruleTester.run('routing-controllers errors: require-403-for-permission-denial', permission, {
  valid: [
    controller(STUDENT_DENIED.replace('UnauthorizedError', 'ForbiddenError')),
    // Near-miss: nobody is signed in, so the 401 class is right.
    controller(`    if (!currentUser) {
      throw new UnauthorizedError('Sign in first.');
    }`),
    // Near-miss: a project class of the same name is not the package's.
    `class UnauthorizedError extends Error {}
export function only(user: { role: string }) { if (user.role !== 'admin') throw new UnauthorizedError('Admins only'); }`,
  ],
  invalid: [
    {
      code: controller(STUDENT_DENIED),
      errors: [
        {
          messageId: 'permissionDenial',
          line: 9,
          suggestions: [{ messageId: 'respond403', output: controller(STUDENT_DENIED.replace('UnauthorizedError', 'ForbiddenError')) }],
        },
      ],
    },
  ],
});

ruleTester.run('routing-controllers errors: require-401-for-credential-failure', credential, {
  valid: [controller(`    if (!currentUser) throw new UnauthorizedError('Sign in first.');`)],
  invalid: [
    {
      code: controller(`    if (!currentUser) throw new BadRequestError('Sign in first.');`),
      errors: [{ messageId: 'wrongStatusHeaderless', data: { status: 400, problem: 'a missing credential', evidence: '!currentUser', limitation: LIMITATION } }],
    },
  ],
});

// The driver renders the error out of view (its httpCode and the route's @Header values): the throw is not judged.
ruleTester.run('routing-controllers errors: require-www-authenticate', challenge, {
  valid: [controller(`    if (!currentUser) throw new UnauthorizedError('Sign in first.');`)],
  invalid: [],
});

describe('routing-controllers errors: fixes', () => {
  it('the suggestion for a permission denial leaves no new report', () => {
    assertSuggestionsLeaveNoNewReport(controller(STUDENT_DENIED), 'auth-status/require-403-for-permission-denial');
  });

  it('AccessDeniedError is the package 403: a permission check answered with it is silent', () => {
    const messages = lintWithAllRules(controller(STUDENT_DENIED.replace('new UnauthorizedError(', 'new AccessDeniedError('), 'AccessDeniedError'));
    assert.deepEqual(messages.map((message) => message.ruleId), []);
  });
});
