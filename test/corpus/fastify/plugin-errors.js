'use strict';

const fp = require('fastify-plugin');
const { createError } = require('@fastify/error');

const NoKeyError = createError('KEYRING_NO_KEY', 'An x-api-key header is required', 401); // expect: require-www-authenticate
const RevokedKeyError = createError('KEYRING_REVOKED', 'This key was revoked', 403);
const ReadOnlyKeyError = createError('KEYRING_READ_ONLY', 'This key may only read', 403);
const UnreadableBodyError = createError('KEYRING_BAD_BODY', 'The body is not valid JSON', 400);

module.exports = fp(async function keyring(fastify, options) {
  fastify.addHook('onRequest', async (request) => {
    const presented = request.headers['x-api-key'];
    if (!presented) throw new NoKeyError();
    const key = await options.store.find(presented);
    if (!key || key.revokedAt) throw new RevokedKeyError(); // expect: require-401-for-credential-failure
    request.key = key;
  });

  fastify.addHook('preHandler', async (request) => {
    if (request.method !== 'GET' && request.key.scopes.indexOf('write') === -1) throw new ReadOnlyKeyError();
    if (request.body !== undefined && typeof request.body !== 'object') throw new UnreadableBodyError();
  });
});
