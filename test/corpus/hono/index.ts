import { Hono } from 'hono';
import { jwt, sign, verify } from 'hono/jwt';
import { bearerAuth } from 'hono/bearer-auth';
import { basicAuth } from 'hono/basic-auth';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { JwtVariables } from 'hono/jwt';

type Bindings = { JWT_SECRET: string; ADMIN_TOKEN: string; DB: D1Database };

const app = new Hono<{ Bindings: Bindings; Variables: JwtVariables }>();

// Built-in middleware answer 401 with a challenge themselves
app.use('/api/*', (c, next) => jwt({ secret: c.env.JWT_SECRET, alg: 'HS256' })(c, next));
app.use('/admin/*', (c, next) => bearerAuth({ token: c.env.ADMIN_TOKEN })(c, next));
app.use('/metrics', basicAuth({ username: 'prom', password: 'scrape' }));

app.get('/api/me', (c) => c.json(c.get('jwtPayload')));

app.post('/login', async (c) => {
  const { email, password } = await c.req.json<{ email: string; password: string }>();
  const user = await c.env.DB.prepare('SELECT * FROM users WHERE email = ?').bind(email).first<{ id: string; hash: string }>();
  if (!user || !(await checkPassword(password, user.hash))) {
    return c.json({ error: 'Invalid email or password' }, 401); // expect: require-www-authenticate
  }
  const token = await sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 3600 }, c.env.JWT_SECRET);
  return c.json({ token });
});

app.get('/session/profile', async (c) => {
  const session = getCookie(c, 'session');
  if (!session) {
    return c.json({ error: 'Not logged in' }, 403); // expect: require-401-for-credential-failure
  }
  try {
    const payload = await verify(session, c.env.JWT_SECRET, 'HS256');
    return c.json(payload);
  } catch {
    return c.json({ error: 'Session invalid' }, 401, { 'WWW-Authenticate': 'Bearer realm="session", error="invalid_token"' });
  }
});

app.get('/v1/data', async (c) => {
  const key = c.req.header('x-api-key');
  if (!key) {
    return c.text('API key required', 400); // expect: require-401-for-credential-failure
  }
  if (key !== c.env.ADMIN_TOKEN) {
    throw new HTTPException(401, { message: 'Invalid API key' }); // expect: require-www-authenticate
  }
  return c.json({ data: [] });
});

app.delete('/api/posts/:id', async (c) => {
  const payload = c.get('jwtPayload') as { sub: string; role: string };
  const post = await c.env.DB.prepare('SELECT * FROM posts WHERE id = ?').bind(c.req.param('id')).first<{ author: string }>();
  if (!post) return c.notFound();
  if (post.author !== payload.sub && payload.role !== 'admin') {
    return c.json({ error: 'You cannot delete this post' }, 403);
  }
  return c.body(null, 204);
});

app.put('/api/settings', async (c) => {
  const payload = c.get('jwtPayload') as { role: string };
  if (payload.role !== 'owner') {
    throw new HTTPException(401, { message: 'Only the workspace owner can change settings' }); // expect: require-403-for-permission-denial
  }
  const body = await c.req.json().catch(() => null);
  if (!body) throw new HTTPException(400, { message: 'JSON body required' });
  return c.json({ ok: true });
});

app.onError((err, c) => {
  if (err instanceof HTTPException) {
    return err.getResponse();
  }
  return c.json({ error: 'internal' }, 500);
});

async function checkPassword(password: string, hash: string): Promise<boolean> {
  return password.length > 0 && hash.length > 0;
}

export default app;
