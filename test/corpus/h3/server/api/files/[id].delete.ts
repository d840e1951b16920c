import { createError, defineEventHandler, getHeader, getRouterParam, setResponseHeader, setResponseStatus } from 'h3';
import { files } from '../../utils/files';
import { verifyToken } from '../../utils/jwt';

export default defineEventHandler(async (event) => {
  const header = getHeader(event, 'Authorization');
  if (!header) {
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="files"');
    setResponseStatus(event, 401);
    return { error: 'Authorization required' };
  }
  const claims = await verifyToken(header.slice('Bearer '.length)).catch(() => null);
  if (!claims) {
    setResponseStatus(event, 403); // expect: require-401-for-credential-failure
    return { error: 'Token could not be verified' };
  }
  const file = await files.find(getRouterParam(event, 'id') ?? '');
  if (!file) {
    throw createError({ statusCode: 404, statusMessage: 'File not found' });
  }
  if (file.ownerId !== claims.sub) {
    throw createError({ statusCode: 403, statusMessage: 'You do not own this file' });
  }
  if (file.locked) {
    throw createError({ statusCode: 423, statusMessage: 'File is locked' });
  }
  await files.remove(file.id);
  return { deleted: file.id };
});
