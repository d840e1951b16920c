import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';

export const load: PageServerLoad = async ({ locals }) => {
  if (!locals.user) redirect(302, '/login');
  if (!locals.user.permissions.includes('admin:read')) error(403, 'You are not allowed here');
  return { users: await db.users.list() };
};

export const actions: Actions = {
  ban: async ({ locals, request }) => {
    if (!locals.user?.permissions.includes('users:ban')) {
      return fail(403, { message: 'Missing permission users:ban' });
    }
    const data = await request.formData();
    const id = data.get('id');
    if (typeof id !== 'string') return fail(400, { message: 'id required' });
    await db.users.ban(id);
    return { success: true };
  },
  login: async ({ request, cookies }) => {
    const data = await request.formData();
    const user = await db.users.byEmail(String(data.get('email')));
    if (!user || !(await db.users.checkPassword(user, String(data.get('password'))))) {
      return fail(400, { email: data.get('email'), incorrect: true }); // expect-ignore: form action re-rendering the page with the error (SvelteKit's documented pattern)
    }
    cookies.set('session', await db.sessions.create(user.id), { path: '/' });
    redirect(303, '/admin');
  },
};
