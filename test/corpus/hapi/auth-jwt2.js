'use strict';

const Hapi = require('@hapi/hapi');
const Boom = require('@hapi/boom');

const people = { 1: { id: 1, name: 'Jen Jones', scope: ['admin'] } };

const validate = async function (decoded, request, h) {
  if (!people[decoded.id]) {
    return { isValid: false };
  }
  if (people[decoded.id].banned) {
    return { isValid: false, errorMessage: 'banned' };
  }
  return { isValid: true };
};

const init = async () => {
  const server = new Hapi.Server({ port: 8000 });
  await server.register(require('hapi-auth-jwt2'));

  server.auth.strategy('jwt', 'jwt', {
    key: 'NeverShareYourSecret',
    validate,
    errorFunc: (context) => {
      if (context.message === 'Token expired') {
        return { ...context, errorType: 'forbidden', message: 'Token expired' }; // expect-ignore: hapi-auth-jwt2 errorFunc maps the error type; no status literal here
      }
      return context;
    },
  });
  server.auth.default('jwt');

  server.route([
    { method: 'GET', path: '/', config: { auth: false }, handler: () => ({ text: 'Token not required' }) },
    { method: 'GET', path: '/restricted', config: { auth: 'jwt' }, handler: () => ({ text: 'You used a Token!' }) },
    {
      method: 'GET',
      path: '/admin',
      config: { auth: { strategy: 'jwt', scope: ['admin'] } },
      handler: () => ({ text: 'admin area' }),
    },
    {
      method: 'POST',
      path: '/legacy-token-check',
      config: { auth: false },
      handler: (request) => {
        if (!request.headers.authorization) {
          return Boom.badRequest('Authorization header missing'); // expect: require-401-for-credential-failure
        }
        return { ok: true };
      },
    },
  ]);

  await server.start();
  return server;
};

init().catch((err) => {
  console.log(err);
  process.exit(1);
});
