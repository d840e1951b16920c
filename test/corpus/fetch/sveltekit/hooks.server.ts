import { error, redirect, type Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { sessions } from '$lib/server/sessions';

/** Puts the signed-in account (or null) on locals for every request. */
const loadAccount: Handle = async ({ event, resolve }) => {
  const cookie = event.cookies.get('staff_session');
  const found = cookie ? await sessions.lookup(cookie) : null;
  event.locals.account = found?.account ?? null;
  event.locals.sessionEndsAt = found?.endsAt ?? null;
  return resolve(event);
};

/** JSON endpoints under /api answer for themselves, except that anonymous calls never reach them. */
const guardApi: Handle = async ({ event, resolve }) => {
  const { pathname } = event.url;
  const isPrivateApi = pathname.startsWith('/api/') && !pathname.startsWith('/api/open/');
  if (isPrivateApi && !event.locals.account && !event.request.headers.get('authorization')) {
    return new Response(JSON.stringify({ problem: 'Not signed in' }), {
      status: 403, // expect: require-401-for-credential-failure
      headers: { 'content-type': 'application/json' },
    });
  }
  return resolve(event);
};

/** Pages under /manage need a manager. */
const guardManagement: Handle = async ({ event, resolve }) => {
  if (event.url.pathname.startsWith('/manage')) {
    if (!event.locals.account) redirect(303, `/sign-in?next=${event.url.pathname}`);
    if (!event.locals.account.permissions.includes('manage')) error(403, 'Managers only');
  }
  return resolve(event);
};

export const handle = sequence(loadAccount, guardApi, guardManagement);
