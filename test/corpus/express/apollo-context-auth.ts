import express from 'express';
import cors from 'cors';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@apollo/server/express4';
import { GraphQLError } from 'graphql';
import { sessionFromBearer } from '../auth/sessions';
import { schema } from './schema';

interface RequestContext {
  viewer: { id: string; plan: string } | null;
}

export async function mountGraphql(app: express.Express): Promise<void> {
  const apollo = new ApolloServer<RequestContext>({ schema, csrfPrevention: true });
  await apollo.start();

  // Schema download for codegen: the CI job must present its token.
  app.get('/graphql/sdl', (req, res) => {
    if (!req.headers.authorization) {
      return res.status(403).json({ error: 'Authorization header required for the schema' }); // expect: require-401-for-credential-failure
    }
    return res.type('text/plain').send(apollo.schemaSdl ?? '');
  });

  app.use(
    '/graphql',
    cors({ origin: process.env.WEB_ORIGIN, credentials: true }),
    express.json({ limit: '256kb' }),
    (req, res, next) => {
      if (req.method === 'POST' && !req.is('application/json')) {
        return res.status(415).json({ error: 'GraphQL requests must be JSON' });
      }
      return next();
    },
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const header = req.headers.authorization;
        if (header === undefined) return { viewer: null };
        const viewer = await sessionFromBearer(header);
        if (viewer === null) {
          throw new GraphQLError('Session token not accepted', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } }, // expect: require-www-authenticate
          });
        }
        return { viewer };
      },
    }),
  );

  app.use('/graphql', (req, res) => res.status(400).json({ error: 'Malformed GraphQL request' }));
}
