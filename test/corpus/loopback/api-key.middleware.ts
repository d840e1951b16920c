import { Middleware, MiddlewareContext, HttpErrors, RestBindings } from '@loopback/rest';
import { inject, Provider } from '@loopback/core';
import { ApiKeyRepository } from '../repositories';

export class ApiKeyMiddlewareProvider implements Provider<Middleware> {
  constructor(@inject('repositories.ApiKeyRepository') private keys: ApiKeyRepository) {}

  value(): Middleware {
    return async (ctx: MiddlewareContext, next) => {
      const { request, response } = ctx;
      const key = request.headers['x-api-key'];
      if (!key) {
        response.setHeader('WWW-Authenticate', 'ApiKey realm="loopback"');
        response.status(401).send({ error: 'x-api-key required' });
        return;
      }
      const record = await this.keys.findOne({ where: { key: String(key) } });
      if (!record) {
        throw new HttpErrors.BadRequest('Unknown API key'); // expect: require-401-for-credential-failure
      }
      if (record.expiresAt < new Date()) {
        const error = new HttpErrors.Forbidden('API key expired'); // expect: require-401-for-credential-failure
        throw error;
      }
      if (!record.allowedPaths.some((path) => request.path.startsWith(path))) {
        throw new HttpErrors.Forbidden('This key cannot access ' + request.path);
      }
      return next();
    };
  }
}

export function rejectInactive(user: { active: boolean }) {
  if (!user.active) {
    const err = new Error('User account is inactive');
    Object.assign(err, { statusCode: 401 }); // expect: require-403-for-permission-denial
    throw err;
  }
}
