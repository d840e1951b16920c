import { createError, defineEventHandler, readBody } from 'h3';
import { consumeResetToken } from '../utils/reset';

export default defineEventHandler(async (event) => {
  const { token, password } = await readBody<{ token?: string; password?: string }>(event);
  if (!token) {
    throw createError({ statusCode: 400, statusMessage: 'Reset token missing' });
  }
  const userId = await consumeResetToken(token);
  if (!userId) {
    throw createError({ statusCode: 400, statusMessage: 'Reset token invalid or expired' });
  }
  if (!password || password.length < 10) {
    throw createError({ statusCode: 422, statusMessage: 'Password too short' });
  }
  return { ok: true };
});
