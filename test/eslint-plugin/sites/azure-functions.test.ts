import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport } from '../rules/lint-helpers';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const HEADERS = `headers: { 'WWW-Authenticate': 'Bearer realm="api"' }`;

/** An Azure Functions v4 HTTP function registered by name. */
function registered(body: string, imports = `import { app, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';`): string {
  return `${imports}
export async function getInvoices(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const token = request.headers.get('authorization');
${body}
  return { status: 200, jsonBody: [] };
}
app.http('getInvoices', { methods: ['GET'], authLevel: 'anonymous', handler: getInvoices });`;
}

/** An inline handler reading the caller's roles. */
function inline(body: string): string {
  return `import { app, HttpResponse } from '@azure/functions';
app.get('reports', async (request, context) => {
  const user = await verifyToken(request.headers.get('authorization'));
${body}
  return { status: 200 };
});`;
}

ruleTester.run('azure functions: require-401-for-credential-failure', credential, {
  valid: [
    registered(`  if (!token) return { status: 401, ${HEADERS}, jsonBody: { error: 'Sign in' } };`),
    inline(`  if (!user.roles.includes('finance')) return { status: 403, jsonBody: { error: 'Finance only' } };`),
    // Near-miss: a function never registered with app.http is not a handler.
    `export async function audit(request) { if (!request.headers.get('authorization')) return { status: 403, jsonBody: { note: 'no token' } }; }`,
    // Near-miss: another package's app.
    registered(`  if (!token) return { status: 403, jsonBody: { error: 'Missing token' } };`, `import { app } from './local-app';`),
  ],
  invalid: [
    {
      code: registered(`  if (!token) {
    return { status: 403, jsonBody: { error: 'Missing token' } };
  }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 5,
          column: 22,
          data: { status: 403, problem: 'a missing credential', evidence: "!token, 'Missing token'", limitation: '' },
          suggestions: [{ messageId: 'respond401', output: registered(`  if (!token) {
    return { ${HEADERS}, status: 401, jsonBody: { error: 'Missing token' } };
  }`) }],
        },
      ],
    },
  ],
});

ruleTester.run('azure functions: require-www-authenticate', challenge, {
  valid: [inline(`  if (!user) return new HttpResponse({ status: 401, ${HEADERS} });`)],
  invalid: withSuggestedFix([
    {
      code: inline(`  if (!user) return new HttpResponse({ status: 401, headers: { 'Content-Type': 'application/json' }, jsonBody: { error: 'Sign in' } });`),
      // The user comes from a token verifier: its absence is an invalid token.
      output: inline(`  if (!user) return new HttpResponse({ status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"', 'Content-Type': 'application/json' }, jsonBody: { error: 'Sign in' } });`),
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // A status chosen by a conditional: the challenge goes to the 401 branch only.
      code: inline(`  return { status: user ? 204 : 401 };`),
      output: inline(`  return { headers: user ? {} : { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' }, status: user ? 204 : 401 };`),
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('azure functions: require-403-for-permission-denial', permission, {
  valid: [inline(`  if (!user.roles.includes('finance')) return { status: 403, jsonBody: { error: 'Finance only' } };`)],
  invalid: [
    {
      code: inline(`  if (!user.roles.includes('finance')) return { status: 401, jsonBody: { error: 'Finance only' } };`),
      errors: [{ messageId: 'permissionDenial', suggestions: [{ messageId: 'respond403', output: inline(`  if (!user.roles.includes('finance')) return { status: 403, jsonBody: { error: 'Finance only' } };`) }] }],
    },
  ],
});

describe('azure functions: suggestions leave no new report', () => {
  it('a 403 result for a missing token becomes a 401 with its challenge', () => {
    assertSuggestionsLeaveNoNewReport(registered(`  if (!token) return { status: 403, jsonBody: { error: 'Missing token' } };`), 'auth-status/require-401-for-credential-failure');
  });
});

/** The v3 programming model: the handler sets `context.res`, which the host sends when it returns. */
function v3(body: string, imports = `import { AzureFunction, Context, HttpRequest } from '@azure/functions';`): string {
  return `${imports}
const httpTrigger: AzureFunction = async function (context: Context, req: HttpRequest): Promise<void> {
${body}
};
export default httpTrigger;`;
}

ruleTester.run('azure functions v3: context.res', credential, {
  valid: [
    v3(`  if (!req.headers['authorization']) { context.res = { status: 401, ${HEADERS} }; return; }`),
    // A permission check named for the right, given the token: 403 is right.
    v3(`  const token = req.headers['authorization'];
  if (!(await isAdmin(token))) { context.res = { status: 403, body: 'Admins only' }; return; }`),
    // Near-miss: the same assignment in a file that is not an Azure Functions app.
    v3(`  if (!req.headers['authorization']) { context.res = { status: 403, body: 'No token' }; return; }`, `import type { Context } from './my-context';`),
  ],
  invalid: [
    {
      code: v3(`  if (!req.headers['authorization']) { context.res = { status: 403, body: 'No token' }; return; }`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: v3(`  if (!req.headers['authorization']) { context.res = { ${HEADERS}, status: 401, body: 'No token' }; return; }`),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('azure functions v3 in JavaScript: the exported handler imports nothing', credential, {
  valid: [
    // A sign-up hands over the name and password too, but it creates the account: a taken name is no failed login.
    `module.exports = async function (context, req) {
  const created = await createAccount(req.body.username, req.body.password);
  if (!created) {
    context.res = { status: 409, body: 'That name is taken.' };
    return;
  }
  context.res = { status: 201 };
};`,
    // Not the module's exported handler: a helper of some other library that happens to take a context.
    `function answer(context, req) {
  if (!(await hasUser(req.body.username, req.body.pw))) context.res = { status: 403, body: 'No' };
}
module.exports = { answer };`,
  ],
  invalid: [
    {
      code: `module.exports = async function (context, req) {
  const isValidUser = await hasUser(req.body.username, req.body.pw);
  if (isValidUser) context.res = { body: issueToken() };
  else
    context.res = {
      status: 403,
      body: 'Invalid combination of username and password.',
    };
};`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          suggestions: [
            {
              messageId: 'respond401',
              output: `module.exports = async function (context, req) {
  const isValidUser = await hasUser(req.body.username, req.body.pw);
  if (isValidUser) context.res = { body: issueToken() };
  else
    context.res = {
      ${HEADERS},
      status: 401,
      body: 'Invalid combination of username and password.',
    };
};`,
            },
          ],
        },
      ],
    },
  ],
});
