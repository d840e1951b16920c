import assert from 'node:assert/strict';
import { HttpRequest, HttpResponse, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { fixWith } from './apply-fix';
import { parseChallenges } from './challenge-parser';
import { loadModule } from './serve';

type Handler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit | HttpResponse>;

/** Runs the handler on a request built with @azure/functions' own classes and reads the answer as the host would. */
async function answer(source: string, headers: Record<string, string>): Promise<HttpResponse> {
  const { getInvoices } = await loadModule<{ getInvoices: Handler }>(source);
  const result = await getInvoices(new HttpRequest({ method: 'GET', url: 'http://localhost/api/invoices', headers }), new InvocationContext());
  return result instanceof HttpResponse ? result : new HttpResponse(result);
}

describe('Azure Functions v4: a fixed handler answers 401 with a parseable challenge', () => {
  it('a 403 result for a missing token becomes a 401 with WWW-Authenticate', async () => {
    const source = `import { app } from '@azure/functions';
export async function getInvoices(request, context) {
  if (!request.headers.get('authorization')) return { status: 403, jsonBody: { error: 'Missing token' } };
  return { status: 200, jsonBody: [] };
}
app.http('getInvoices', { methods: ['GET'], handler: getInvoices });
`;
    const { output } = fixWith(source, 'require-401-for-credential-failure', 'suggestion');
    assert.equal((await answer(source, {})).status, 403);
    const fixed = await answer(output, {});
    assert.equal(fixed.status, 401);
    assert.ok(parseChallenges(fixed.headers.get('www-authenticate') ?? '').length > 0);
    assert.equal((await answer(output, { authorization: 'Bearer abc' })).status, 200);
  });
});
