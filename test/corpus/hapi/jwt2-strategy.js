'use strict';

// Clinic appointments API on hapi-auth-jwt2: the strategy validates the decoded token against the staff list.
const Hapi = require('@hapi/hapi');
const Boom = require('@hapi/boom');
const staff = require('./staff-directory');

async function validateStaffToken(decoded) {
  const member = await staff.byId(decoded.staffId);
  if (!member) return { isValid: false };
  if (member.offboarded) return { isValid: false, errorMessage: 'offboarded' };
  return { isValid: true, credentials: { staffId: member.id, scope: member.scopes } };
}

async function start() {
  const server = Hapi.server({ port: Number(process.env.PORT || 4600), routes: { cors: true } });
  await server.register(require('hapi-auth-jwt2'));

  server.auth.strategy('staff-jwt', 'jwt', {
    key: process.env.CLINIC_JWT_KEY,
    verifyOptions: { algorithms: ['HS256'] },
    validate: validateStaffToken,
    errorFunc: (details) =>
      details.message === 'Token expired'
        ? { ...details, errorType: 'forbidden', message: 'Expired, sign in again' } // expect-ignore: hapi-auth-jwt2 errorFunc maps the error type; no status literal here
        : details,
  });
  server.auth.default('staff-jwt');

  server.route({ method: 'GET', path: '/health', options: { auth: false }, handler: () => ({ up: true }) });
  server.route({ method: 'GET', path: '/appointments', handler: (request) => staff.appointmentsFor(request.auth.credentials.staffId) });
  server.route({
    method: 'DELETE',
    path: '/appointments/{id}',
    options: { auth: { strategy: 'staff-jwt', scope: ['appointments:cancel'] } },
    handler: (request) => staff.cancel(request.params.id),
  });
  server.route({
    method: 'POST',
    path: '/kiosk/check-in',
    options: { auth: false },
    handler: (request) => {
      // The kiosk signs its own requests; this route predates the strategy.
      if (!request.headers.authorization) {
        return Boom.badRequest('Missing authorization header'); // expect: require-401-for-credential-failure
      }
      return staff.kioskCheckIn(request.payload);
    },
  });

  await server.start();
  return server;
}

start().catch((error) => {
  console.error('clinic api failed to start', error);
  process.exitCode = 1;
});
