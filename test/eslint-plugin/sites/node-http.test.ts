import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;

ruleTester.run('node:http: response sites', credential, {
  valid: [
    // statusCode on something that is not a response.
    `function a(req, job) { if (!req.headers.authorization) job.statusCode = 403; }`,
    // An error that is not created here.
    `function a(req, err) { if (!req.headers.authorization) err.statusCode = 403; }`,
  ],
  invalid: [
    {
      code: `import http from 'node:http';
http.createServer((req, res) => {
  const key = req.headers['x-api-key'];
  if (key !== process.env.API_KEY) {
    res.writeHead(403, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'Invalid API key' }));
    return;
  }
  res.end('ok');
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 5,
          data: { status: 403, problem: 'an invalid credential', evidence: "key !== process.env.API_KEY, 'Invalid API key'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `import http from 'node:http';
http.createServer((req, res) => {
  const key = req.headers['x-api-key'];
  if (key !== process.env.API_KEY) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"', 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'Invalid API key' }));
    return;
  }
  res.end('ok');
});`,
            },
          ],
        },
      ],
    },
    {
      code: `module.exports = function (req, res) {
  if (!req.headers.authorization) {
    res.statusCode = 400;
    res.end('Authorization header required');
    return;
  }
};`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `module.exports = function (req, res) {
  if (!req.headers.authorization) {
    res.setHeader('WWW-Authenticate', ${BEARER});
    res.statusCode = 401;
    res.end('Authorization header required');
    return;
  }
};`,
            },
          ],
        },
      ],
    },
    {
      code: `const { constants } = require('node:http2');
function guard(req, res) {
  if (!req.session || !req.session.user) {
    res.writeHead(constants.HTTP_STATUS_FORBIDDEN);
    return res.end();
  }
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `const { constants } = require('node:http2');
function guard(req, res) {
  if (!req.session || !req.session.user) {
    res.writeHead(constants.HTTP_STATUS_UNAUTHORIZED, { 'WWW-Authenticate': ${BEARER} });
    return res.end();
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('node:http: headers', challenge, {
  valid: [
    `function a(req, res) { res.setHeader('WWW-Authenticate', ${BEARER}); res.writeHead(401); res.end(); }`,
    `function a(req, res) { res.writeHead(401, 'Unauthorized', { 'www-authenticate': ${BEARER} }); res.end(); }`,
    `function a(req, res) { res.writeHead(401, ['WWW-Authenticate', ${BEARER}]); res.end(); }`,
    `function a(req, res) { res.writeHead(401, { ...defaults }); res.end(); }`,
  ],
  invalid: withSuggestedFix([
    {
      // Inside a sequence expression there is no statement to put the header before: report without a fix.
      code: `function a(req, res) { res.statusCode = 401, res.end(); }`,
      output: null,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});
