import { app, HttpRequest, HttpResponse, HttpResponseInit, InvocationContext } from '@azure/functions';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const keys = createRemoteJWKSet(new URL(process.env.JWKS_URL!));

async function callerOf(request: HttpRequest) {
  const header = request.headers.get('authorization');
  if (!header?.startsWith('Bearer ')) return null;
  const { payload } = await jwtVerify(header.slice(7), keys);
  return payload as { sub: string; roles?: string[] };
}

export async function listInvoices(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  if (!request.headers.get('authorization')) {
    return { status: 403, jsonBody: { error: 'bearer token required' } }; // expect: require-401-for-credential-failure
  }
  const caller = await callerOf(request);
  if (!caller) {
    return { status: 401, jsonBody: { error: 'token could not be verified' } }; // expect: require-www-authenticate
  }
  context.log(`invoices for ${caller.sub}`);
  return { status: 200, jsonBody: [] };
}

app.http('listInvoices', { methods: ['GET'], authLevel: 'anonymous', handler: listInvoices });

app.post('approveInvoice', {
  authLevel: 'anonymous',
  handler: async (request, context) => {
    const caller = await callerOf(request);
    if (!caller) {
      return new HttpResponse({ status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="invoices"' } });
    }
    if (!caller.roles?.includes('approver')) {
      return { status: 401, jsonBody: { error: 'approvers only' } }; // expect: require-403-for-permission-denial
    }
    if (!request.params.id) {
      return { status: 400, jsonBody: { error: 'invoice id missing' } };
    }
    return { status: 204 };
  },
});

export function summarize(rows: { status: number }[]) {
  return rows.filter((row) => row.status === 403).length;
}
