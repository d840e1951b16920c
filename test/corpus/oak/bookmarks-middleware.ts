import type { RouterContext, RouterMiddleware } from 'https://deno.land/x/oak@v12.6.1/mod.ts';
import { lookupSession } from '../sessions.ts';

export const requireSession: RouterMiddleware<string> = async ({ request, response, state }, next) => {
  const header = request.headers.get('Authorization');
  if (!header?.startsWith('Bearer ')) {
    response.status = 401; // expect: require-www-authenticate
    response.body = { message: 'Bearer token required' };
    return;
  }
  const session = await lookupSession(header.slice(7));
  if (!session) {
    response.headers.set('WWW-Authenticate', 'Bearer realm="bookmarks", error="invalid_token"');
    response.status = 401;
    return;
  }
  state.user = session.user;
  await next();
};

export const requireEditor = async ({ response, state }: RouterContext<string>, next: () => Promise<unknown>) => {
  const { user } = state;
  if (!user) {
    response.status = 403; // expect: require-401-for-credential-failure
    response.body = { message: 'Sign in first' };
    return;
  }
  if (!user.roles.includes('editor')) {
    response.status = 403;
    response.body = { message: 'Editors only' };
    return;
  }
  await next();
};

export const notFound = ({ response }: RouterContext<string>) => {
  response.status = 404;
  response.body = { message: 'No such bookmark' };
};
