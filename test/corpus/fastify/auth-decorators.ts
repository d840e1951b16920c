import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createSigner, createVerifier, TokenError } from 'fast-jwt';

const verify = createVerifier({ key: async () => process.env.JWT_SECRET as string });
export const sign = createSigner({ key: process.env.JWT_SECRET as string, expiresIn: 3600_000 });

export async function registerAuth(app: FastifyInstance) {
  app.decorateRequest('userId', '');

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/public')) return;
    const token = request.headers.authorization?.split(' ')[1];
    if (!token) {
      return reply.code(400).send({ message: 'Bearer token required' }); // expect: require-401-for-credential-failure
    }
    try {
      const payload = await verify(token);
      request.userId = payload.sub;
    } catch (error) {
      if (error instanceof TokenError && error.code === TokenError.codes.expired) {
        return reply.code(498).send({ message: 'Token expired' }); // expect: require-401-for-credential-failure
      }
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer realm="fastify", error="invalid_token"')
        .send({ message: 'Invalid token' });
    }
  });

  app.get('/teams/:teamId/settings', async (request, reply) => {
    const { teamId } = request.params as { teamId: string };
    const membership = await app.teams.membership(teamId, request.userId);
    if (!membership) return reply.code(404).send({ message: 'team not found' });
    if (membership.role !== 'owner') {
      return reply.status(401).send({ message: 'Team owner role required' }); // expect: require-403-for-permission-denial
    }
    return app.teams.settings(teamId);
  });

  app.post('/teams/:teamId/leave', async (request, reply) => {
    const { teamId } = request.params as { teamId: string };
    const membership = await app.teams.membership(teamId, request.userId);
    if (membership?.role === 'owner') {
      return reply.code(409).send({ message: 'Transfer ownership before leaving' });
    }
    if (!membership) {
      return reply.code(403).send({ message: 'You are not a member of this team' });
    }
    await app.teams.leave(teamId, request.userId);
    return reply.code(204).send();
  });

  app.get('/account', async (request, reply) => {
    const user = await app.users.find(request.userId);
    if (!user) {
      return reply.code(401).send({ message: 'Account not found' }); // expect: require-www-authenticate
    }
    if (user.suspended) {
      return reply.code(403).send({ message: 'Account suspended' });
    }
    return user;
  });
}
