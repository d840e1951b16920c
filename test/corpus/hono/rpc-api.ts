import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';

type Variables = { session?: { userId: string; role: 'member' | 'admin'; expires: number } };

const api = new Hono<{ Variables: Variables }>();

api.use('*', cors({ origin: 'https://app.example.com', credentials: true }));
api.use('*', csrf({ origin: 'https://app.example.com' }));

api.use('/rpc/*', async (c, next) => {
  const session = c.get('session');
  if (!session) {
    return c.json({ error: 'not signed in' }, 400); // expect: require-401-for-credential-failure
  }
  if (session.expires < Date.now()) {
    c.header('WWW-Authenticate', 'Session realm="rpc"');
    return c.json({ error: 'session expired' }, 401);
  }
  await next();
});

api.post('/rpc/members.remove', async (c) => {
  const session = c.get('session')!;
  if (session.role !== 'admin') {
    throw new HTTPException(403, { message: 'Only admins may remove members' });
  }
  const body = await c.req.json<{ userId?: string }>();
  if (!body.userId) throw new HTTPException(400, { message: 'userId required' });
  if (body.userId === session.userId) throw new HTTPException(409, { message: 'You cannot remove yourself' });
  return c.json({ removed: body.userId });
});

api.post('/rpc/invites.accept', async (c) => {
  const { token } = await c.req.json<{ token?: string }>();
  if (!token) return c.json({ error: 'invite token missing' }, 400);
  const invite = await findInvite(token);
  if (!invite) return c.json({ error: 'invite not found' }, 404);
  if (invite.expired) return c.json({ error: 'invite expired' }, 410);
  return c.json({ joined: invite.teamId });
});

async function findInvite(token: string): Promise<{ teamId: string; expired: boolean } | undefined> {
  return token ? { teamId: 't1', expired: false } : undefined;
}

export default api;
