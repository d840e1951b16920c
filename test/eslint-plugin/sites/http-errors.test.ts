import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;

ruleTester.run('http-errors: require-401-for-credential-failure', credential, {
  valid: [
    // Not http-errors: @fastify/error's createError takes a code string. (h3's, taking an object, is the h3 adapter's
    // site: h3.test.ts checks it is reported once.)
    `import createError from '@fastify/error'; const E = createError('FST_NO_TOKEN', 'No token', 403);`,
    // An authorization decision.
    `const createError = require('http-errors'); function a(req, res, next) { if (!req.user.isAdmin) return next(createError(403, 'Admins only')); }`,
    `const createError = require('http-errors'); function a(req, res, next) { if (!req.user.roles.includes('editor')) return next(new createError.Forbidden()); }`,
  ],
  invalid: [
    {
      // Arguments in any order: http-errors picks the number as the status.
      code: `const createError = require('http-errors');
function a(req, res, next) { if (!req.headers.authorization) return next(createError('No token', 403)); }`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `const createError = require('http-errors');
function a(req, res, next) { if (!req.headers.authorization) return next(createError('No token', 401, { headers: { 'WWW-Authenticate': ${BEARER} } })); }`,
            },
          ],
        },
      ],
    },
    {
      // A named class becomes the factory form, since named constructors take only a message.
      code: `const createError = require('http-errors');
function a(req, res, next) { if (isTokenExpired(req.headers.authorization)) return next(createError.Forbidden('Token expired')); }`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'an expired credential', evidence: "isTokenExpired(req.headers.authorization), 'Token expired'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `const createError = require('http-errors');
function a(req, res, next) { if (isTokenExpired(req.headers.authorization)) return next(createError(401, 'Token expired', { headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' } })); }`,
            },
          ],
        },
      ],
    },
    {
      // Numeric class access.
      code: `const httpErrors = require('http-errors');
function a(req, res, next) { if (!req.session.user) throw new httpErrors[403]('Login required'); }`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `const httpErrors = require('http-errors');
function a(req, res, next) { if (!req.session.user) throw httpErrors(401, 'Login required', { headers: { 'WWW-Authenticate': ${BEARER} } }); }`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('http-errors: require-www-authenticate', challenge, {
  valid: [
    `const createError = require('http-errors'); next(createError(401, 'Login', { headers: { 'WWW-Authenticate': ${BEARER} } }));`,
    `const createError = require('http-errors'); const err = new createError.Unauthorized(); err.headers = { 'WWW-Authenticate': ${BEARER} }; throw err;`,
    `const createError = require('http-errors'); const err = createError(401); err.headers['WWW-Authenticate'] = ${BEARER}; throw err;`,
    `import { Unauthorized } from 'http-errors'; throw Object.assign(new Unauthorized('Login'), { headers: { 'WWW-Authenticate': ${BEARER} } });`,
    // Another variable's headers do not count … (see invalid); a dynamic properties object is trusted.
    `const createError = require('http-errors'); next(createError(401, 'Login', props));`,
  ],
  invalid: withSuggestedFix([
    {
      code: `import { Unauthorized } from 'http-errors';
function a() { throw new Unauthorized('Login required'); }`,
      output: `import { Unauthorized } from 'http-errors';
function a() { throw Object.assign(new Unauthorized('Login required'), { headers: { 'WWW-Authenticate': ${BEARER} } }); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `const createError = require('http-errors');
function a(next) { next(createError.Unauthorized()); }`,
      output: `const createError = require('http-errors');
function a(next) { next(createError(401, { headers: { 'WWW-Authenticate': ${BEARER} } })); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `const createError = require('http-errors');
function a() { const other = createError(500); other.headers = { 'WWW-Authenticate': ${BEARER} }; throw createError(401); }`,
      output: `const createError = require('http-errors');
function a() { const other = createError(500); other.headers = { 'WWW-Authenticate': ${BEARER} }; throw createError(401, { headers: { 'WWW-Authenticate': ${BEARER} } }); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // An existing headers object gets the challenge added.
      code: `const createError = require('http-errors');
next(createError(401, 'Login', { headers: { 'Cache-Control': 'no-store' } }));`,
      output: `const createError = require('http-errors');
next(createError(401, 'Login', { headers: { 'WWW-Authenticate': ${BEARER}, 'Cache-Control': 'no-store' } }));`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});
