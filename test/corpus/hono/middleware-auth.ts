import { createMiddleware } from 'hono/factory';
import { verify } from 'hono/jwt';
import { HTTPException } from 'hono/http-exception';

type Env = { Bindings: { SECRET: string }; Variables: { userId: string; roles: string[] } };

export const requireAuth = createMiddleware<Env>(async (c, next) => {
  const header = c.req.header('Authorization');
  if (!header?.startsWith('Bearer ')) {
    c.header('WWW-Authenticate', 'Bearer realm="hono-app"');
    return c.json({ message: 'Unauthorized' }, 401);
  }
  try {
    const payload = await verify(header.slice(7), c.env.SECRET, 'HS256');
    c.set('userId', String(payload.sub));
    c.set('roles', (payload.roles as string[]) ?? []);
  } catch (error) {
    if (error instanceof Error && error.name === 'JwtTokenExpired') {
      return c.json({ message: 'Token expired' }, 419); // expect: require-401-for-credential-failure
    }
    c.status(401); // expect: require-www-authenticate
    return c.json({ message: 'Invalid token' });
  }
  await next();
});

export const requireRole = (role: string) =>
  createMiddleware<Env>(async (c, next) => {
    if (!c.get('roles').includes(role)) {
      return c.json({ message: `Requires role ${role}` }, 403);
    }
    await next();
  });

export const requireVerifiedEmail = createMiddleware<Env>(async (c, next) => {
  const verified = c.req.header('x-email-verified') === 'true';
  if (!verified) {
    return c.json({ message: 'Verify your e-mail first' }, 401); // expect: require-403-for-permission-denial
  }
  await next();
});

export const requireChallengeableAuth = createMiddleware<Env>(async (c, next) => {
  if (!c.req.header('Authorization')) {
    const res = new Response('Unauthorized', {
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="hono-app"' },
    });
    throw new HTTPException(401, { res });
  }
  await next();
});
