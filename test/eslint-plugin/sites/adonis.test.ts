import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;

/** An AdonisJS (v6) controller method body with `{ request, response }` from the HttpContext. */
function controller(body: string): string {
  return `import type { HttpContext } from '@adonisjs/core/http';
export default class SessionController {
  async show({ request, response }: HttpContext) {
    const token = request.header('authorization');
${body}
  }
}`;
}

ruleTester.run('adonis: require-401-for-credential-failure', credential, {
  valid: [
    controller(`    if (!auth.user.isAdmin) return response.forbidden({ message: 'Admins only' });`),
    controller(`    if (!token) return response.unauthorized({ message: 'Missing token' });`),
    // Not an Adonis file: the same call is not this adapter's (and \`response.forbidden\` is not Express').
    `export async function show({ request, response }) { if (!request.header('authorization')) return response.forbidden(); }`,
    // A validation failure.
    controller(`    const payload = await request.validateUsing(validator);
    if (!payload) return response.badRequest({ message: 'Invalid payload' });`),
    // A helper that is not a status (response.ok, response.header).
    controller(`    if (!token) return response.ok({ guest: true });`),
  ],
  invalid: [
    {
      code: controller(`    if (!token) return response.forbidden({ message: 'Missing token' });`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 5,
          column: 33,
          data: { status: '403', problem: 'a missing credential', evidence: "!token, 'Missing token'" },
          suggestions: [
            {
              messageId: 'respond401',
              output: controller(`    if (!token) return response.header('WWW-Authenticate', ${BEARER}).unauthorized({ message: 'Missing token' });`),
            },
          ],
        },
      ],
    },
    {
      // response.status(n) chains are found by the Express adapter, whose fix writes Adonis' `header()`.
      code: controller(`    if (!token.startsWith('Bearer ')) return response.status(400).send({ message: 'Malformed authorization header' });`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: controller(`    if (!token.startsWith('Bearer ')) return response.status(401).header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').send({ message: 'Malformed authorization header' });`),
            },
          ],
        },
      ],
    },
    {
      // abort(body) defaults to 400: the fix passes the status.
      code: controller(`    if (!token) response.abort({ message: 'Token required' });`),
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: '400', problem: 'a missing credential', evidence: "!token, 'Token required'" },
          suggestions: [
            {
              messageId: 'respond401',
              output: controller(`    if (!token) response.header('WWW-Authenticate', ${BEARER}).abort({ message: 'Token required' }, 401);`),
            },
          ],
        },
      ],
    },
    {
      // abortUnless(cond, body, 403) aborts when cond is falsy; a header before it would also go out on success,
      // so there is no suggestion.
      code: controller(`    response.abortUnless(token, 'Token required', 403);`),
      errors: [{ messageId: 'wrongStatus', data: { status: '403', problem: 'a missing credential', evidence: "token, 'Token required'" }, suggestions: [] }],
    },
  ],
});

ruleTester.run('adonis: require-www-authenticate', challenge, {
  valid: [
    controller(`    if (!token) return response.header('WWW-Authenticate', ${BEARER}).unauthorized({ message: 'Missing token' });`),
    controller(`    response.safeHeader('WWW-Authenticate', ${BEARER});
    if (!token) return response.unauthorized();`),
    controller(`    if (!token) { response.append('www-authenticate', ${BEARER}); return response.status(401).send('Login'); }`),
  ],
  invalid: withSuggestedFix([
    {
      code: controller(`    if (!token) return response.unauthorized({ message: 'Missing token' });`),
      output: controller(`    if (!token) return response.header('WWW-Authenticate', ${BEARER}).unauthorized({ message: 'Missing token' });`),
      errors: [{ messageId: 'missingChallenge', line: 5, column: 33 }],
    },
    {
      code: `import { HttpContext } from '@adonisjs/core/http';
export const handle = async (ctx: HttpContext) => {
  if (!ctx.auth.isAuthenticated) return ctx.response.status(401).json({ error: 'Unauthenticated' });
};`,
      output: `import { HttpContext } from '@adonisjs/core/http';
export const handle = async (ctx: HttpContext) => {
  if (!ctx.auth.isAuthenticated) return ctx.response.status(401).header('WWW-Authenticate', ${BEARER}).json({ error: 'Unauthenticated' });
};`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: controller(`    if (!token) response.abort('Login required', 401);`),
      output: controller(`    if (!token) response.header('WWW-Authenticate', ${BEARER}).abort('Login required', 401);`),
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});
