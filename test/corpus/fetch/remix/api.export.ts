import type { LoaderFunctionArgs } from '@remix-run/node';
import { verifyApiToken } from '~/auth.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const apiToken = request.headers.get('x-api-token');
  if (!apiToken) {
    return new Response(JSON.stringify({ error: 'missing api token' }), {
      status: 401,
      headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Token realm="export"' },
    });
  }
  const client = await verifyApiToken(apiToken);
  if (!client) {
    return new Response(JSON.stringify({ error: 'invalid api token' }), {
      status: 400, // expect: require-401-for-credential-failure
      headers: { 'Content-Type': 'application/json' },
    });
  }
  if (!client.canExport) {
    return new Response(JSON.stringify({ error: 'export not allowed for this client' }), {
      status: 403,
      headers: { 'Content-Type': 'application/json' },
    });
  }
  return new Response(await client.exportCsv(), { headers: { 'Content-Type': 'text/csv' } });
}
