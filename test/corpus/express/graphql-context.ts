import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@apollo/server/express4';
import { GraphQLError } from 'graphql';
import { verifyAccessToken } from '../auth/tokens';
import { typeDefs, resolvers } from './schema';

const app = express();
const server = new ApolloServer({ typeDefs, resolvers });

export async function start() {
  await server.start();

  app.use(
    '/graphql',
    express.json(),
    (req, res, next) => {
      // Reject non-browser clients that forgot the preflight header (CSRF prevention)
      if (!req.get('apollo-require-preflight') && req.method === 'POST' && req.is('multipart/form-data')) {
        return res.status(400).json({ error: 'Missing apollo-require-preflight header' });
      }
      next();
    },
    expressMiddleware(server, {
      context: async ({ req }) => {
        const token = req.headers.authorization?.replace('Bearer ', '');
        if (!token) return { user: null };
        const user = await verifyAccessToken(token);
        if (!user) {
          throw new GraphQLError('User is not authenticated', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } }, // expect: require-www-authenticate
          });
        }
        return { user };
      },
    }),
  );

  app.get('/graphql/schema', (req, res) => {
    if (!req.headers.authorization) {
      return res.status(403).json({ error: 'Authentication required to download the schema' }); // expect: require-401-for-credential-failure
    }
    res.type('text/plain').send(typeDefs);
  });

  app.listen(4000);
}
