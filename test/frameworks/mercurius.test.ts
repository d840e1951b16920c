import type { FastifyInstance } from 'fastify';
import { loadModule } from './serve';
import { itFixes } from './verify-fix';

async function start(source: string) {
  const { default: build } = await loadModule<{ default: () => Promise<FastifyInstance> }>(source);
  const app = await build();
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: address, close: () => app.close() };
}

/** A mercurius app whose `me` resolver refuses a request without a bearer token; `formatter` answers the HTTP status. */
function app(formatter: string): string {
  return `import Fastify from 'fastify';
import mercurius from 'mercurius';
import { GraphQLError } from 'graphql';

export default async function build() {
  const app = Fastify();
  app.register(mercurius, {
    schema: 'type Query { me: String }',
    resolvers: {
      Query: {
        me: (_root, _args, context) => {
          if (context.reply.request.headers.authorization !== 'Bearer abc') {
            throw new GraphQLError('Sign in first', { extensions: { code: 'UNAUTHENTICATED' } });
          }
          return 'ada';
        },
      },
    },
    errorFormatter: (execution, context) => {
${formatter}
    },
  });
  return app;
}
`;
}

const QUERY = '/graphql?query=%7Bme%7D';

describe('mercurius: fixes run on the real framework', () => {
  itFixes(start, {
    title: 'a status variable the errorFormatter sets to 401 gets context.reply.header before it',
    source: app(`      const codes = execution.errors.map((error) => error.extensions?.code);
      let statusCode = 500;
      if (codes.includes('UNAUTHENTICATED')) {
        statusCode = 401;
      }
      return { statusCode, response: { data: null, errors: execution.errors } };`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    path: QUERY,
    before: { status: 401, challenged: false },
    passing: { headers: { authorization: 'Bearer abc' }, status: 200 },
    uses: /context\.reply\.header\('WWW-Authenticate', [^)]+\);\n\s+statusCode = 401;/,
  });
});
