import { Hono, type Context } from 'hono';
import { getSignedCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { zValidator } from '@hono/zod-validator';

type Env = { Bindings: { COOKIE_SECRET: string; KV: KVNamespace }; Variables: { userId: string } };

const app = new Hono<Env>();

async function sessionUser(c: Context<Env>): Promise<string | undefined> {
  const sid = await getSignedCookie(c, c.env.COOKIE_SECRET, 'sid');
  if (!sid) return undefined;
  return (await c.env.KV.get(`session:${sid}`)) ?? undefined;
}

app.use('/dashboard/*', async (c, next) => {
  const userId = await sessionUser(c);
  if (!userId) {
    return c.redirect('/login');
  }
  c.set('userId', userId);
  await next();
});

app.use('/api/*', async (c, next) => {
  const userId = await sessionUser(c);
  if (!userId) {
    return c.json({ error: 'session missing or expired' }, 440); // expect: require-401-for-credential-failure
  }
  c.set('userId', userId);
  await next();
});

app.get('/api/keys/:id', async (c) => {
  const key = await c.env.KV.get(`key:${c.req.param('id')}`, 'json');
  if (!key) return c.json({ error: 'not found' }, 404);
  if ((key as { owner: string }).owner !== c.get('userId')) {
    return c.json({ error: 'not your key' }, 403);
  }
  return c.json(key);
});

app.post('/api/keys', zValidator('json', z.object({ name: z.string().min(1) })), async (c) => {
  const { name } = c.req.valid('json');
  if (await c.env.KV.get(`keyname:${name}`)) {
    return c.json({ error: 'name already used' }, 409);
  }
  return c.json({ name }, 201);
});

app.get('/internal/cron', async (c) => {
  const token = c.req.header('x-cron-token');
  if (!token) {
    throw new HTTPException(403, { message: 'cron token missing' }); // expect: require-401-for-credential-failure
  }
  if (token !== 'expected') {
    return c.text('invalid cron token', 401); // expect: require-www-authenticate
  }
  return c.text('ran');
});

app.get('/api/admin/users', async (c) => {
  const roles = ((await c.env.KV.get(`roles:${c.get('userId')}`)) ?? '').split(',');
  if (!roles.includes('admin')) {
    return c.text('admin role required', 401); // expect: require-403-for-permission-denial
  }
  return c.json([]);
});

export default app;
