import { createError, defineEventHandler, readBody, setResponseStatus } from 'h3';

export default defineEventHandler(async (event) => {
  const user = event.context.user;
  if (!user) {
    setResponseStatus(event, 401); // expect: require-www-authenticate
    return { error: 'Login required' };
  }
  if (user.role !== 'admin') {
    throw createError({ statusCode: 403, statusMessage: 'Admin role required' });
  }
  if (!user.permissions.includes('settings:write')) {
    throw createError({ statusCode: 401, statusMessage: 'Missing permission settings:write' }); // expect: require-403-for-permission-denial
  }
  const body = await readBody(event);
  if (!body?.key) {
    throw createError({ statusCode: 400, statusMessage: 'key is required' });
  }
  if (body.key === 'locked') {
    throw createError({ statusCode: 409, statusMessage: 'Setting is locked' });
  }
  return { saved: body.key };
});
