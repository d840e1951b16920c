import assert from 'node:assert/strict';
import { graphql, type GraphQLSchema } from 'graphql';
import { parseChallenges } from './challenge-parser';
import { loadModule } from './serve';
import { itFixesCode } from './verify-code-fix';

/** A graphql-js schema whose `me` field runs `guard` with the request context (`req`, `user`). */
function app(guard: string): string {
  return `import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
export const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      me: {
        type: GraphQLString,
        resolve: (_source, _args, context) => {
${guard}
          return context.user.id;
        },
      },
    },
  }),
});
`;
}

interface Seen {
  code: string;
  /** The `extensions.http` status and `WWW-Authenticate` an HTTP server (Apollo Server) would send, if any. */
  httpStatus?: number;
  challenge?: string;
}

/** Executes `{ me }` with graphql-js and returns what the client would read from the first error. */
async function execute(source: string, contextValue: Record<string, unknown>): Promise<Seen> {
  const { schema } = await loadModule<{ schema: GraphQLSchema }>(source);
  const result = await graphql({ schema, source: '{ me }', contextValue });
  const error = result.errors?.[0];
  if (!error) return { code: 'OK' };
  const extensions = error.extensions as { code?: string; http?: { status?: number; headers?: Map<string, string> } };
  const seen: Seen = { code: String(extensions.code) };
  if (extensions.http?.status !== undefined) seen.httpStatus = extensions.http.status;
  const challenge = extensions.http?.headers?.get('WWW-Authenticate');
  if (challenge !== undefined) {
    assert.ok(parseChallenges(challenge).length > 0, 'the challenge parses');
    seen.challenge = challenge;
  }
  return seen;
}

/** What the client reads with `context`, and with a signed-in administrator's context. */
function observe(context: Record<string, unknown>) {
  const admin = { req: { headers: { authorization: 'Bearer abc' } }, user: { id: 'u1', roles: ['admin'] } };
  return async (source: string) => ({ failing: await execute(source, context), passing: await execute(source, admin) });
}

const PASSING: Seen = { code: 'OK' };

describe('GraphQL: fixes run on graphql-js', () => {
  itFixesCode(
    {
      title: "extensions.code FORBIDDEN for a missing user becomes UNAUTHENTICATED",
      source: app(`          if (!context.user) throw new GraphQLError('You must be logged in', { extensions: { code: 'FORBIDDEN' } });`),
      rule: 'require-401-for-credential-failure',
      before: { code: 'FORBIDDEN' },
      after: { code: 'UNAUTHENTICATED' },
      uses: /extensions: \{ code: 'UNAUTHENTICATED' \}/,
    },
    observe({ user: null }),
    PASSING,
  );

  itFixesCode(
    {
      title: 'UNAUTHENTICATED for a role check becomes FORBIDDEN',
      source: app(`          if (!context.user.roles.includes('admin')) throw new GraphQLError('Admins only', { extensions: { code: 'UNAUTHENTICATED' } });`),
      rule: 'require-403-for-permission-denial',
      before: { code: 'UNAUTHENTICATED' },
      after: { code: 'FORBIDDEN' },
      uses: /extensions: \{ code: 'FORBIDDEN' \}/,
    },
    observe({ req: { headers: { authorization: 'Bearer abc' } }, user: { id: 'u2', roles: [] } }),
    PASSING,
  );

  itFixesCode(
    {
      title: 'an http extension of 403 for a missing token becomes 401 with a parseable challenge in its headers Map',
      source: app(`          const token = context.req.headers.authorization;
            if (!token) throw new GraphQLError('Missing token', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });`),
      rule: 'require-401-for-credential-failure',
      before: { code: 'FORBIDDEN', httpStatus: 403 },
      after: { code: 'UNAUTHENTICATED', httpStatus: 401, challenge: 'Bearer realm="api"' },
      uses: /http: \{ headers: new Map\(\[\['WWW-Authenticate', 'Bearer realm="api"'\]\]\), status: 401 \}/,
    },
    observe({ req: { headers: {} }, user: null }),
    PASSING,
  );

  itFixesCode(
    {
      title: 'an http extension of 401 without headers gains the challenge',
      source: app(`          if (!context.req.headers.authorization) throw new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });`),
      rule: 'require-www-authenticate',
      kind: 'fix',
      before: { code: 'UNAUTHENTICATED', httpStatus: 401 },
      after: { code: 'UNAUTHENTICATED', httpStatus: 401, challenge: 'Bearer realm="api"' },
      uses: /new Map\(\[\['WWW-Authenticate', 'Bearer realm="api"'\]\]\)/,
    },
    observe({ req: { headers: {} }, user: null }),
    PASSING,
  );

  itFixesCode(
    {
      title: "createGraphQLError (@graphql-tools/utils) with a default http status of 401 gains the challenge",
      source: `import { createGraphQLError } from '@graphql-tools/utils';\n${app(`          if (!context.req.headers.authorization) {
            throw createGraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED', http: { status: context.statusOverride ?? 401 } } });
          }`)}`,
      rule: 'require-www-authenticate',
      kind: 'fix',
      before: { code: 'UNAUTHENTICATED', httpStatus: 401 },
      after: { code: 'UNAUTHENTICATED', httpStatus: 401, challenge: 'Bearer realm="api"' },
      uses: /http: \{ headers: new Map\(\[\['WWW-Authenticate', 'Bearer realm="api"'\]\]\), status: context\.statusOverride \?\? 401 \}/,
    },
    observe({ req: { headers: {} }, user: null }),
    PASSING,
  );
});
