// Worker in front of a staging site: Basic credentials for people, an HMAC-signed endpoint for the deploy bot.
const encoder = new TextEncoder();

async function signatureMatches(payload, signatureHex, secret) {
  if (!signatureHex || !/^[0-9a-f]+$/i.test(signatureHex)) return false;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signature = new Uint8Array(signatureHex.length / 2);
  for (let i = 0; i < signature.length; i += 1) signature[i] = parseInt(signatureHex.substr(i * 2, 2), 16);
  return crypto.subtle.verify('HMAC', key, signature, encoder.encode(payload));
}

function decodeBasic(value) {
  try {
    const decoded = atob(value);
    const colon = decoded.indexOf(':');
    return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  } catch {
    return null;
  }
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);

    if (pathname === '/deploy-hook') {
      const payload = await request.text();
      if (!(await signatureMatches(payload, request.headers.get('x-deploy-signature'), env.DEPLOY_SECRET))) {
        return new Response('signature mismatch', { status: 401 }); // expect-ignore: webhook signature (semantics: leave alone), though a bare 401
      }
      return new Response('queued', { status: 202 });
    }

    const authorization = request.headers.get('Authorization');
    if (authorization === null) {
      return new Response('Authorization header missing', { status: 403 }); // expect: require-401-for-credential-failure
    }
    const space = authorization.indexOf(' ');
    const scheme = authorization.slice(0, space);
    if (scheme.toLowerCase() !== 'basic') {
      return new Response(`Unsupported authorization scheme ${scheme}`, { status: 400 }); // expect: require-401-for-credential-failure
    }
    const person = decodeBasic(authorization.slice(space + 1));
    if (person === null || person.user !== env.STAGING_USER || person.password !== env.STAGING_PASSWORD) {
      return new Response('wrong user name or password', {
        status: 401,
        headers: { 'WWW-Authenticate': 'Basic realm="staging", charset="UTF-8"' },
      });
    }
    if (pathname.startsWith('/settings') && person.user !== env.STAGING_ADMIN) {
      return new Response('settings are for the staging admin', { status: 403 });
    }
    if (request.method === 'POST' && !(request.headers.get('content-type') ?? '').startsWith('application/json')) {
      return Response.json({ problem: 'send JSON' }, { status: 415 });
    }
    return fetch(new Request(new URL(pathname, env.ORIGIN), request));
  },
};
