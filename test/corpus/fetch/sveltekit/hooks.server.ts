import { error, redirect, type Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { validateSessionToken } from '$lib/server/session';

const authentication: Handle = async ({ event, resolve }) => {
  const sessionToken = event.cookies.get('session');
  if (!sessionToken) {
    event.locals.user = null;
    return resolve(event);
  }
  const { user, session } = await validateSessionToken(sessionToken);
  event.locals.user = user;
  event.locals.session = session;
  return resolve(event);
};

const apiGuard: Handle = async ({ event, resolve }) => {
  if (event.url.pathname.startsWith('/api/') && !event.url.pathname.startsWith('/api/public')) {
    const token = event.request.headers.get('authorization');
    if (!token && !event.locals.user) {
      return new Response(JSON.stringify({ message: 'Authentication required' }), {
        status: 403, // expect: require-401-for-credential-failure
        headers: { 'content-type': 'application/json' },
      });
    }
  }
  return resolve(event);
};

const adminGuard: Handle = async ({ event, resolve }) => {
  if (event.url.pathname.startsWith('/admin')) {
    if (!event.locals.user) throw redirect(303, '/login');
    if (event.locals.user.role !== 'admin') throw error(403, 'Admins only');
  }
  return resolve(event);
};

export const handle = sequence(authentication, apiGuard, adminGuard);
