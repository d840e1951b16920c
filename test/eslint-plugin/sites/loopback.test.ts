import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;
const NO_RESPONSE =
  "LoopBack's error handler ignores an error's headers: inject the response (@inject(RestBindings.Http.RESPONSE)) and call its setHeader('WWW-Authenticate', …) before throwing";

/** A LoopBack 4 controller with the response injected in its constructor. */
function controller(body: string): string {
  return `import { inject } from '@loopback/core';
import { HttpErrors, Request, Response, RestBindings } from '@loopback/rest';
export class WhoAmIController {
  constructor(@inject(RestBindings.Http.RESPONSE) private response: Response) {}
  whoAmI(@inject(RestBindings.Http.REQUEST) request: Request) {
${body}
  }
}`;
}

/** The token extraction of @loopback/authentication-jwt's strategy, which has no response. */
function strategy(body: string): string {
  return `import { HttpErrors, Request } from '@loopback/rest';
export class JWTAuthenticationStrategy {
  async authenticate(request: Request) {
${body}
  }
}`;
}

ruleTester.run('loopback: require-401-for-credential-failure', credential, {
  valid: [
    controller(`    if (!this.user.roles.includes('admin')) throw new HttpErrors.Forbidden('Admins only');`),
    // HttpErrors from another library is not LoopBack's.
    `import { HttpErrors } from 'some-errors-lib';
export function a(request) { if (!request.headers.authorization) throw new HttpErrors.Forbidden('No token'); }`,
  ],
  invalid: [
    {
      code: controller(`    if (!request.headers.authorization) throw new HttpErrors.Forbidden('Authorization header not found.');`),
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 6,
          column: 62,
          data: {
            status: '403',
            problem: 'a missing credential',
            evidence: "!request.headers.authorization, 'Authorization header not found.'",
            limitation: "LoopBack's error handler ignores an error's headers: set it on this.response before throwing",
          },
          suggestions: [
            {
              messageId: 'respond401',
              output: controller(`    if (!request.headers.authorization) { this.response.setHeader('WWW-Authenticate', ${BEARER}); throw new HttpErrors.Unauthorized('Authorization header not found.'); }`),
            },
          ],
        },
      ],
    },
    {
      // HttpErrors[403] and HttpErrors(403, msg), in a strategy without a response: no suggestion.
      code: strategy(`    const token = request.headers.authorization;
    if (!token) throw new HttpErrors[403]('No token');
    if (!token.startsWith('Bearer ')) throw HttpErrors(400, 'Authorization header is not of type Bearer.');`),
      errors: [
        { messageId: 'wrongStatusHeaderless', line: 5, data: { status: '403', problem: 'a missing credential', evidence: "!token, 'No token'", limitation: NO_RESPONSE }, suggestions: [] },
        { messageId: 'wrongStatusHeaderless', line: 6, column: 56, suggestions: [] },
      ],
    },
  ],
});

ruleTester.run('loopback: require-www-authenticate', challenge, {
  valid: [
    controller(`    this.response.setHeader('WWW-Authenticate', ${BEARER});
    throw new HttpErrors.Unauthorized('Login required');`),
    `import { inject } from '@loopback/core';
import { HttpErrors, Response, RestBindings } from '@loopback/rest';
export class A { ping(@inject(RestBindings.Http.RESPONSE) res: Response) { res.setHeader('WWW-Authenticate', ${BEARER}); throw new HttpErrors.Unauthorized(); } }`,
  ],
  invalid: withSuggestedFix([
    {
      code: controller(`    throw new HttpErrors.Unauthorized('Login required');`),
      output: controller(`    this.response.setHeader('WWW-Authenticate', ${BEARER});
    throw new HttpErrors.Unauthorized('Login required');`),
      errors: [{ messageId: 'missingChallengeHeaderless', line: 6, column: 26 }],
    },
    {
      // Through a method parameter.
      code: `import { inject } from '@loopback/core';
import { HttpErrors, Response, RestBindings } from '@loopback/rest';
export class A {
  ping(@inject(RestBindings.Http.RESPONSE) res: Response) {
    throw new HttpErrors[401]('Login required');
  }
}`,
      output: `import { inject } from '@loopback/core';
import { HttpErrors, Response, RestBindings } from '@loopback/rest';
export class A {
  ping(@inject(RestBindings.Http.RESPONSE) res: Response) {
    res.setHeader('WWW-Authenticate', ${BEARER});
    throw new HttpErrors[401]('Login required');
  }
}`,
      errors: [{ messageId: 'missingChallengeHeaderless' }],
    },
    {
      // The strategy of @loopback/authentication-jwt: the 401 is rendered without the header, and there is no fix.
      code: strategy(`    if (!request.headers.authorization) throw new HttpErrors.Unauthorized('Authorization header not found.');`),
      output: null,
      errors: [{ messageId: 'missingChallengeHeaderless', data: { limitation: NO_RESPONSE } }],
    },
  ]),
});
