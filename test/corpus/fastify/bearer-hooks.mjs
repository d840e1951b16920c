import Fastify from 'fastify';
import bearerAuth from '@fastify/bearer-auth';
import { lookupSession } from './sessions.mjs';

const app = Fastify({ logger: true });
const keys = new Set([process.env.ADMIN_KEY]);

// @fastify/bearer-auth answers 401 itself
await app.register(async (admin) => {
  await admin.register(bearerAuth, { keys });
  admin.get('/admin/health', async () => ({ ok: true }));
});

app.addHook('preHandler', async (request, reply) => {
  if (!request.url.startsWith('/app')) return;
  const cookie = request.cookies?.sid;
  if (!cookie) {
    reply.status(440); // expect: require-401-for-credential-failure
    return reply.send({ error: 'Login timeout' });
  }
  const session = await lookupSession(cookie);
  if (!session) {
    reply.code(401).headers({ 'www-authenticate': 'Cookie realm="app"' });
    return reply.send({ error: 'Unknown session' });
  }
  if (session.expiresAt < Date.now()) {
    reply.code(401); // expect: require-www-authenticate
    return reply.send({ error: 'Session expired' });
  }
  request.session = session;
});

app.get('/app/billing', async (request, reply) => {
  if (!request.session.permissions.includes('billing:read')) {
    reply.code(403);
    return { error: 'You are not allowed to see billing' };
  }
  return { invoices: [] };
});

app.setErrorHandler((error, request, reply) => {
  if (error.code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER') {
    return reply.code(403).send({ error: 'No Authorization was found in request.headers' }); // expect: require-401-for-credential-failure
  }
  if (error.validation) {
    return reply.code(400).send({ error: 'Bad request', details: error.validation });
  }
  reply.send(error);
});

await app.listen({ port: 3000 });
