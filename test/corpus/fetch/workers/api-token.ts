interface Env {
  TOKENS: KVNamespace;
}

function unauthorized(message: string): Response {
  return Response.json({ error: message }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="edge"' } });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const token = request.headers.get('authorization')?.replace(/^Bearer\s+/, '');
    if (!token) return unauthorized('token required');
    const record = await env.TOKENS.get<{ expires: number; scopes: string[] }>(token, 'json');
    if (!record) {
      return Response.json({ error: 'unknown token' }, { status: 401 }); // expect: require-www-authenticate
    }
    if (record.expires < Date.now()) {
      return Response.json({ error: 'token expired' }, { status: 498 }); // expect: require-401-for-credential-failure
    }
    if (!record.scopes.includes('read')) {
      return Response.json({ error: 'insufficient_scope' }, { status: 403 });
    }
    return Response.json({ ok: true });
  },
};
