import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import { verifyApiToken } from './tokens';

export function registerApiTokenScheme(server: Server): void {
  server.auth.scheme('api-token', () => ({
    authenticate: async (request: Request, h: ResponseToolkit) => {
      const authorization = request.headers.authorization;
      if (!authorization) {
        throw Boom.unauthorized(null, 'Bearer', { realm: 'api' });
      }
      const [scheme, token] = authorization.split(/\s+/);
      if (scheme?.toLowerCase() !== 'bearer' || !token) {
        throw Boom.unauthorized('Bad HTTP authentication header format', 'Bearer');
      }
      const credentials = await verifyApiToken(token);
      if (!credentials) {
        throw Boom.unauthorized('Invalid token'); // expect: require-www-authenticate
      }
      if (credentials.expired) {
        return h.response({ message: 'Token expired' }).code(401).takeover(); // expect: require-www-authenticate
      }
      return h.authenticated({ credentials });
    },
  }));
  server.auth.strategy('api', 'api-token');
}

export async function requireScope(request: Request, h: ResponseToolkit, scope: string) {
  const scopes = (request.auth.credentials.scope as string[] | undefined) ?? [];
  if (!scopes.includes(scope)) {
    return h.response({ message: `Missing scope ${scope}` }).code(403).takeover();
  }
  return h.continue;
}

export function onPreResponse(request: Request, h: ResponseToolkit) {
  const response = request.response;
  if (Boom.isBoom(response) && response.output.statusCode === 401 && !response.output.headers['WWW-Authenticate']) {
    response.output.headers['WWW-Authenticate'] = 'Bearer realm="api"';
  }
  return h.continue;
}

export function sessionCheck(request: Request, h: ResponseToolkit) {
  const sid = request.state.sid as string | undefined;
  if (!sid) {
    return h.response({ message: 'Session expired' }).code(440).takeover(); // expect: require-401-for-credential-failure
  }
  if (request.payload && typeof request.payload !== 'object') {
    throw Boom.badRequest('JSON payload expected');
  }
  return h.continue;
}
