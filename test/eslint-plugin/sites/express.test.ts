import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;

ruleTester.run('express: response sites', credential, {
  valid: [
    // `.status()` on something that is not a response.
    `function a(req, res) { if (!req.headers.authorization) job.status(403); }`,
    `function a(req) { if (!req.headers.authorization) return store.dispatch(setStatus(403)); }`,
    // Test clients and assertions.
    `it('x', () => chai.request(app).get('/').end((err, res) => { res.should.have.status(403); }));`,
    `it('x', () => supertest(app).get('/me').set('Authorization', '').expect(403));`,
    // A status read, not set.
    `async function a() { const res = await fetch('/me'); if (!res.headers.get('authorization')) return res.status === 403; }`,
  ],
  invalid: [
    {
      // A chain across lines on a `response` receiver, with other calls before the status.
      code: `export function requireAuth(request, response, next) {
  const header = request.get('Authorization');
  if (!header) {
    return response
      .type('json')
      .status(403)
      .send({ error: 'Authentication required' });
  }
  next();
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          suggestions: [
            {
              messageId: 'respond401',
              output: `export function requireAuth(request, response, next) {
  const header = request.get('Authorization');
  if (!header) {
    return response
      .type('json')
      .status(401).set('WWW-Authenticate', ${BEARER})
      .send({ error: 'Authentication required' });
  }
  next();
}`,
            },
          ],
        },
      ],
    },
    {
      // Status then send in separate statements; the message is found in the next statement.
      code: `function a(req, res) {
  if (!req.session.user) {
    res.status(403);
    return res.json({ message: 'Not logged in' });
  }
}`,
      errors: [{ messageId: 'wrongStatus', data: { status: 403, problem: 'a missing credential', evidence: "!req.session.user, 'Not logged in'", limitation: '' }, suggestions: 1 }],
    },
    {
      // Any receiver name when the chain clearly sends a response.
      code: `function a(req, out) { if (!req.headers['x-api-key']) return out.status(403).json({ error: 'API key required' }); }`,
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
    {
      // `this.res` in a controller class.
      code: `class Controller { guard() { if (!this.req.user) return this.res.status(403).end(); } }`,
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
  ],
});

ruleTester.run('express: headers', challenge, {
  valid: [
    `function a(req, res) { res.header('WWW-Authenticate', ${BEARER}); res.status(401).end(); }`,
    `function a(req, res) { res.append('WWW-Authenticate', ${BEARER}).status(401).end(); }`,
    `function a(req, res) { res.status(401); if (wantsJson) { res.json({}); } res.set('WWW-Authenticate', ${BEARER}); }`,
    // The header reaches responses sent in callbacks inside the handler.
    `function a(req, res) { res.set('WWW-Authenticate', ${BEARER}); verify(token, (err) => { if (err) res.sendStatus(401); }); }`,
  ],
  invalid: withSuggestedFix([
    {
      // A header set inside a callback does not reach the response sent outside it.
      code: `function a(req, res) { later(() => res.set('WWW-Authenticate', ${BEARER})); res.sendStatus(401); }`,
      output: `function a(req, res) { later(() => res.set('WWW-Authenticate', ${BEARER})); res.set('WWW-Authenticate', ${BEARER}).sendStatus(401); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // Fastify-style `reply` gets `.header()`, which both Express and Fastify have.
      code: `async function a(request, reply) { return reply.status(401).send({ error: 'login' }); }`,
      output: `async function a(request, reply) { return reply.status(401).header('WWW-Authenticate', ${BEARER}).send({ error: 'login' }); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

/** An Express 3/4 route. */
function legacy(body: string): string {
  return `app.get('/me', (req, res) => {
${body}
});`;
}

ruleTester.run('express legacy signatures: res.send(n), res.json(n, body)', credential, {
  valid: [
    legacy(`  if (!req.user.isAdmin) return res.send(403);`),
    // Near-miss: res.json(n) alone sends the number as JSON with status 200; a string is a body.
    legacy(`  if (!req.headers.authorization) return res.json(403);`),
    legacy(`  if (!req.headers.authorization) return res.send('403');`),
    // Near-miss: Fastify's reply.send(403) sends the number as the payload.
    `fastify.get('/', (request, reply) => { if (!request.headers.authorization) return reply.send(403); });`,
  ],
  invalid: [
    {
      code: legacy(`  if (!req.headers.authorization) return res.send(403);`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 2,
          column: 51,
          data: { status: 403, problem: 'a missing credential', evidence: '!req.headers.authorization', limitation: '' },
          suggestions: [{ messageId: 'respond401', output: legacy(`  if (!req.headers.authorization) return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);`) }],
        },
      ],
    },
    {
      code: legacy(`  if (!req.session.user) return res.json(403, { error: 'Not logged in' });`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: legacy(`  if (!req.session.user) return res.set('WWW-Authenticate', 'Bearer realm="api"').status(401).json({ error: 'Not logged in' });`),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('express legacy signatures: require-www-authenticate', plugin.rules['require-www-authenticate'], {
  valid: [legacy(`  if (!req.headers.authorization) { res.set('WWW-Authenticate', 'Bearer realm="api"'); return res.send(401, 'Unauthorized'); }`)],
  invalid: withSuggestedFix([
    {
      code: legacy(`  if (!req.headers.authorization) return res.send(401, 'Unauthorized');`),
      output: legacy(`  if (!req.headers.authorization) return res.set('WWW-Authenticate', 'Bearer realm="api"').status(401).send('Unauthorized');`),
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // restify's current API is res.send(n, body) and it has no sendStatus: the fix is not offered there.
      code: `const restify = require('restify');
server.get('/', (req, res, next) => { if (!req.headers.authorization) return res.send(401, { message: 'Unauthorized' }); });`,
      output: null,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});
