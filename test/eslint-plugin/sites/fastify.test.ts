import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const BEARER = `'Bearer realm="api"'`;
const BEARER_INVALID = `'Bearer realm="api", error="invalid_token"'`;

ruleTester.run('fastify: require-401-for-credential-failure', credential, {
  valid: [
    // Authorization decisions answered 403.
    `fastify.delete('/users/:id', async (request, reply) => { if (request.user.role !== 'admin') return reply.code(403).send({ error: 'Admins only' }); });`,
    `fastify.get('/admin', async (request, reply) => { if (!request.user.permissions.includes('admin:read')) return reply.forbidden('Insufficient permissions'); });`,
    `fastify.get('/admin', async function (request) { if (!request.user.isAdmin) throw this.httpErrors.forbidden(); });`,
    // 404 hides a resource and is allowed by default.
    `fastify.get('/me', async (request, reply) => { if (!request.headers.authorization) return reply.notFound(); });`,
    // `.code()` on things that are not a reply.
    `function a(request) { if (!request.headers.authorization) return job.code(403); }`,
    `function a(request) { if (!request.headers.authorization) return error.code(403); }`,
    // sensible-like names on an object that is not a reply, and a lowercase httpErrors that is not sensible's.
    `function a(request) { if (!request.headers.authorization) return notifier.forbidden('No token'); }`,
    `function a(request) { if (!request.headers.authorization) throw httpErrors.forbidden('No token'); }`,
  ],
  invalid: [
    {
      code: `fastify.get('/me', async (request, reply) => {
  const auth = request.headers.authorization;
  if (!auth) return reply.code(403).send({ error: 'Missing token' });
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'a missing credential', evidence: "!auth, 'Missing token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `fastify.get('/me', async (request, reply) => {
  const auth = request.headers.authorization;
  if (!auth) return reply.code(401).header('WWW-Authenticate', ${BEARER}).send({ error: 'Missing token' });
});`,
            },
          ],
        },
      ],
    },
    {
      // reply.status(n) is the same method: one report (found by the Express-style adapter), with Fastify's header().
      code: `fastify.get('/me', async (request, reply) => {
  if (!request.headers.authorization) return reply.status(403).send('No token provided');
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `fastify.get('/me', async (request, reply) => {
  if (!request.headers.authorization) return reply.status(401).header('WWW-Authenticate', ${BEARER}).send('No token provided');
});`,
            },
          ],
        },
      ],
    },
    {
      // The status set first, the message returned after it.
      code: `fastify.addHook('onRequest', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.code(403);
    return { message: 'Invalid token' };
  }
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'an invalid credential', evidence: "request.jwtVerify(), 'Invalid token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `fastify.addHook('onRequest', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.code(401).header('WWW-Authenticate', ${BEARER_INVALID});
    return { message: 'Invalid token' };
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // @fastify/sensible's reply helpers: the header goes on the reply before the helper sends.
      code: `fastify.get('/me', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    return reply.forbidden('Token expired');
  }
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `fastify.get('/me', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    return reply.header('WWW-Authenticate', ${BEARER_INVALID}).unauthorized('Token expired');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      code: `fastify.get('/me', async (request, reply) => {
  if (!request.session.user) return reply.getHttpError(403, 'Not logged in');
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `fastify.get('/me', async (request, reply) => {
  if (!request.session.user) return reply.header('WWW-Authenticate', ${BEARER}).getHttpError(401, 'Not logged in');
});`,
            },
          ],
        },
      ],
    },
    {
      // fastify.httpErrors.X(msg) becomes sensible's createError, which carries headers.
      code: `fastify.get('/me', async (request) => {
  if (!request.headers.authorization) throw fastify.httpErrors.forbidden('Missing token');
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `fastify.get('/me', async (request) => {
  if (!request.headers.authorization) throw fastify.httpErrors.createError(401, 'Missing token', { headers: { 'WWW-Authenticate': ${BEARER} } });
});`,
            },
          ],
        },
      ],
    },
    {
      code: `export default async function auth(fastify) {
  fastify.addHook('preHandler', async function (request) {
    if (!request.headers['x-api-key']) throw this.httpErrors.badRequest('API key required');
  });
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 400, problem: 'a missing credential', evidence: "!request.headers['x-api-key'], 'API key required'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `export default async function auth(fastify) {
  fastify.addHook('preHandler', async function (request) {
    if (!request.headers['x-api-key']) throw this.httpErrors.createError(401, 'API key required', { headers: { 'WWW-Authenticate': ${BEARER} } });
  });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `const { httpErrors } = fastify;
fastify.get('/me', async (request) => {
  if (!request.session.user) throw httpErrors.getHttpError(403, 'Login required');
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `const { httpErrors } = fastify;
fastify.get('/me', async (request) => {
  if (!request.session.user) throw httpErrors.createError(401, 'Login required', { headers: { 'WWW-Authenticate': ${BEARER} } });
});`,
            },
          ],
        },
      ],
    },
    {
      // Two arguments would not fit createError's (status, message, props): reported without a suggestion.
      code: `fastify.get('/me', async (request) => {
  if (!request.headers.authorization) throw fastify.httpErrors.forbidden('Missing token', extra);
});`,
      errors: [{ messageId: 'wrongStatus', suggestions: [] }],
    },
  ],
});

ruleTester.run('fastify: require-www-authenticate', challenge, {
  valid: [
    `fastify.get('/', async (request, reply) => reply.code(401).header('WWW-Authenticate', ${BEARER}).send());`,
    `fastify.get('/', async (request, reply) => { reply.header('www-authenticate', ${BEARER}); return reply.code(401).send(); });`,
    `fastify.get('/', async (request, reply) => reply.headers({ 'WWW-Authenticate': ${BEARER} }).code(401).send());`,
    `fastify.get('/', async (request, reply) => { reply.code(401); reply.header('WWW-Authenticate', ${BEARER}); return reply.send(); });`,
    `fastify.get('/', async (request, reply) => reply.header('WWW-Authenticate', ${BEARER}).unauthorized('Login required'));`,
    `fastify.get('/', async () => { throw fastify.httpErrors.createError(401, 'Login required', { headers: { 'WWW-Authenticate': ${BEARER} } }); });`,
    `fastify.get('/', async () => { const err = fastify.httpErrors.unauthorized(); err.headers = { 'WWW-Authenticate': ${BEARER} }; throw err; });`,
  ],
  invalid: withSuggestedFix([
    {
      code: `fastify.get('/', async (request, reply) => reply.code(401).send({ error: 'Unauthorized' }));`,
      output: `fastify.get('/', async (request, reply) => reply.code(401).header('WWW-Authenticate', ${BEARER}).send({ error: 'Unauthorized' }));`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // One report for reply.status(401), not one per adapter.
      code: `fastify.get('/', async (request, reply) => reply.status(401).send());`,
      output: `fastify.get('/', async (request, reply) => reply.status(401).header('WWW-Authenticate', ${BEARER}).send());`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `fastify.get('/', async (request, reply) => reply.unauthorized('Missing token'));`,
      output: `fastify.get('/', async (request, reply) => reply.header('WWW-Authenticate', ${BEARER}).unauthorized('Missing token'));`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `fastify.get('/', async () => { throw fastify.httpErrors.unauthorized(); });`,
      output: `fastify.get('/', async () => { throw fastify.httpErrors.createError(401, { headers: { 'WWW-Authenticate': ${BEARER} } }); });`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `fastify.get('/', async () => { throw fastify.httpErrors.createError(401, 'Login required'); });`,
      output: `fastify.get('/', async () => { throw fastify.httpErrors.createError(401, 'Login required', { headers: { 'WWW-Authenticate': ${BEARER} } }); });`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // A header set in an earlier branch that returned does not reach this response.
      code: `fastify.addHook('preHandler', async (request, reply) => {
  const session = await lookupSession(request.cookies.sid);
  if (!session) {
    reply.code(401).headers({ 'www-authenticate': 'Cookie realm="app"' });
    return reply.send({ error: 'Unknown session' });
  }
  if (session.expiresAt < Date.now()) {
    reply.code(401);
    return reply.send({ error: 'Session expired' });
  }
});`,
      output: `fastify.addHook('preHandler', async (request, reply) => {
  const session = await lookupSession(request.cookies.sid);
  if (!session) {
    reply.code(401).headers({ 'www-authenticate': 'Cookie realm="app"' });
    return reply.send({ error: 'Unknown session' });
  }
  if (session.expiresAt < Date.now()) {
    reply.code(401).header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"');
    return reply.send({ error: 'Session expired' });
  }
});`,
      errors: [{ messageId: 'missingChallenge', line: 8 }],
    },
    {
      // A header on another handler's reply does not count.
      code: `fastify.get('/a', async (request, reply) => reply.header('WWW-Authenticate', ${BEARER}).send());
fastify.get('/b', async (request, reply) => reply.code(401).send());`,
      output: `fastify.get('/a', async (request, reply) => reply.header('WWW-Authenticate', ${BEARER}).send());
fastify.get('/b', async (request, reply) => reply.code(401).header('WWW-Authenticate', ${BEARER}).send());`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('fastify: require-403-for-permission-denial', permission, {
  valid: [],
  invalid: [
    {
      // 401 for a permission denial: the fix answers 403 and drops the challenge the site carries.
      code: `fastify.get('/admin', async (request, reply) => {
  if (!request.user.permissions.includes('admin:read')) return reply.unauthorized('Insufficient permissions');
});`,
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [
            {
              messageId: 'respond403',
              output: `fastify.get('/admin', async (request, reply) => {
  if (!request.user.permissions.includes('admin:read')) return reply.forbidden('Insufficient permissions');
});`,
            },
          ],
        },
      ],
    },
  ],
});
