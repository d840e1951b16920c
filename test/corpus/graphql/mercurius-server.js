import Fastify from 'fastify';
import mercurius from 'mercurius';
import { createGraphQLError } from '@graphql-tools/utils';
import { schema } from './schema.js';

export function signInRequired(options) {
  return createGraphQLError(options?.message ?? 'Sign in to continue', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: options?.status ?? 401 } }, // expect: require-www-authenticate
  });
}

export function planLimit(options) {
  return createGraphQLError('Your plan does not include this', {
    extensions: { code: 'PLAN_LIMIT', http: { status: options?.status ?? 402 } },
  });
}

export async function build() {
  const app = Fastify();
  await app.register(mercurius, {
    schema,
    context: (request) => ({ viewer: request.viewer }),
    errorFormatter: (execution, context) => {
      const codes = execution.errors.map((error) => error.extensions?.code);
      let statusCode = 200;
      if (codes.includes('UNAUTHENTICATED')) {
        statusCode = 401; // expect: require-www-authenticate
      } else if (codes.includes('FORBIDDEN')) {
        statusCode = 403;
      } else if (codes.includes('BAD_USER_INPUT')) {
        statusCode = 400;
      }
      return { statusCode, response: { data: execution.data ?? null, errors: execution.errors } };
    },
  });
  return app;
}
