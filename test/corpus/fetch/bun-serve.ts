import { jwtVerify } from 'jose';

const secret = new TextEncoder().encode(Bun.env.JWT_SECRET);

Bun.serve({
  port: 3000,
  async fetch(req) {
    const url = new URL(req.url);
    if (url.pathname === '/health') return new Response('ok');
    const auth = req.headers.get('authorization');
    if (!auth?.startsWith('Bearer ')) {
      return Response.json({ error: 'sign in first' }, { status: 403 }); // expect: require-401-for-credential-failure
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(auth.slice(7), secret));
    } catch {
      return new Response('invalid token', { status: 401 }); // expect: require-www-authenticate
    }
    if (url.pathname.startsWith('/admin') && payload.role !== 'admin') {
      return new Response('admins only', { status: 401 }); // expect: require-403-for-permission-denial
    }
    if (url.pathname.startsWith('/billing') && payload.plan !== 'paid') {
      return new Response('upgrade required', { status: 403 });
    }
    return Response.json({ user: payload.sub });
  },
});
