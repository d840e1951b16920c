import { createError, defineEventHandler, readBody, setCookie } from 'h3';
import { users } from '../utils/users';

export default defineEventHandler(async (event) => {
  const body = await readBody<{ email?: string; password?: string }>(event);
  if (!body?.email || !body.password) {
    throw createError({ statusCode: 400, statusMessage: 'email and password are required' });
  }
  const user = await users.verify(body.email, body.password);
  if (!user) {
    throw createError({ statusCode: 403, statusMessage: 'Invalid email or password' }); // expect: require-401-for-credential-failure
  }
  if (!user.emailConfirmed) {
    throw createError({ statusCode: 401, statusMessage: 'Confirm your e-mail address before signing in' }); // expect: require-403-for-permission-denial
  }
  setCookie(event, 'sid', await users.startSession(user.id), { httpOnly: true, sameSite: 'lax' });
  return { ok: true };
});
