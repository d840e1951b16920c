import type { FastifyPluginAsync } from 'fastify';
import sensible from '@fastify/sensible';

const routes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(sensible);

  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.public) return;
    const apiKey = request.headers['x-api-key'];
    if (!apiKey) {
      return reply.unauthorized('API key required'); // expect: require-www-authenticate
    }
    const client = await fastify.clients.byKey(String(apiKey));
    if (!client) {
      return reply.forbidden('Invalid API key'); // expect: require-401-for-credential-failure
    }
    request.client = client;
  });

  fastify.get('/projects/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const project = await fastify.projects.find(id);
    if (!project) return reply.notFound();
    if (project.clientId !== request.client.id) {
      return reply.forbidden('Project belongs to another client');
    }
    return project;
  });

  fastify.delete('/projects/:id', async (request) => {
    const { id } = request.params as { id: string };
    if (!request.client.scopes.includes('projects:delete')) {
      throw fastify.httpErrors.forbidden('Missing projects:delete scope');
    }
    if (request.client.readOnly) {
      throw fastify.httpErrors.unauthorized('Read-only clients cannot delete projects'); // expect: require-403-for-permission-denial
    }
    await fastify.projects.remove(id);
    return { deleted: id };
  });

  fastify.get('/session', async (request, reply) => {
    const sessionId = request.cookies.session;
    if (!sessionId) {
      reply.header('WWW-Authenticate', 'Bearer realm="projects"');
      return reply.unauthorized('Sign in first');
    }
    const session = await fastify.sessions.get(sessionId);
    if (!session) {
      throw fastify.httpErrors.badRequest('Session cookie is invalid'); // expect: require-401-for-credential-failure
    }
    return session;
  });

  fastify.post('/projects', async (request, reply) => {
    const body = request.body as { name?: string };
    if (!body?.name) return reply.badRequest('name is required');
    if (await fastify.projects.exists(body.name)) return reply.conflict('name taken');
    return reply.code(201).send(await fastify.projects.create(body.name, request.client.id));
  });
};

export default routes;
