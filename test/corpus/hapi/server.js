'use strict';

const Hapi = require('@hapi/hapi');
const Boom = require('@hapi/boom');
const Jwt = require('@hapi/jwt');
const Bcrypt = require('bcrypt');

const users = require('./users');

const init = async () => {
  const server = Hapi.server({ port: 3000, host: 'localhost' });

  await server.register(Jwt);

  server.auth.strategy('jwt', 'jwt', {
    keys: process.env.JWT_SECRET,
    verify: { aud: 'urn:audience:test', iss: 'urn:issuer:test', sub: false, nbf: true, exp: true, maxAgeSec: 14400 },
    validate: (artifacts) => ({ isValid: true, credentials: { user: artifacts.decoded.payload.user } }),
  });

  server.route({
    method: 'POST',
    path: '/login',
    options: { auth: false },
    handler: async (request, h) => {
      const { username, password } = request.payload;
      const user = users[username];
      if (!user || !(await Bcrypt.compare(password, user.password))) {
        throw Boom.unauthorized('Invalid username or password'); // expect: require-www-authenticate
      }
      if (user.disabled) {
        throw Boom.forbidden('Account disabled');
      }
      return { token: Jwt.token.generate({ aud: 'urn:audience:test', iss: 'urn:issuer:test', user: user.id }, process.env.JWT_SECRET) };
    },
  });

  server.route({
    method: 'GET',
    path: '/legacy/profile',
    options: { auth: false },
    handler: async (request, h) => {
      const token = request.headers['x-access-token'];
      if (!token) {
        throw Boom.badRequest('Missing access token'); // expect: require-401-for-credential-failure
      }
      const session = await request.server.app.sessions.byToken(token);
      if (!session) {
        throw Boom.forbidden('Invalid access token'); // expect: require-401-for-credential-failure
      }
      if (session.expiresAt < Date.now()) {
        throw Boom.unauthorized('Access token expired', 'Bearer', { realm: 'legacy' });
      }
      return session.profile;
    },
  });

  server.route({
    method: 'DELETE',
    path: '/users/{id}',
    options: { auth: 'jwt' },
    handler: async (request, h) => {
      const { user } = request.auth.credentials;
      if (!users.isAdmin(user)) {
        throw Boom.unauthorized('Admins only'); // expect: require-403-for-permission-denial
      }
      if (request.params.id === user) {
        throw Boom.badRequest('You cannot delete yourself');
      }
      await users.remove(request.params.id);
      return h.response().code(204);
    },
  });

  server.route({
    method: 'GET',
    path: '/reports/{id}',
    options: { auth: 'jwt' },
    handler: async (request, h) => {
      const report = await request.server.app.reports.find(request.params.id);
      if (!report) throw Boom.notFound();
      if (report.owner !== request.auth.credentials.user) {
        throw Boom.forbidden('Not your report');
      }
      return report;
    },
  });

  await server.start();
  console.log('Server running on %s', server.info.uri);
};

process.on('unhandledRejection', (err) => {
  console.log(err);
  process.exit(1);
});

init();
