/**
 * AdonisJS exceptions: a class over the framework's `Exception` fixes its status (`static status` in v6,
 * `super(message, status, code)` in v5); the framework renders it with that status and no header, unless the class
 * renders itself.
 */
import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const permission = plugin.rules['require-403-for-permission-denial'];
const challenge = plugin.rules['require-www-authenticate'];

const V6 = `import { Exception } from '@adonisjs/core/exceptions'\n`;
const V5 = `import { Exception } from '@adonisjs/core/build/standalone'\n`;

ruleTester.run('adonis exceptions: the status a login failure is given', credential, {
  valid: [
    // A right the signed-in user lacks: 403 is right.
    `${V6}export const E_NOT_AN_EDITOR = class extends Exception {\n  static status = 403\n  static code = 'E_NOT_AN_EDITOR'\n}`,
    // Another library's Exception base is not Adonis': what renders it is not known.
    `import { Exception } from './support/exception'\nexport const E_INVALID_CREDENTIALS = class extends Exception {\n  static status = 400\n}`,
  ],
  invalid: [
    {
      code: `${V6}export const E_INVALID_CREDENTIALS = class extends Exception {\n  static status = 400\n  static code = 'E_INVALID_CREDENTIALS'\n}`,
      errors: [{ messageId: 'wrongStatus', line: 3, data: { status: 400, problem: 'a failed login', evidence: 'E_INVALID_CREDENTIALS', limitation: '' }, suggestions: [] }],
    },
    {
      code: `${V5}export default class TokenExpiredException extends Exception {\n  constructor(message = 'Your session expired') {\n    super(message, 419, 'E_TOKEN_EXPIRED')\n  }\n}`,
      errors: [{ messageId: 'wrongStatus', line: 4, suggestions: [] }],
    },
  ],
});

ruleTester.run('adonis exceptions: 401 classes', permission, {
  valid: [
    // The name restates the status: it says nothing of why, so no permission denial is read from it.
    `${V6}export const E_UNAUTHORIZED_ACCESS = class extends Exception {\n  static status = 401\n  static code = 'E_UNAUTHORIZED_ACCESS'\n}`,
  ],
  invalid: [
    {
      code: `${V6}export const E_ROLE_MISSING = class extends Exception {\n  static status = 401\n  static message = 'Your role does not allow this'\n}`,
      errors: [
        {
          messageId: 'permissionDenial',
          line: 3,
          suggestions: [{ messageId: 'respond403', output: `${V6}export const E_ROLE_MISSING = class extends Exception {\n  static status = 403\n  static message = 'Your role does not allow this'\n}` }],
        },
      ],
    },
  ],
});

ruleTester.run('adonis exceptions: the challenge of a 401 class', challenge, {
  valid: [
    // A class that renders itself decides its own headers.
    `${V6}export const E_UNAUTHORIZED_ACCESS = class extends Exception {\n  static status = 401\n  async handle(error, ctx) {\n    ctx.response.header('WWW-Authenticate', 'Bearer realm="api"').status(401).send(error.message)\n  }\n}`,
  ],
  invalid: [
    {
      code: `${V6}export const E_NO_TOKEN = class extends Exception {\n  static status = 401\n  static code = 'E_NO_TOKEN'\n}`,
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
  ],
});

const CHALLENGE = ".header('WWW-Authenticate', 'Bearer realm=\"api\"')";

/** A 401 exception with a renderer per guard, each sending the challenge or not. */
const guardRenderers = (apiChallenges: boolean, webChallenges: boolean) => `${V6}export const E_UNAUTHORIZED_ACCESS = class extends Exception {
  static status = 401
  renderers = {
    api: (message, error, ctx) => {
      ctx.response.status(error.status)${apiChallenges ? CHALLENGE : ''}.send({ errors: [{ message }] })
    },
    web: (message, _error, ctx) => {
      ctx.response.status(this.status)${webChallenges ? CHALLENGE : ''}.send(message)
    },
  }
  async handle(error: this, ctx) {
    return this.renderers[ctx.guard](error.message, error, ctx)
  }
}`;

ruleTester.run('adonis exceptions: a 401 class rendering itself with its own status', challenge, {
  valid: [
    // The renderer sends the challenge with the class's status.
    `${V6}export const E_UNAUTHORIZED_ACCESS = class extends Exception {
  static status = 401
  async handle(error: this, ctx) {
    ctx.response.status(error.status).header('WWW-Authenticate', 'Bearer realm="api"').send(error.message)
  }
}`,
    // The constructor sets each instance's status: the class does not fix it.
    `${V6}export class RequestFailed extends Exception {
  static status = 401
  constructor(message, status) {
    super(message)
    this.status = status
  }
  async handle(error: this, ctx) {
    ctx.response.status(error.status).send(error.message)
  }
}`,
    // Not an AdonisJS exception: whatever \`status\` it has is not known.
    `import { Exception } from './exception'
export class Rejected extends Exception {
  static status = 401
  async handle(error: this, { response }) {
    response.status(error.status).send(error.message)
  }
}`,
  ],
  invalid: withSuggestedFix([
    {
      // handle(error: this, ctx): error.status is the class's 401.
      code: `${V6}export const E_UNAUTHORIZED_ACCESS = class extends Exception {
  static status = 401
  async handle(error: this, ctx) {
    ctx.response.status(error.status).send(error.message)
  }
}`,
      output: `${V6}export const E_UNAUTHORIZED_ACCESS = class extends Exception {
  static status = 401
  async handle(error: this, ctx) {
    ctx.response.status(error.status).header('WWW-Authenticate', 'Bearer realm="api"').send(error.message)
  }
}`,
      errors: [{ messageId: 'missingChallenge', line: 5 }],
    },
    {
      // A renderer per guard, typed through the class's renderers table: its error is the exception.
      code: guardRenderers(false, false),
      output: guardRenderers(true, true),
      errors: [
        { messageId: 'missingChallenge', line: 6, suggestions: [{ messageId: 'addChallenge', output: guardRenderers(true, false) }] },
        { messageId: 'missingChallenge', line: 9, suggestions: [{ messageId: 'addChallenge', output: guardRenderers(false, true) }] },
      ],
    },
  ]),
});

ruleTester.run('adonis exceptions: a class rendering its own status is judged once, at the class', permission, {
  valid: [],
  invalid: [
    {
      code: `${V6}export const E_ROLE_MISSING = class extends Exception {
  static status = 401
  static message = 'Your role does not allow this'
  async handle(error: this, ctx) {
    ctx.response.status(error.status).send(error.message)
  }
}`,
      errors: [{ messageId: 'permissionDenial', line: 3, suggestions: [{ messageId: 'respond403', output: `${V6}export const E_ROLE_MISSING = class extends Exception {
  static status = 403
  static message = 'Your role does not allow this'
  async handle(error: this, ctx) {
    ctx.response.status(error.status).send(error.message)
  }
}` }] }],
    },
  ],
});
