/**
 * @fastify/error: `createError(code, message, statusCode)` defines an error class; Fastify answers with its status
 * and copies only an `error.headers` object, which the class cannot carry. The definition is judged for the
 * challenge; a `new` of it for the reason around the throw.
 */
import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];

const ERRORS = `const { createError } = require('@fastify/error');
const MissingTokenError = createError('APP_MISSING_TOKEN', 'No bearer token was sent', 401);
const MalformedRequestError = createError('APP_MALFORMED', 'The request could not be read', 400);
`;

ruleTester.run('fastify error factory: the challenge of a 401 class', challenge, {
  valid: [
    // Not a 401.
    `import createError from '@fastify/error';\nexport const Busy = createError('APP_BUSY', 'Try later', 503);`,
    // A project's own factory of the same shape is not Fastify's: what it does with the status is not known here.
    `const { defineError } = require('./errors');\nmodule.exports.Nope = defineError('APP_NOPE', 'No bearer token was sent', 401);`,
  ],
  invalid: [
    {
      code: `import createError from '@fastify/error';\nexport const NoSessionError = createError('APP_NO_SESSION', 'Sign in first', 401);`,
      errors: [{ messageId: 'missingChallenge', line: 2, column: 78 }],
    },
    {
      // The throw of the class is not reported: its challenge is the definition's business, reported once there.
      code: `${ERRORS}module.exports = async function routes(app) {
  app.get('/me', async (request) => {
    if (!request.headers.authorization) throw new MissingTokenError();
    return request.user;
  });
};`,
      errors: [{ messageId: 'missingChallenge', line: 2 }],
    },
  ],
});

ruleTester.run('fastify error factory: the status a thrown class answers with', credential, {
  valid: [
    // A body that cannot be read is a 400, whatever the class is called.
    `${ERRORS}module.exports = async function routes(app) {
  app.post('/notes', async (request) => {
    if (typeof request.body !== 'object') throw new MalformedRequestError();
    return save(request.body);
  });
};`,
    // A class of the same name bound to something else is not the definition.
    `${ERRORS}function handle(MalformedRequestError, request) {
  if (!request.headers.authorization) throw new MalformedRequestError();
}`,
  ],
  invalid: [
    {
      code: `${ERRORS}module.exports = async function routes(app) {
  app.get('/feed', async (request) => {
    const token = extractToken(request);
    if (!token) throw new MalformedRequestError();
    return feedFor(token);
  });
};`,
      errors: [{ messageId: 'wrongStatus', line: 7, data: { status: 400, problem: 'a missing credential', evidence: '!token', limitation: '' }, suggestions: [] }],
    },
  ],
});
