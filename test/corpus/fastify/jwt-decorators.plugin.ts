import fastifyPlugin from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';

type StaffClaims = { sub: string; desk: 'support' | 'billing'; role: 'agent' | 'supervisor' };

declare module 'fastify' {
  interface FastifyInstance {
    verifyStaff(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    supervisorsOnly(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

// Registered once in app.ts; routes opt in with `onRequest: [app.verifyStaff]`.
export default fastifyPlugin(async (app) => {
  const secret = process.env.STAFF_JWT_SECRET;
  if (!secret) throw new Error('STAFF_JWT_SECRET is not set');
  await app.register(jwt, { secret, verify: { maxAge: '8h' } });

  app.decorate('verifyStaff', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await request.jwtVerify<StaffClaims>();
    } catch (error) {
      request.log.info({ error }, 'staff token refused');
      return reply.code(403).send({ error: 'Staff token expired or invalid' }); // expect: require-401-for-credential-failure
    }
  });

  app.decorate('supervisorsOnly', async (request: FastifyRequest, reply: FastifyReply) => {
    const claims = request.user as StaffClaims;
    if (claims.role !== 'supervisor') {
      return reply.code(403).send({ error: 'Supervisor role required' });
    }
  });
});
