import { createError, defineEventHandler, getCookie } from 'h3';
import { useSession } from '../utils/session';

export default defineEventHandler(async (event) => {
  const sessionId = getCookie(event, 'sid');
  if (!sessionId) {
    throw createError({ status: 400, message: 'Session cookie missing' }); // expect: require-401-for-credential-failure
  }
  const session = await useSession(sessionId);
  if (!session) {
    throw createError({ statusCode: 419, statusMessage: 'Session expired' }); // expect: require-401-for-credential-failure
  }
  return session.user;
});
