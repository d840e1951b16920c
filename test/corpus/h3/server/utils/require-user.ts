import { createError, getHeader, setResponseHeader, type H3Event } from 'h3';
import { verifyApiKey } from './keys';

export async function requireUser(event: H3Event) {
  const apiKey = getHeader(event, 'x-api-key');
  if (!apiKey) {
    setResponseHeader(event, 'WWW-Authenticate', 'ApiKey realm="nuxt"');
    throw createError({ statusCode: 401, statusMessage: 'API key required' }); // expect-ignore: frameworks.md leaves open whether h3 keeps headers set before a throw
  }
  const owner = await verifyApiKey(apiKey);
  if (!owner) {
    throw createError({ statusCode: 403, statusMessage: 'Invalid API key' }); // expect: require-401-for-credential-failure
  }
  if (owner.disabled) {
    throw createError({ statusCode: 403, statusMessage: 'API key owner is disabled' });
  }
  return owner;
}
