import assert from 'node:assert/strict';
import createError from '@fastify/error';
import Fastify from 'fastify';

/** What the @fastify/error adapter assumes of Fastify, checked on the installed packages. */
describe('@fastify/error on the real framework', () => {
  const NoTokenError = createError('APP_NO_TOKEN', 'No bearer token was sent', 401);

  it('answers with the class status and no challenge: the definition is where the challenge is missing', async () => {
    const app = Fastify();
    app.get('/', async () => {
      throw new NoTokenError();
    });
    const response = await app.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['www-authenticate'], undefined);
    await app.close();
  });

  it('copies a headers object the thrown error carries, which is how a challenge reaches the reply', async () => {
    const app = Fastify();
    app.get('/', async () => {
      throw Object.assign(new NoTokenError(), { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });
    });
    const response = await app.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer realm="api"');
    await app.close();
  });
});
