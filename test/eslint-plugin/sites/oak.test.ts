import assert from 'node:assert/strict';
import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport, lintWithAllRules } from '../rules/lint-helpers';
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

/** oak middleware taking its context apart: `({ request, response, state }, next)`. */
function destructured(body: string, imports = `import type { RouterContext } from 'https://deno.land/x/oak@v12.1.0/mod.ts';`): string {
  return `${imports}
export const guard = async ({ request, response, state }: RouterContext<string>, next: () => Promise<unknown>) => {
${body}
  await next();
};`;
}

const MISSING_HEADER = `  if (!request.headers.get('authorization')) {
    response.status = 401;
    response.body = { message: 'Sign in first' };
    return;
  }`;

ruleTester.run('oak: the response destructured from the context', challenge, {
  valid: [
    destructured(`  if (!request.headers.get('authorization')) {
    response.headers.set(${CHALLENGE});
    response.status = 401;
    return;
  }`),
    // Near-miss: the same shape in a file that does not import oak.
    destructured(MISSING_HEADER, `import type { Ctx } from './types';`),
    // Near-miss: a \`response\` that is not taken from the context (the first parameter).
    `import { Router } from 'jsr:@oak/oak';
export function record(job: unknown, { response }: { response: { status: number } }) {
  if (!job) response.status = 401;
}`,
  ],
  invalid: withSuggestedFix([
    {
      code: destructured(MISSING_HEADER),
      output: destructured(`  if (!request.headers.get('authorization')) {
    response.headers.set(${CHALLENGE});
    response.status = 401;
    response.body = { message: 'Sign in first' };
    return;
  }`),
      errors: [{ messageId: 'missingChallenge', line: 4, column: 23 }],
    },
  ]),
});

ruleTester.run('oak: a destructured response answering a missing identity', credential, {
  valid: [
    // Near-miss: the identity is there, its role is not: 403 is right.
    destructured(`  const { user } = state;
  if (user.role !== 'admin') {
    response.status = 403;
    return;
  }`),
  ],
  invalid: [
    {
      code: destructured(`  const { user } = state;
  if (!user) {
    response.status = 403;
    return;
  }`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: destructured(`  const { user } = state;
  if (!user) {
    response.headers.set(${CHALLENGE});
    response.status = 401;
    return;
  }`),
            },
          ],
        },
      ],
    },
  ],
});

const DESTRUCTURED_403 = destructured(`  const { user } = state;
  if (!user) {
    response.status = 403;
    return;
  }`);

describe('oak: suggestions leave no new report', () => {
  it('the message quotes the check on the destructured state', () => {
    const [message] = lintWithAllRules(DESTRUCTURED_403).filter((m) => m.ruleId === 'auth-status/require-401-for-credential-failure');
    assert.match(message?.message ?? '', /^403 answers a missing credential \(!user\)/);
  });

  it('a destructured response.status = 403 for a missing user becomes 401 after response.headers.set', () => {
    assertSuggestionsLeaveNoNewReport(DESTRUCTURED_403, 'auth-status/require-401-for-credential-failure');
  });

  it('ctx.throw(Status.Forbidden) for a missing token becomes a thrown createHttpError with the challenge', () => {
    assertSuggestionsLeaveNoNewReport(route(`  if (!token) ctx.throw(Status.Forbidden, 'Missing token');`), 'auth-status/require-401-for-credential-failure');
  });
});
