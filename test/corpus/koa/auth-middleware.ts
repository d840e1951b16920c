import type { Context, Next } from 'koa';
import jwt, { TokenExpiredError } from 'jsonwebtoken';
import { config } from './config';

export interface AuthState {
  user: { id: string; roles: string[] };
}

export async function authenticate(ctx: Context, next: Next) {
  const header = ctx.get('Authorization');
  if (!header) {
    ctx.throw(403, 'Authorization header required'); // expect: require-401-for-credential-failure
  }
  const token = header.replace(/^Bearer /, '');
  try {
    const payload = jwt.verify(token, config.secret) as { sub: string; roles: string[] };
    ctx.state.user = { id: payload.sub, roles: payload.roles };
  } catch (err) {
    if (err instanceof TokenExpiredError) {
      ctx.throw(401, 'Token expired', { // this one is right: the challenge rides on the error
        headers: { 'WWW-Authenticate': 'Bearer realm="koa-api", error="invalid_token", error_description="The access token expired"' },
      });
    }
    ctx.throw(400, 'Invalid token'); // expect: require-401-for-credential-failure
  }
  await next();
}

export function requireRole(role: string) {
  return async (ctx: Context, next: Next) => {
    if (!ctx.state.user?.roles.includes(role)) {
      ctx.throw(403, `Role ${role} required`);
    }
    await next();
  };
}

export async function requireSession(ctx: Context, next: Next) {
  const sid = ctx.cookies.get('sid');
  ctx.assert(sid, 419, 'Session expired'); // expect: require-401-for-credential-failure
  const session = await ctx.sessions.load(sid);
  ctx.assert(session, 401, 'Unknown session'); // expect: require-www-authenticate
  ctx.state.session = session;
  await next();
}

export async function requireSessionWithChallenge(ctx: Context, next: Next) {
  const sid = ctx.cookies.get('sid');
  ctx.assert(sid, 401, 'Sign in required', { headers: { 'WWW-Authenticate': 'Session realm="web"' } });
  await next();
}

export async function validateBody(ctx: Context, next: Next) {
  const body = ctx.request.body as { email?: string } | undefined;
  ctx.assert(body?.email, 400, 'email is required');
  ctx.assert(/.+@.+/.test(body.email), 422, 'email is invalid');
  await next();
}
