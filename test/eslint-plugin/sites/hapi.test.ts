import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const BEARER = `'Bearer realm="api"'`;
const BEARER_INVALID = `'Bearer realm="api", error="invalid_token"'`;
const BEARER_EXPIRED = `'Bearer realm="api", error="invalid_token", error_description="The access token expired"'`;

ruleTester.run('hapi: require-401-for-credential-failure', credential, {
  valid: [
    // Authorization decisions answered 403.
    `import Boom from '@hapi/boom';
const handler = (request, h) => { if (!request.auth.credentials.scope.includes('admin')) throw Boom.forbidden('Insufficient scope'); };`,
    `const handler = (request, h) => { if (request.auth.credentials.role !== 'admin') return h.response({ error: 'Admins only' }).code(403); };`,
    // A local object named like Boom is not @hapi/boom.
    `const Boom = { forbidden() {} };
function a(request) { if (!request.headers.authorization) throw Boom.forbidden('No token'); }`,
    // Boom from another module, and a helper that is not Boom's.
    `import Boom from './errors';
function a(request) { if (!request.headers.authorization) throw Boom.forbidden('No token'); }`,
    `import Boom from '@hapi/boom';
function a(request) { if (!request.headers.authorization) throw Boom.custom('No token'); }`,
    // 401 is right for the credential rule.
    `import Boom from '@hapi/boom';
function a(request) { if (!request.headers.authorization) throw Boom.unauthorized(null, 'Bearer'); }`,
  ],
  invalid: [
    {
      code: `import Boom from '@hapi/boom';
const handler = (request, h) => {
  const token = request.headers.authorization;
  if (!token) throw Boom.forbidden('Missing token');
};`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          column: 26,
          data: { status: 403, problem: 'a missing credential', evidence: "!token, 'Missing token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `import Boom from '@hapi/boom';
const handler = (request, h) => {
  const token = request.headers.authorization;
  if (!token) throw Boom.unauthorized('Missing token', [${BEARER}]);
};`,
            },
          ],
        },
      ],
    },
    {
      // A catch around a verification: 400 for an invalid token; CommonJS require.
      code: `const Boom = require('@hapi/boom');
async function handler(request, h) {
  try {
    request.app.user = jwt.verify(request.headers.authorization, secret);
  } catch (err) {
    throw Boom.badRequest('Invalid token');
  }
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `const Boom = require('@hapi/boom');
async function handler(request, h) {
  try {
    request.app.user = jwt.verify(request.headers.authorization, secret);
  } catch (err) {
    throw Boom.unauthorized('Invalid token', [${BEARER_INVALID}]);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Named imports: the fix calls the imported unauthorized.
      code: `import { forbidden, unauthorized } from '@hapi/boom';
function check(request) {
  if (request.auth.artifacts.exp * 1000 < Date.now()) throw forbidden('Token expired');
  if (!request.auth.credentials) throw unauthorized(null, 'Bearer');
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'an expired credential', evidence: "request.auth.artifacts.exp * 1000 < Date.now(), 'Token expired'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { forbidden, unauthorized } from '@hapi/boom';
function check(request) {
  if (request.auth.artifacts.exp * 1000 < Date.now()) throw unauthorized('Token expired', [${BEARER_EXPIRED}]);
  if (!request.auth.credentials) throw unauthorized(null, 'Bearer');
}`,
            },
          ],
        },
      ],
    },
    {
      // unauthorized is not imported: no fix can name it, so the report comes without a suggestion.
      code: `import { forbidden } from '@hapi/boom';
function check(request) { if (!request.headers.authorization) throw forbidden('Missing token'); }`,
      errors: [{ messageId: 'wrongStatus', suggestions: [] }],
    },
    {
      // A second argument is Boom.forbidden's data, which Boom.unauthorized has no place for.
      code: `import Boom from '@hapi/boom';
function check(request) { if (!request.headers.authorization) throw Boom.forbidden('Missing token', { reason: 'none' }); }`,
      errors: [{ messageId: 'wrongStatus', suggestions: [] }],
    },
    {
      code: `const handler = (request, h) => {
  const token = request.headers.authorization;
  if (!token) return h.response({ error: 'Missing token' }).code(403);
};`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `const handler = (request, h) => {
  const token = request.headers.authorization;
  if (!token) return h.response({ error: 'Missing token' }).code(401).header('WWW-Authenticate', ${BEARER});
};`,
            },
          ],
        },
      ],
    },
    {
      // A response held in a variable: one report (hapi's), not also Fastify's reply.code.
      code: `const handler = (request, h) => {
  if (!request.headers.authorization) {
    const response = h.response({ message: 'Authentication required' });
    response.code(403);
    return response;
  }
};`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `const handler = (request, h) => {
  if (!request.headers.authorization) {
    const response = h.response({ message: 'Authentication required' });
    response.code(401).header('WWW-Authenticate', ${BEARER});
    return response;
  }
};`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('hapi: require-www-authenticate', challenge, {
  valid: [
    // Boom sends the header when given a scheme or an array of challenges.
    `import Boom from '@hapi/boom'; throw Boom.unauthorized('Invalid token', 'Bearer');`,
    `import Boom from '@hapi/boom'; throw Boom.unauthorized(null, 'Bearer', { realm: 'api' });`,
    `import Boom from '@hapi/boom'; throw Boom.unauthorized('Expired', ['Bearer error="invalid_token"']);`,
    `import Boom from '@hapi/boom'; function a(scheme) { throw Boom.unauthorized('Invalid', scheme); }`,
    `import Boom from '@hapi/boom'; const err = Boom.unauthorized('Invalid token'); err.output.headers['WWW-Authenticate'] = ${BEARER}; throw err;`,
    `import Boom from '@hapi/boom'; const err = Boom.unauthorized('Invalid token'); err.output.headers = { 'WWW-Authenticate': ${BEARER} }; throw err;`,
    `const handler = (request, h) => h.response('Unauthorized').code(401).header('WWW-Authenticate', ${BEARER});`,
    `const handler = (request, h) => h.response('Unauthorized').header('www-authenticate', ${BEARER}).code(401);`,
    `const handler = (request, h) => { const response = h.response('x'); response.header('WWW-Authenticate', ${BEARER}); response.code(401); return response; };`,
    // An auth scheme delegating to a challenging Boom error.
    `import Boom from '@hapi/boom'; const scheme = () => ({ authenticate: (request, h) => h.unauthenticated(Boom.unauthorized(null, 'Custom')) });`,
  ],
  invalid: withSuggestedFix([
    {
      code: `import Boom from '@hapi/boom';
const handler = () => { throw Boom.unauthorized('Invalid token'); };`,
      output: `import Boom from '@hapi/boom';
const handler = () => { throw Boom.unauthorized('Invalid token', [${BEARER}]); };`,
      errors: [{ messageId: 'missingChallenge', line: 2, column: 36 }],
    },
    {
      code: `import * as Boom from '@hapi/boom';
const handler = () => { throw Boom.unauthorized(); };`,
      output: `import * as Boom from '@hapi/boom';
const handler = () => { throw Boom.unauthorized(null, [${BEARER}]); };`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `import Boom from '@hapi/boom';
const handler = () => { throw Boom.unauthorized('Login required', null); };`,
      output: `import Boom from '@hapi/boom';
const handler = () => { throw Boom.unauthorized('Login required', [${BEARER}]); };`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // h.unauthenticated passes the error on: without a scheme there is still no challenge.
      code: `import Boom from '@hapi/boom';
const scheme = () => ({ authenticate: (request, h) => h.unauthenticated(Boom.unauthorized('Bad token')) });`,
      output: `import Boom from '@hapi/boom';
const scheme = () => ({ authenticate: (request, h) => h.unauthenticated(Boom.unauthorized('Bad token', [${BEARER_INVALID}])) });`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `const handler = (request, h) => h.response({ error: 'Unauthorized' }).code(401);`,
      output: `const handler = (request, h) => h.response({ error: 'Unauthorized' }).code(401).header('WWW-Authenticate', ${BEARER});`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // Another error's output headers do not count.
      code: `import Boom from '@hapi/boom';
const other = Boom.badRequest(); other.output.headers['WWW-Authenticate'] = ${BEARER};
const err = Boom.unauthorized('Invalid token');`,
      output: `import Boom from '@hapi/boom';
const other = Boom.badRequest(); other.output.headers['WWW-Authenticate'] = ${BEARER};
const err = Boom.unauthorized('Invalid token', [${BEARER}]);`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('hapi: require-403-for-permission-denial', permission, {
  valid: [],
  invalid: [
    {
      // 401 for a permission denial: the fix answers 403 and drops the challenge the site carries.
      code: `import Boom from '@hapi/boom';
const handler = (request) => {
  if (!request.auth.credentials.scope.includes('admin')) throw Boom.unauthorized('Insufficient scope', 'Bearer');
};`,
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [
            {
              messageId: 'respond403',
              output: `import Boom from '@hapi/boom';
const handler = (request) => {
  if (!request.auth.credentials.scope.includes('admin')) throw Boom.forbidden('Insufficient scope');
};`,
            },
          ],
        },
      ],
    },
  ],
});
