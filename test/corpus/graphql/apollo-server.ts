import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError } from 'graphql';
import { jwtVerify } from 'jose';
import { resolvers } from './resolvers';
import { typeDefs } from './schema';

const secret = new TextEncoder().encode(process.env.JWT_SECRET);

const server = new ApolloServer({ typeDefs, resolvers });

await startStandaloneServer(server, {
  context: async ({ req }) => {
    const header = req.headers.authorization;
    if (!header) return { user: null };
    if (!header.startsWith('Bearer ')) {
      throw new GraphQLError('Unsupported authorization scheme', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } }, // expect: require-www-authenticate
      });
    }
    try {
      const { payload } = await jwtVerify(header.slice(7), secret);
      return { user: payload };
    } catch (err) {
      throw new GraphQLError('Invalid or expired token', {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } }, // expect: require-401-for-credential-failure
      });
    }
  },
  listen: { port: 4000 },
});

export function assertScope(user: { scope?: string } | null, scope: string) {
  if (!user?.scope?.split(' ').includes(scope)) {
    throw new GraphQLError(`Missing scope ${scope}`, {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
}

export function assertSignedIn(user: unknown) {
  if (!user) {
    throw new GraphQLError('Authentication required', {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: new Map([['WWW-Authenticate', 'Bearer realm="graphql"']]) },
      },
    });
  }
}
