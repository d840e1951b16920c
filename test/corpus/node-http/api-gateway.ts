import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { constants as h2 } from 'node:http2';
import { verifyApiKey, type ApiClient } from './api-keys';
import { forward } from './upstream';

const JSON_TYPE = { 'Content-Type': 'application/json' } as const;

function reject(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, JSON_TYPE);
  res.end(JSON.stringify({ message }));
}

async function identify(req: IncomingMessage, res: ServerResponse): Promise<ApiClient | undefined> {
  const key = req.headers['x-api-key'];
  if (typeof key !== 'string' || key.length === 0) {
    res.writeHead(h2.HTTP_STATUS_BAD_REQUEST, JSON_TYPE); // expect: require-401-for-credential-failure
    res.end(JSON.stringify({ message: 'x-api-key header required' }));
    return undefined;
  }
  const client = await verifyApiKey(key);
  if (!client) {
    res.writeHead(h2.HTTP_STATUS_FORBIDDEN, JSON_TYPE); // expect: require-401-for-credential-failure
    res.end(JSON.stringify({ message: 'invalid api key' }));
    return undefined;
  }
  if (client.expiresAt < new Date()) {
    res.writeHead(498, JSON_TYPE); // expect: require-401-for-credential-failure
    res.end(JSON.stringify({ message: 'api key expired' }));
    return undefined;
  }
  return client;
}

export const gateway = createServer(async (req, res) => {
  const client = await identify(req, res);
  if (!client) return;

  if (req.url?.startsWith('/billing') && !client.scopes.includes('billing')) {
    res.writeHead(h2.HTTP_STATUS_FORBIDDEN, {
      ...JSON_TYPE,
      'WWW-Authenticate': 'ApiKey realm="gateway", error="insufficient_scope"',
    });
    res.end(JSON.stringify({ message: 'billing scope required' }));
    return;
  }

  if (client.quotaExceeded) {
    res.writeHead(h2.HTTP_STATUS_TOO_MANY_REQUESTS, { ...JSON_TYPE, 'Retry-After': '3600' });
    res.end(JSON.stringify({ message: 'quota exceeded' }));
    return;
  }

  if (req.method === 'POST' && req.headers['content-type'] !== 'application/json') {
    reject(res, 415, 'JSON bodies only');
    return;
  }

  await forward(req, res, client);
});
