import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { bearerAuth } from 'hono/bearer-auth';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { jwt, sign, verify, type JwtVariables } from 'hono/jwt';

type Bindings = { SIGNING_KEY: string; OPS_TOKEN: string; PARTNER_KEY: string; DB: D1Database };
type Claims = { sub: string; role: 'viewer' | 'editor' | 'owner' };

const app = new Hono<{ Bindings: Bindings; Variables: JwtVariables }>();

// Hono's own middleware answer 401 with the right challenge.
app.use('/v2/*', async (c, next) => jwt({ secret: c.env.SIGNING_KEY, alg: 'HS256' })(c, next));
app.use('/ops/*', async (c, next) => bearerAuth({ token: c.env.OPS_TOKEN })(c, next));
app.use('/status', basicAuth({ username: 'status', password: 'page' }));

app.post('/sign-in', async (c) => {
  const form = await c.req.json<{ email: string; password: string }>();
  const row = await c.env.DB.prepare('SELECT id, role, hash FROM accounts WHERE email = ?1').bind(form.email).first<{ id: string; role: Claims['role']; hash: string }>();
  if (row === null || !(await passwordMatches(form.password, row.hash))) {
    return c.json({ problem: 'Invalid email or password' }, 401); // expect: require-www-authenticate
  }
  const exp = Math.floor(Date.now() / 1000) + 60 * 60;
  return c.json({ token: await sign({ sub: row.id, role: row.role, exp }, c.env.SIGNING_KEY) });
});

app.get('/web/profile', async (c) => {
  const cookieToken = getCookie(c, 'web_session');
  if (cookieToken === undefined) {
    return c.json({ problem: 'Not logged in' }, 403); // expect: require-401-for-credential-failure
  }
  try {
    return c.json(await verify(cookieToken, c.env.SIGNING_KEY, 'HS256'));
  } catch {
    return c.json({ problem: 'invalid_token' }, 401, { 'WWW-Authenticate': 'Bearer realm="web", error="invalid_token"' });
  }
});

app.get('/partner/catalogue', async (c) => {
  const partnerKey = c.req.header('x-api-key');
  if (!partnerKey) {
    return c.text('API key missing', 400); // expect: require-401-for-credential-failure
  }
  if (partnerKey !== c.env.PARTNER_KEY) {
    throw new HTTPException(401, { message: 'Unknown API key' }); // expect: require-www-authenticate
  }
  return c.json({ items: [] });
});

app.delete('/v2/pages/:id', async (c) => {
  const claims = c.get('jwtPayload') as Claims;
  const page = await c.env.DB.prepare('SELECT author FROM pages WHERE id = ?1').bind(c.req.param('id')).first<{ author: string }>();
  if (page === null) return c.notFound();
  if (page.author !== claims.sub && claims.role !== 'owner') {
    return c.json({ problem: 'Only the author or the owner can delete a page' }, 403);
  }
  return c.body(null, 204);
});

app.patch('/v2/site', async (c) => {
  const claims = c.get('jwtPayload') as Claims;
  if (claims.role !== 'owner') {
    throw new HTTPException(401, { message: 'Only the site owner can change site settings' }); // expect: require-403-for-permission-denial
  }
  const patch = await c.req.json().catch(() => undefined);
  if (patch === undefined) throw new HTTPException(400, { message: 'Send the changes as JSON' });
  return c.json({ updated: Object.keys(patch) });
});

app.onError((error, c) => (error instanceof HTTPException ? error.getResponse() : c.json({ problem: 'unexpected' }, 500)));

async function passwordMatches(password: string, hash: string): Promise<boolean> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(password));
  return btoa(String.fromCharCode(...new Uint8Array(digest))) === hash;
}

export default app;
