import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const rule = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;

ruleTester.run('require-www-authenticate', rule, {
  valid: [
    // The header set in the same chain, before or after the status.
    `function a(req, res) { res.status(401).set('WWW-Authenticate', ${BEARER}).end(); }`,
    `function a(req, res) { res.set('WWW-Authenticate', ${BEARER}).status(401).end(); }`,
    `function a(req, res) { res.header('www-authenticate', ${BEARER}); return res.sendStatus(401); }`,
    `function a(req, res) { res.status(401); res.setHeader('WWW-Authenticate', ${BEARER}); res.end(); }`,
    `function a(req, res) { res.append('WWW-Authenticate', ${BEARER}); res.status(401).json({}); }`,
    `function a(req, res) { res.set({ 'Content-Type': 'application/json', 'WWW-Authenticate': ${BEARER} }); res.status(401).end(); }`,
    // node:http: writeHead's own headers, or setHeader before it.
    `function a(req, res) { res.writeHead(401, { 'WWW-Authenticate': ${BEARER} }); res.end(); }`,
    `function a(req, res) { res.writeHead(401, [['WWW-Authenticate', ${BEARER}]]); res.end(); }`,
    `function a(req, res) { res.setHeader('WWW-Authenticate', ${BEARER}); res.statusCode = 401; res.end(); }`,
    // Headers we cannot see statically are trusted (an error handler copying err.headers).
    `app.use((err, req, res, next) => { res.set(err.headers); res.status(401).json({ error: err.message }); });`,
    `function a(req, res, headers) { res.writeHead(401, headers); res.end(); }`,
    // http-errors and error objects that carry the header to the error handler.
    `const createError = require('http-errors'); function a(req, res, next) { next(createError(401, 'Login', { headers: { 'WWW-Authenticate': ${BEARER} } })); }`,
    `const createError = require('http-errors'); function a() { const err = createError(401); err.headers = { 'WWW-Authenticate': ${BEARER} }; throw err; }`,
    `function a(req, res, next) { next({ status: 401, headers: { 'WWW-Authenticate': ${BEARER} } }); }`,
    `function a(req, res, next) { const err = new Error('Login'); err.status = 401; err.headers = { 'WWW-Authenticate': ${BEARER} }; next(err); }`,
    // 407 with Proxy-Authenticate.
    `function a(req, res) { res.set('Proxy-Authenticate', 'Basic realm="proxy"').status(407).end(); }`,
    // Other statuses are not this rule's business.
    `function a(req, res) { res.status(403).end(); }`,
    // A 401 for a permission denial is require-403-for-permission-denial's report.
    `function a(req, res) { if (req.user.role !== 'admin') return res.status(401).json({ message: 'Admins only' }); }`,
    // Library middleware that challenges is not a response site.
    `app.get('/me', passport.authenticate('bearer', { session: false }), (req, res) => res.json(req.user));`,
    // Test assertions.
    `it('401', async () => { await request(app).get('/').expect(401); expect(res).to.have.status(401); });`,
    // challengers: helpers and carriers the project declares to add the header.
    { code: `function a(req, res) { addChallenge(res); return res.status(401).end(); }`, options: [{ challengers: ['addChallenge'] }] },
    { code: `function a(req, res) { return sendError(res.status(401), 'login'); }`, options: [{ challengers: ['sendError'] }] },
    { code: `const createError = require('http-errors'); function a(req, res, next) { next(createError(401)); }`, options: [{ challengers: ['next'] }] },
  ],
  invalid: withSuggestedFix([
    {
      // express-jwt's UnauthorizedError re-rendered by the app's error handler.
      code: `app.use((err, req, res, next) => {
  if (err.name === 'UnauthorizedError') {
    res.status(401).send('Token not accepted');
  } else next(err);
});`,
      output: `app.use((err, req, res, next) => {
  if (err.name === 'UnauthorizedError') {
    res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').send('Token not accepted');
  } else next(err);
});`,
      errors: [{ messageId: 'missingChallenge', line: 3, column: 16, data: { challenge: 'WWW-Authenticate: Bearer realm="api", error="invalid_token"', limitation: '' } }],
    },
    {
      code: `function a(req, res) { if (!req.session.user) return res.sendStatus(401); }`,
      output: `function a(req, res) { if (!req.session.user) return res.set('WWW-Authenticate', ${BEARER}).sendStatus(401); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `function a(req, res) {
  res.statusCode = 401;
  res.end('Login required');
}`,
      output: `function a(req, res) {
  res.setHeader('WWW-Authenticate', ${BEARER});
  res.statusCode = 401;
  res.end('Login required');
}`,
      errors: [{ messageId: 'missingChallenge', line: 2 }],
    },
    {
      code: `function a(req, res) { res.statusCode = 401; res.end(); }`,
      output: `function a(req, res) { res.setHeader('WWW-Authenticate', ${BEARER}); res.statusCode = 401; res.end(); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `function a(req, res) { res.writeHead(401); res.end(); }`,
      output: `function a(req, res) { res.writeHead(401, { 'WWW-Authenticate': ${BEARER} }); res.end(); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `function a(req, res) { res.writeHead(401, 'Unauthorized'); res.end(); }`,
      output: `function a(req, res) { res.writeHead(401, 'Unauthorized', { 'WWW-Authenticate': ${BEARER} }); res.end(); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `function a(req, res) {
  res.writeHead(401, {
    'Content-Type': 'text/plain',
  });
}`,
      output: `function a(req, res) {
  res.writeHead(401, {
    'WWW-Authenticate': ${BEARER},
    'Content-Type': 'text/plain',
  });
}`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `const createError = require('http-errors');
function a(req, res, next) { next(createError(401)); }`,
      output: `const createError = require('http-errors');
function a(req, res, next) { next(createError(401, { headers: { 'WWW-Authenticate': ${BEARER} } })); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `import createError from 'http-errors';
function a(req, res, next) { next(createError(401, 'Please log in', { expose: true })); }`,
      output: `import createError from 'http-errors';
function a(req, res, next) { next(createError(401, 'Please log in', { headers: { 'WWW-Authenticate': ${BEARER} }, expose: true })); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `import createError from 'http-errors';
function a() { throw new createError.Unauthorized('Login required'); }`,
      output: `import createError from 'http-errors';
function a() { throw createError(401, 'Login required', { headers: { 'WWW-Authenticate': ${BEARER} } }); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `function a(req, res, next) { next({ status: 401, message: 'Login required' }); }`,
      output: `function a(req, res, next) { next({ headers: { 'WWW-Authenticate': ${BEARER} }, status: 401, message: 'Login required' }); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `function a(req, res, next) {
  const err = new Error('Login required');
  err.status = 401;
  next(err);
}`,
      output: `function a(req, res, next) {
  const err = new Error('Login required');
  err.status = 401;
  err.headers = { ...err.headers, 'WWW-Authenticate': ${BEARER} };
  next(err);
}`,
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
    {
      // A header set in the other branch does not reach this response.
      code: `function a(req, res) {
  if (req.accepts('html')) {
    res.set('WWW-Authenticate', 'Bearer realm="site"');
  } else {
    return res.status(401).json({ error: 'login required' });
  }
}`,
      output: `function a(req, res) {
  if (req.accepts('html')) {
    res.set('WWW-Authenticate', 'Bearer realm="site"');
  } else {
    return res.status(401).set('WWW-Authenticate', ${BEARER}).json({ error: 'login required' });
  }
}`,
      errors: [{ messageId: 'missingChallenge', line: 5 }],
    },
    {
      // Nor does one set after the response has returned.
      code: `function a(req, res) {
  if (!req.user) {
    return res.status(401).end();
  }
  res.set('WWW-Authenticate', ${BEARER});
}`,
      output: `function a(req, res) {
  if (!req.user) {
    return res.status(401).set('WWW-Authenticate', ${BEARER}).end();
  }
  res.set('WWW-Authenticate', ${BEARER});
}`,
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
    {
      // Another handler's response is another response.
      code: `app.get('/a', (req, res) => { res.set('WWW-Authenticate', ${BEARER}); res.end(); });
app.get('/b', (req, res) => res.status(401).end());`,
      output: `app.get('/a', (req, res) => { res.set('WWW-Authenticate', ${BEARER}); res.end(); });
app.get('/b', (req, res) => res.status(401).set('WWW-Authenticate', ${BEARER}).end());`,
      errors: [{ messageId: 'missingChallenge', line: 2 }],
    },
    {
      code: `function a(req, res) { res.status(407).end(); }`,
      output: `function a(req, res) { res.status(407).set('Proxy-Authenticate', ${BEARER}).end(); }`,
      errors: [
        {
          messageId: 'missingProxyChallenge',
          suggestions: [{ desc: 'Add Proxy-Authenticate: Bearer realm="api"', output: `function a(req, res) { res.status(407).set('Proxy-Authenticate', ${BEARER}).end(); }` }],
        },
      ],
    },
    {
      // The fix is offered again as a suggestion whose title says what it writes (editors title a bare fix generically).
      code: `function a(req, res) { if (!req.headers.authorization) return res.status(401).end(); try { jwt.verify(req.headers.authorization, key); } catch { return res.status(401).end(); } }`,
      output: `function a(req, res) { if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', ${BEARER}).end(); try { jwt.verify(req.headers.authorization, key); } catch { return res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').end(); } }`,
      errors: [
        {
          messageId: 'missingChallenge',
          suggestions: [
            {
              desc: 'Add WWW-Authenticate: Bearer realm="api"',
              output: `function a(req, res) { if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', ${BEARER}).end(); try { jwt.verify(req.headers.authorization, key); } catch { return res.status(401).end(); } }`,
            },
          ],
        },
        {
          messageId: 'missingChallenge',
          suggestions: [
            {
              desc: 'Add WWW-Authenticate: Bearer realm="api", error="invalid_token"',
              output: `function a(req, res) { if (!req.headers.authorization) return res.status(401).end(); try { jwt.verify(req.headers.authorization, key); } catch { return res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').end(); } }`,
            },
          ],
        },
      ],
    },
    {
      // Status constants, and the scheme/realm options.
      code: `import { StatusCodes } from 'http-status-codes';
const handler = (req, res) => res.status(StatusCodes.UNAUTHORIZED).json({ message: 'Login required' });`,
      output: `import { StatusCodes } from 'http-status-codes';
const handler = (req, res) => res.status(StatusCodes.UNAUTHORIZED).set('WWW-Authenticate', 'Basic realm="intranet", charset="UTF-8"').json({ message: 'Login required' });`,
      options: [{ scheme: 'Basic', realm: 'intranet' }],
      errors: [
        {
          messageId: 'missingChallenge',
          suggestions: [
            {
              desc: 'Add WWW-Authenticate: Basic realm="intranet", charset="UTF-8"',
              output: `import { StatusCodes } from 'http-status-codes';
const handler = (req, res) => res.status(StatusCodes.UNAUTHORIZED).set('WWW-Authenticate', 'Basic realm="intranet", charset="UTF-8"').json({ message: 'Login required' });`,
            },
          ],
        },
      ],
    },
    {
      // challengers that are not called here do not help.
      code: `function a(req, res) { return res.status(401).end(); }`,
      output: `function a(req, res) { return res.status(401).set('WWW-Authenticate', ${BEARER}).end(); }`,
      options: [{ challengers: ['addChallenge'] }],
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

jsRuleTester.run('require-www-authenticate (espree)', rule, {
  valid: [`function a(req, res) { res.set('WWW-Authenticate', 'Basic realm="x"'); res.sendStatus(401); }`],
  invalid: withSuggestedFix([
    {
      code: `module.exports = (req, res) => { res.status(401).json({ message: 'Unauthorized' }); };`,
      output: `module.exports = (req, res) => { res.status(401).set('WWW-Authenticate', ${BEARER}).json({ message: 'Unauthorized' }); };`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

describe('require-www-authenticate options schema', () => {
  it('rejects a challenger that is not a string', () => {
    assert.throws(
      () =>
        new Linter().verify('res.status(401);', [
          { plugins: { 'auth-status': plugin }, rules: { 'auth-status/require-www-authenticate': ['error', { challengers: [1] }] } },
        ] as never),
      /should be string/,
    );
  });
});

/** A restify module whose refusals go through senders of its own file; `send` sets the challenge or not. */
const senders = (send: string) => `const errors = require('restify-errors');
function send(res, next, error) {
${send}
  next(error);
}
exports.tokenMissing = (req, res, next) => send(res, next, new errors.UnauthorizedError('Bearer token required'));`;

ruleTester.run('require-www-authenticate: errors handed to a sender of the file', rule, {
  valid: [
    // The sender sets the challenge on the response before passing the error on.
    senders(`  res.header('WWW-Authenticate', 'Bearer realm="api"');`),
    // Through a helper named for it.
    senders('  setWwwAuthenticate(res, error);'),
  ],
  invalid: [
    {
      // A sender that only logs adds nothing.
      code: senders('  log.warn(error.message);'),
      errors: [{ messageId: 'missingChallenge', line: 6 }],
    },
  ],
});
