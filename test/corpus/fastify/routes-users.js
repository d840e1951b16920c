'use strict';

const bcrypt = require('bcrypt');

module.exports = async function (fastify, opts) {
  fastify.post('/login', async (request, reply) => {
    const { email, password } = request.body;
    const user = await fastify.db.users.findByEmail(email);
    if (!user) {
      return reply.status(404).send({ error: 'No account with that e-mail' }); // expect: require-401-for-credential-failure
    }
    const ok = await bcrypt.compare(password, user.passwordHash);
    if (!ok) {
      return reply.status(400).send({ error: 'Invalid credentials' }); // expect: require-401-for-credential-failure
    }
    const token = fastify.jwt.sign({ sub: user.id, role: user.role });
    return { token };
  });

  fastify.get('/me', async (request, reply) => {
    const auth = request.headers.authorization;
    if (!auth) {
      return reply.code(401).send({ error: 'Missing Authorization header' }); // expect: require-www-authenticate
    }
    try {
      const payload = await request.jwtVerify();
      return fastify.db.users.findById(payload.sub);
    } catch (err) {
      if (err.code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED') {
        return reply
          .code(401)
          .header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"')
          .send({ error: 'token expired' });
      }
      return reply.code(400).send({ error: err.message }); // expect: require-401-for-credential-failure
    }
  });

  fastify.put('/users/:id', { onRequest: [fastify.authenticate] }, async (request, reply) => {
    if (request.user.sub !== request.params.id && request.user.role !== 'admin') {
      return reply.code(401).send({ error: 'Cannot edit another user' }); // expect: require-403-for-permission-denial
    }
    if (!request.body || typeof request.body.name !== 'string') {
      return reply.code(400).send({ error: 'name must be a string' });
    }
    return fastify.db.users.update(request.params.id, request.body);
  });

  fastify.post('/signup', async (request, reply) => {
    if (await fastify.db.users.findByEmail(request.body.email)) {
      return reply.code(409).send({ error: 'E-mail already registered' });
    }
    const user = await fastify.db.users.create(request.body);
    return reply.code(201).send({ id: user.id });
  });
};
