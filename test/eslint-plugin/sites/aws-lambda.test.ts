import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport } from '../rules/lint-helpers';
import { withSuggestedFix, wrongStatusSuggesting401 } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const HEADERS = `headers: { 'WWW-Authenticate': 'Bearer realm="api"' }`;

/** An API Gateway proxy handler. */
function handler(body: string): string {
  return `exports.handler = async (event) => {
  const token = event.headers.authorization;
${body}
  return { statusCode: 200, body: JSON.stringify({ ok: true }) };
};`;
}

/** A TOKEN authorizer building its policy with a helper. */
function authorizer(body: string): string {
  return `const policy = (principalId, effect, resource) => ({
  principalId,
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
});
export const handler = async (event) => {
  const token = event.authorizationToken;
${body}
  return policy(claims.sub, 'Allow', event.methodArn);
};`;
}

const VERIFY = `  let claims;
  try {
    claims = jwt.verify(token, process.env.JWT_SECRET);
  } catch (err) {
    return policy('anonymous', 'Deny', event.methodArn);
  }`;

jsRuleTester.run('aws lambda: require-401-for-credential-failure', credential, {
  valid: [
    handler(`  if (!token) return { statusCode: 401, ${HEADERS}, body: JSON.stringify({ message: 'Missing token' }) };`),
    handler(`  if (!event.requestContext.authorizer.claims.roles.includes('admin')) return { statusCode: 403, body: 'Admins only' };`),
    // Near-miss: an object with a statusCode that a helper returns, not the handler.
    `function summary(job) { if (!job.token) return { statusCode: 403, note: 'missing token' }; }`,
    // Near-miss: a permission denial answered with a Deny policy is right.
    authorizer(`  const claims = decode(token);
  if (!claims.scopes.includes('orders:write')) return policy(claims.sub, 'Deny', event.methodArn);`),
    // Near-miss: a 'Deny' outside any authorizer.
    `const rule = { Effect: 'Deny', Action: 's3:*' }; export const handler = async (event) => { if (!event.headers.authorization) return rule; };`,
  ],
  invalid: [
    {
      code: handler(`  if (!token) {
    return { statusCode: 403, body: JSON.stringify({ message: 'No bearer token' }) };
  }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          column: 26,
          data: { status: 403, problem: 'a missing credential', evidence: "!token, 'No bearer token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: handler(`  if (!token) {
    return { ${HEADERS}, statusCode: 401, body: JSON.stringify({ message: 'No bearer token' }) };
  }`),
            },
          ],
        },
      ],
    },
    {
      // The text is written onto the object the body sends, just before the result: it is quoted as evidence.
      code: handler(`  const reply = { ok: false };
  if (!token) {
    reply.error = 'No bearer token';
    return { statusCode: 403, body: JSON.stringify(reply) };
  }`),
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'a missing credential', evidence: "!token, 'No bearer token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: handler(`  const reply = { ok: false };
  if (!token) {
    reply.error = 'No bearer token';
    return { ${HEADERS}, statusCode: 401, body: JSON.stringify(reply) };
  }`),
            },
          ],
        },
      ],
    },
    {
      code: authorizer(`  if (!token) return policy('anonymous', 'Deny', event.methodArn);\n  const claims = decode(token);`),
      errors: [
        {
          messageId: 'wrongCode',
          data: { written: "'Deny'", problem: 'a missing credential', evidence: '!token', credential: "throw new Error('Unauthorized')" },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: authorizer(`  if (!token) throw new Error('Unauthorized');\n  const claims = decode(token);`),
            },
          ],
        },
      ],
    },
    {
      code: authorizer(VERIFY),
      errors: [{ messageId: 'wrongCode', suggestions: [{ messageId: 'answerCredentialCode', output: authorizer(VERIFY.replace("return policy('anonymous', 'Deny', event.methodArn);", "throw new Error('Unauthorized');")) }] }],
    },
    {
      // A callback authorizer fails with the error argument.
      code: `module.exports.auth = (event, context, callback) => {
  if (!event.authorizationToken) {
    callback(null, { principalId: 'none', policyDocument: { Statement: [{ Effect: 'Deny', Resource: event.methodArn }] } });
  }
};`,
      errors: [
        {
          messageId: 'wrongCode',
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `module.exports.auth = (event, context, callback) => {
  if (!event.authorizationToken) {
    callback('Unauthorized');
  }
};`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('aws lambda (TypeScript): require-www-authenticate', challenge, {
  valid: [
    // API Gateway's own 401 for an authorizer's Unauthorized carries no header code could add.
    `import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
export const handler = async (event: APIGatewayTokenAuthorizerEvent) => { if (!event.authorizationToken) throw new Error('Unauthorized'); return allow(event.methodArn); };`,
  ],
  invalid: withSuggestedFix([
    {
      code: `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  if (!event.headers.Authorization) return { statusCode: 401, headers: { 'Content-Type': 'application/json' }, body: '{"message":"Unauthorized"}' };
  return { statusCode: 204, body: '' };
};`,
      output: `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  if (!event.headers.Authorization) return { statusCode: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"', 'Content-Type': 'application/json' }, body: '{"message":"Unauthorized"}' };
  return { statusCode: 204, body: '' };
};`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // Headers shared through a constant: the result gets a literal of its own that spreads them.
      code: `const json = { 'Content-Type': 'application/json' };
export const handler = async (event) => {
  if (!event.headers.authorization) return { statusCode: 401, headers: json, body: '{}' };
};`,
      output: `const json = { 'Content-Type': 'application/json' };
export const handler = async (event) => {
  if (!event.headers.authorization) return { statusCode: 401, headers: { ...json, 'WWW-Authenticate': 'Bearer realm="api"' }, body: '{}' };
};`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

jsRuleTester.run('aws lambda: require-403-for-permission-denial', permission, {
  valid: [handler(`  if (!event.requestContext.authorizer.claims.roles.includes('admin')) return { statusCode: 403, body: 'Admins only' };`)],
  invalid: [
    {
      code: handler(`  if (!event.requestContext.authorizer.claims.roles.includes('admin')) return { statusCode: 401, body: 'Admins only' };`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: handler(`  if (!event.requestContext.authorizer.claims.roles.includes('admin')) return { statusCode: 403, body: 'Admins only' };`) }],
        },
      ],
    },
  ],
});

/** A handler whose result's status is chosen by a conditional on what the token check gave. */
function chosen(check: string, result: string): string {
  return `export const handler = async (event) => {
  const token = (event.headers.Authorization ?? '').replace('Bearer ', '');
${check}
  return { ${result}, body: '' };
};`;
}
const DECODED = `  const valid = decodeToken(token);`;
const INVALID_TOKEN = `'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"'`;

jsRuleTester.run('aws lambda: a status chosen by a conditional', challenge, {
  valid: [
    chosen(DECODED, `headers: valid ? {} : { ${HEADERS.slice('headers: { '.length, -2)} }, statusCode: valid ? 200 : 401`),
    // Near-miss: both branches succeed or miss a record; neither answers who the caller is.
    chosen(`  const found = await orders.exists(event.pathParameters.id);`, 'statusCode: found ? 200 : 404'),
  ],
  invalid: withSuggestedFix([
    {
      code: chosen(DECODED, 'statusCode: (valid ? 200 : 401)'),
      // Only the 401 branch gets the challenge.
      output: chosen(DECODED, `headers: valid ? {} : { ${INVALID_TOKEN} }, statusCode: (valid ? 200 : 401)`),
      errors: [{ messageId: 'missingChallenge', line: 4, column: 39 }],
    },
    {
      code: chosen(DECODED, 'statusCode: !valid ? 401 : 200'),
      output: chosen(DECODED, `headers: !valid ? { ${INVALID_TOKEN} } : {}, statusCode: !valid ? 401 : 200`),
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // Headers of its own beside a conditional status, or a test with a call in it: reported, no fix guessed.
      code: chosen(DECODED, `headers: { 'Content-Type': 'text/plain' }, statusCode: valid ? 200 : 401`),
      output: null,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: chosen('', 'statusCode: decodeToken(token) ? 200 : 401'),
      output: null,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

jsRuleTester.run('aws lambda: a conditional status for the wrong failure', credential, {
  valid: [
    // Near-miss: a role decides the branch, so 403 is right.
    chosen(`  const claims = decodeToken(token);`, `statusCode: claims.roles.includes('admin') ? 200 : 403`),
  ],
  invalid: [
    {
      code: chosen(DECODED, 'statusCode: valid ? 200 : 403'),
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'an invalid credential', evidence: 'valid', limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: chosen(DECODED, `headers: valid ? {} : { ${INVALID_TOKEN} }, statusCode: valid ? 200 : 401`),
            },
          ],
        },
      ],
    },
  ],
});

describe('aws lambda: suggestions leave no new report', () => {
  it('a conditional 403 for a token that does not decode becomes 401 with a challenge on that branch only', () => {
    assertSuggestionsLeaveNoNewReport(chosen(DECODED, 'statusCode: valid ? 200 : 403'), 'auth-status/require-401-for-credential-failure');
  });

  it("a Deny policy for a missing token becomes API Gateway's Unauthorized", () => {
    assertSuggestionsLeaveNoNewReport(authorizer(`  if (!token) return policy('anonymous', 'Deny', event.methodArn);\n  const claims = decode(token);`), 'auth-status/require-401-for-credential-failure');
  });
  it('a 403 result for a missing token becomes a 401 with its challenge', () => {
    assertSuggestionsLeaveNoNewReport(handler(`  if (!token) return { statusCode: 403, body: 'Missing token' };`), 'auth-status/require-401-for-credential-failure');
  });
});

/** A handler for a source-control host's signed webhook deliveries, written as CommonJS property exports. */
function deliveryHandler(checks: string): string {
  return `const crypto = require('crypto');
const expected = (secret, body) => 'sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex');
module.exports.onDelivery = async (event) => {
  const secret = process.env.DELIVERY_SECRET;
  let reason;
${checks}
  return { statusCode: 202, body: 'queued' };
};`;
}

ruleTester.run('aws lambda: signed webhook deliveries are not the caller credential', challenge, {
  valid: [
    // The handler reads the signature header: its 401s answer the signing system's contract.
    deliveryHandler(`  const signature = event.headers['X-Delivery-Signature'];
  if (typeof secret !== 'string') {
    reason = 'the delivery secret is not configured';
    return { statusCode: 401, body: reason };
  }
  if (signature !== expected(secret, event.body)) return { statusCode: 401, body: 'rejected' };`),
    // The handler's name, given as a property of module.exports, says it receives webhooks.
    `module.exports.paymentWebhookReceiver = async (event) => {
  if (!event.body) return { statusCode: 401, body: 'empty delivery' };
  return { statusCode: 200 };
};`,
    // The refusal's text, assigned to a variable just before, names the webhook.
    `exports.receive = async (event) => {
  let problem;
  if (!event.body) {
    problem = 'webhook payload signature missing';
    return { statusCode: 401, body: problem };
  }
  return { statusCode: 200 };
};`,
  ],
  invalid: withSuggestedFix([
    {
      // No signature header and no such words: a bearer token's 401 still needs its challenge.
      code: `exports.receive = async (event) => {
  let problem;
  const token = event.headers.authorization;
  if (!token) {
    problem = 'sign in first';
    return { statusCode: 401, body: problem };
  }
  return { statusCode: 200 };
};`,
      output: `exports.receive = async (event) => {
  let problem;
  const token = event.headers.authorization;
  if (!token) {
    problem = 'sign in first';
    return { headers: { 'WWW-Authenticate': 'Bearer realm="api"' }, statusCode: 401, body: problem };
  }
  return { statusCode: 200 };
};`,
      errors: [{ messageId: 'missingChallenge', line: 6 }],
    },
    {
      // Text assigned in another branch is not what this response sends.
      code: `exports.receive = async (event) => {
  let problem;
  if (event.headers['x-source'] === 'hooks') problem = 'webhook signature missing';
  if (!event.headers.authorization) return { statusCode: 401, body: problem };
  return { statusCode: 200 };
};`,
      output: `exports.receive = async (event) => {
  let problem;
  if (event.headers['x-source'] === 'hooks') problem = 'webhook signature missing';
  if (!event.headers.authorization) return { headers: { 'WWW-Authenticate': 'Bearer realm="api"' }, statusCode: 401, body: problem };
  return { statusCode: 200 };
};`,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
  ]),
});

ruleTester.run('aws lambda: a secret of the server is not the caller credential', credential, {
  valid: [
    `exports.handler = async (event) => {
  const apiToken = process.env.UPSTREAM_TOKEN;
  if (typeof apiToken !== 'string') return { statusCode: 403, body: 'the upstream is not configured' };
  return { statusCode: 200 };
};`,
  ],
  invalid: [
    {
      code: `exports.handler = async (event) => {
  const apiToken = event.headers['x-api-token'];
  if (typeof apiToken !== 'string') return { statusCode: 403, body: 'no token' };
  return { statusCode: 200 };
};`,
      errors: [
        wrongStatusSuggesting401(
          3,
          `exports.handler = async (event) => {
  const apiToken = event.headers['x-api-token'];
  if (typeof apiToken !== 'string') return { headers: { 'WWW-Authenticate': 'Bearer realm="api"' }, statusCode: 401, body: 'no token' };
  return { statusCode: 200 };
};`,
        ),
      ],
    },
  ],
});

ruleTester.run('aws lambda: a webhook route beside the user routes says nothing of them', credential, {
  valid: [],
  invalid: [
    {
      code: `exports.handler = async (event) => {
  if (event.path === '/hooks/deploy') {
    const signature = event.headers['x-deploy-signature'];
    return signature ? { statusCode: 202 } : { statusCode: 401 };
  }
  if (!event.headers.authorization) return { statusCode: 403, body: 'sign in' };
  return { statusCode: 200 };
};`,
      errors: [
        wrongStatusSuggesting401(
          6,
          `exports.handler = async (event) => {
  if (event.path === '/hooks/deploy') {
    const signature = event.headers['x-deploy-signature'];
    return signature ? { statusCode: 202 } : { statusCode: 401 };
  }
  if (!event.headers.authorization) return { headers: { 'WWW-Authenticate': 'Bearer realm="api"' }, statusCode: 401, body: 'sign in' };
  return { statusCode: 200 };
};`,
        ),
      ],
    },
  ],
});
