import assert from 'node:assert/strict';
import { fixWith } from './apply-fix';
import { parseChallenges } from './challenge-parser';
import { loadModule } from './serve';

type Handler = (event: unknown) => Promise<{ statusCode?: number; headers?: Record<string, string>; policyDocument?: { Statement: { Effect: string }[] } }>;

async function load(source: string): Promise<Handler> {
  return (await loadModule<{ handler: Handler }>(source)).handler;
}

/** An API Gateway proxy event (payload format 1.0) with the given headers. */
function proxyEvent(headers: Record<string, string>) {
  return { httpMethod: 'GET', path: '/orders', headers, requestContext: {}, body: null };
}

describe('AWS Lambda: fixed handlers answer as API Gateway expects', () => {
  it('a 403 result for a missing token becomes a 401 whose WWW-Authenticate parses', async () => {
    const source = `export const handler = async (event) => {
  const token = event.headers.authorization;
  if (!token) return { statusCode: 403, body: JSON.stringify({ message: 'Missing token' }) };
  return { statusCode: 200, body: JSON.stringify({ ok: true }) };
};
`;
    const { output } = fixWith(source, 'require-401-for-credential-failure', 'suggestion');
    const before = await (await load(source))(proxyEvent({}));
    assert.equal(before.statusCode, 403);
    const fixed = await load(output);
    const after = await fixed(proxyEvent({}));
    assert.equal(after.statusCode, 401);
    assert.ok(parseChallenges(after.headers?.['WWW-Authenticate'] ?? '').length > 0);
    assert.equal((await fixed(proxyEvent({ authorization: 'Bearer abc' }))).statusCode, 200);
  });

  it("an authorizer's Deny policy for a missing token becomes the Unauthorized failure API Gateway answers with 401", async () => {
    const source = `const policy = (principalId, effect, resource) => ({
  principalId,
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
});
export const handler = async (event) => {
  if (!event.authorizationToken) return policy('anonymous', 'Deny', event.methodArn);
  return policy('user', 'Allow', event.methodArn);
};
`;
    const { output } = fixWith(source, 'require-401-for-credential-failure', 'suggestion');
    const event = { type: 'TOKEN', methodArn: 'arn:aws:execute-api:eu-west-1:1:api/prod/GET/orders', authorizationToken: '' };
    const before = await (await load(source))(event);
    assert.equal(before.policyDocument?.Statement[0]?.Effect, 'Deny');
    const fixed = await load(output);
    await assert.rejects(fixed(event), { message: 'Unauthorized' });
    const allowed = await fixed({ ...event, authorizationToken: 'Bearer abc' });
    assert.equal(allowed.policyDocument?.Statement[0]?.Effect, 'Allow');
  });

  it('a conditional 401 gets its challenge on the failing branch only', async () => {
    const source = `const decodeToken = (token) => token === 'abc';
export const handler = async (event) => {
  const token = (event.headers.authorization ?? '').replace('Bearer ', '');
  const valid = decodeToken(token);
  return { statusCode: valid ? 200 : 401, body: '' };
};
`;
    const { output } = fixWith(source, 'require-www-authenticate', 'fix');
    const before = await (await load(source))(proxyEvent({}));
    assert.equal(before.statusCode, 401);
    assert.equal(before.headers, undefined);
    const fixed = await load(output);
    const failing = await fixed(proxyEvent({}));
    assert.equal(failing.statusCode, 401);
    assert.ok(parseChallenges(failing.headers?.['WWW-Authenticate'] ?? '').length > 0);
    const passing = await fixed(proxyEvent({ authorization: 'Bearer abc' }));
    assert.equal(passing.statusCode, 200);
    assert.deepEqual(passing.headers, {});
  });
});
