import Boom from '@hapi/boom';
import type { Lifecycle, Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import jwt from 'jsonwebtoken';

interface Claims {
  sub: string;
  scope: string[];
}

function readClaims(request: Request): Claims {
  const header = request.headers.authorization;
  if (!header) {
    throw Boom.forbidden('Missing bearer token'); // expect: require-401-for-credential-failure
  }
  try {
    return jwt.verify(header.replace(/^Bearer /, ''), process.env.SECRET as string) as Claims;
  } catch (error) {
    if (error instanceof jwt.TokenExpiredError) {
      throw Boom.unauthorized('Token expired', 'Bearer', { error: 'invalid_token', error_description: 'The access token expired' });
    }
    throw Boom.badRequest('Malformed token'); // expect: require-401-for-credential-failure
  }
}

const listInvoices: Lifecycle.Method = (request: Request) => {
  const claims = readClaims(request);
  if (!claims.scope.includes('invoices:read')) {
    throw Boom.forbidden('insufficient scope');
  }
  return [];
};

const deleteInvoice: Lifecycle.Method = (request: Request, h: ResponseToolkit) => {
  const claims = readClaims(request);
  if (!claims.scope.includes('invoices:delete')) {
    return h.response({ message: 'Only finance admins may delete invoices' }).code(401); // expect: require-403-for-permission-denial
  }
  return h.response().code(204);
};

const me: Lifecycle.Method = (request: Request, h: ResponseToolkit) => {
  const sid = request.state.sid as string | undefined;
  if (!sid) {
    return h.response({ message: 'Not signed in' }).code(401); // expect: require-www-authenticate
  }
  return { sid };
};

export const routes: ServerRoute[] = [
  { method: 'GET', path: '/invoices', handler: listInvoices, options: { auth: false } },
  { method: 'DELETE', path: '/invoices/{id}', handler: deleteInvoice, options: { auth: false } },
  { method: 'GET', path: '/me', handler: me, options: { auth: false } },
  {
    method: 'POST',
    path: '/signup',
    options: { auth: false },
    handler: (request) => {
      const payload = request.payload as { email?: string };
      if (!payload?.email) throw Boom.badRequest('email required');
      if (payload.email === 'taken@example.com') throw Boom.conflict('E-mail already registered');
      return { ok: true };
    },
  },
];
