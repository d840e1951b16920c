import type { FastifyInstance } from 'fastify';
import { loadModule } from './serve';
import { itFixes } from './verify-fix';

async function start(source: string) {
  const { default: build } = await loadModule<{ default: () => Promise<FastifyInstance> }>(source);
  const app = await build();
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: address, close: () => app.close() };
}

const BEARER = { authorization: 'Bearer abc' };

describe('Fastify: fixes run on the real framework', () => {
  itFixes(start, {
    title: 'reply.code(403).send() becomes reply.code(401).header(…).send()',
    source: `import Fastify from 'fastify';
export default async function build() {
  const app = Fastify();
  app.get('/', async (request, reply) => {
    const auth = request.headers.authorization;
    if (!auth) return reply.code(403).send({ error: 'Missing token' });
    return { ok: true };
  });
  return app;
}
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /reply\.code\(401\)\.header\('WWW-Authenticate', 'Bearer realm="api"'\)\.send\(/,
  });

  itFixes(start, {
    title: 'reply.status(403) (one report, from the Express-style adapter) gets a Fastify header',
    source: `import Fastify from 'fastify';
export default async function build() {
  const app = Fastify();
  app.get('/', async (request, reply) => {
    const auth = request.headers.authorization;
    if (!auth || !auth.startsWith('Bearer ')) return reply.status(403).send({ error: 'Bad authorization header' });
    return { ok: true };
  });
  return app;
}
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /reply\.status\(401\)\.header\('WWW-Authenticate', /,
  });

  itFixes(start, {
    title: "@fastify/sensible's reply.unauthorized() gets the header set on the reply first",
    source: `import Fastify from 'fastify';
import sensible from '@fastify/sensible';
export default async function build() {
  const app = Fastify();
  await app.register(sensible);
  app.get('/', async (request, reply) => {
    if (!request.headers.authorization) return reply.unauthorized('Missing token');
    return { ok: true };
  });
  return app;
}
`,
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /reply\.header\('WWW-Authenticate', 'Bearer realm="api"'\)\.unauthorized\('Missing token'\)/,
  });

  itFixes(start, {
    title: "sensible's reply.forbidden() for a failed verification becomes reply.header(…).unauthorized()",
    source: `import Fastify from 'fastify';
import sensible from '@fastify/sensible';
function verifyToken(header) {
  if (header !== 'Bearer abc') throw new Error('invalid signature');
  return { sub: '1' };
}
export default async function build() {
  const app = Fastify();
  await app.register(sensible);
  app.get('/', async (request, reply) => {
    try {
      request.user = verifyToken(request.headers.authorization);
    } catch (err) {
      return reply.forbidden('Invalid token');
    }
    return { ok: true };
  });
  return app;
}
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /reply\.header\('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"'\)\.unauthorized\('Invalid token'\)/,
  });

  itFixes(start, {
    title: "an error's statusCode and headers reach Fastify's default error handler (err.headers added after the status)",
    source: `import Fastify from 'fastify';
export default async function build() {
  const app = Fastify();
  app.get('/', async (request) => {
    if (!request.headers.authorization) {
      const err = new Error('Missing token');
      err.statusCode = 403;
      throw err;
    }
    return { ok: true };
  });
  return app;
}
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /err\.statusCode = 401;\n\s+err\.headers = \{ \.\.\.err\.headers, 'WWW-Authenticate': /,
  });

  itFixes(start, {
    title: 'fastify.httpErrors.forbidden(msg) becomes httpErrors.createError(401, msg, { headers })',
    source: `import Fastify from 'fastify';
import sensible from '@fastify/sensible';
export default async function build() {
  const app = Fastify();
  await app.register(sensible);
  app.get('/', async (request) => {
    if (!request.headers.authorization) throw app.httpErrors.forbidden('Missing token');
    return { ok: true };
  });
  return app;
}
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /throw app\.httpErrors\.createError\(401, 'Missing token', \{ headers: \{ 'WWW-Authenticate': /,
  });
});
