export default {
  async fetch(request, env) {
    const url = new URL(request.url);

    if (url.pathname === '/webhook') {
      const signature = request.headers.get('x-signature');
      const body = await request.text();
      if (!(await verifySignature(body, signature, env.WEBHOOK_SECRET))) {
        return new Response('bad signature', { status: 401 }); // expect-ignore: webhook signature (semantics: leave alone), though a bare 401
      }
      return new Response('ok');
    }

    const authHeader = request.headers.get('Authorization');
    if (!authHeader) {
      return new Response('Missing Authorization header', { status: 403 }); // expect: require-401-for-credential-failure
    }
    const [scheme, encoded] = authHeader.split(' ');
    if (scheme !== 'Basic') {
      return new Response('Unsupported authorization scheme', { status: 400 }); // expect: require-401-for-credential-failure
    }
    const [user, pass] = atob(encoded).split(':');
    if (user !== env.USER || pass !== env.PASS) {
      return new Response('Invalid credentials', {
        status: 401,
        headers: { 'WWW-Authenticate': 'Basic realm="worker", charset="UTF-8"' },
      });
    }
    if (url.pathname.startsWith('/admin') && user !== 'admin') {
      return new Response('Forbidden', { status: 403 });
    }
    if (request.method === 'PUT' && !request.headers.get('content-type')?.includes('json')) {
      return Response.json({ error: 'JSON only' }, { status: 415 });
    }
    return new Response(`Hello ${user}`);
  },
};

async function verifySignature(body, signature, secret) {
  if (!signature) return false;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return crypto.subtle.verify('HMAC', key, hexToBytes(signature), new TextEncoder().encode(body));
}

function hexToBytes(hex) {
  return new Uint8Array(hex.match(/.{2}/g).map((byte) => parseInt(byte, 16)));
}
