import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { staffDirectory } from '$lib/server/staff';
import { sessions } from '$lib/server/sessions';

export const load: PageServerLoad = async ({ locals }) => {
  if (!locals.account) redirect(303, '/sign-in?next=/staff');
  if (!locals.account.permissions.includes('staff:view')) {
    error(403, 'The staff list is limited to managers');
  }
  return { staff: await staffDirectory.all() };
};

export const actions: Actions = {
  deactivate: async ({ locals, request }) => {
    if (!locals.account?.permissions.includes('staff:deactivate')) {
      return fail(403, { problem: 'You cannot deactivate staff accounts' });
    }
    const form = await request.formData();
    const staffId = form.get('staffId');
    if (typeof staffId !== 'string' || staffId === '') {
      return fail(400, { problem: 'Choose a staff member' });
    }
    await staffDirectory.deactivate(staffId);
    return { deactivated: staffId };
  },

  signIn: async ({ request, cookies }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const account = await staffDirectory.checkPassword(email, String(form.get('password') ?? ''));
    if (!account) {
      return fail(400, { email, wrongPassword: true }); // expect-ignore: form action re-rendering the page with the error (SvelteKit's documented pattern)
    }
    cookies.set('staff_session', await sessions.start(account.id), { path: '/', httpOnly: true, sameSite: 'lax' });
    redirect(303, '/staff');
  },
};
