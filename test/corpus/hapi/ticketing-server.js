'use strict';

// Event ticketing on @hapi/jwt: sign-in issues tokens, the box-office routes still accept old session tokens.
const Hapi = require('@hapi/hapi');
const Boom = require('@hapi/boom');
const HapiJwt = require('@hapi/jwt');
const argon2 = require('argon2');
const accounts = require('./accounts');

const TOKEN_CLAIMS = { aud: 'ticketing-api', iss: 'ticketing-auth' };

async function build() {
  const server = Hapi.server({ port: Number(process.env.PORT || 4700) });
  await server.register(HapiJwt);

  server.auth.strategy('tickets', 'jwt', {
    keys: process.env.TICKETS_SIGNING_KEY,
    verify: { ...TOKEN_CLAIMS, sub: false, nbf: true, exp: true, maxAgeSec: 8 * 3600, timeSkewSec: 30 },
    validate: (artifacts) => ({ isValid: Boolean(artifacts.decoded.payload.account), credentials: { account: artifacts.decoded.payload.account } }),
  });

  server.route({
    method: 'POST',
    path: '/sign-in',
    options: { auth: false },
    async handler(request) {
      const { email, password } = request.payload;
      const account = await accounts.findByEmail(email);
      const passwordOk = account ? await argon2.verify(account.passwordHash, password) : false;
      if (!passwordOk) {
        throw Boom.unauthorized('Wrong email or password'); // expect: require-www-authenticate
      }
      if (account.frozen) {
        throw Boom.forbidden('This account is frozen, contact support');
      }
      return { token: HapiJwt.token.generate({ ...TOKEN_CLAIMS, account: account.id }, process.env.TICKETS_SIGNING_KEY, { ttlSec: 8 * 3600 }) };
    },
  });

  server.route({
    method: 'GET',
    path: '/box-office/till',
    options: { auth: false },
    async handler(request) {
      const sessionToken = request.headers['x-session-token'];
      if (!sessionToken) {
        throw Boom.badRequest('Session token required'); // expect: require-401-for-credential-failure
      }
      const session = await accounts.sessionByToken(sessionToken);
      if (!session) {
        throw Boom.forbidden('Session token not recognised'); // expect: require-401-for-credential-failure
      }
      if (session.endsAt < Date.now()) {
        throw Boom.unauthorized('Session expired', 'Session', { realm: 'box-office' });
      }
      return accounts.till(session.account);
    },
  });

  server.route({
    method: 'DELETE',
    path: '/events/{id}',
    options: { auth: 'tickets' },
    async handler(request, h) {
      const caller = request.auth.credentials.account;
      if (!(await accounts.hasRole(caller, 'organiser'))) {
        throw Boom.unauthorized('Only organisers can cancel events'); // expect: require-403-for-permission-denial
      }
      if (await accounts.ticketsSold(request.params.id)) {
        throw Boom.badRequest('Refund sold tickets before cancelling');
      }
      await accounts.cancelEvent(request.params.id);
      return h.response().code(204);
    },
  });

  server.route({
    method: 'GET',
    path: '/orders/{id}',
    options: { auth: 'tickets' },
    async handler(request) {
      const order = await accounts.order(request.params.id);
      if (!order) throw Boom.notFound('Order not found');
      if (order.account !== request.auth.credentials.account) {
        throw Boom.forbidden('That order belongs to someone else');
      }
      return order;
    },
  });

  return server;
}

build()
  .then((server) => server.start().then(() => console.log('ticketing on', server.info.uri)))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
