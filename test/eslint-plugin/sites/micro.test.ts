/**
 * micro: `throw createError(status, message)` is sent with that status and no header; `send(res, status, data)` sends
 * at once. The challenge goes on `res` before either.
 */
import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;
const NO_HEADERS = "micro's createError() carries no headers: set WWW-Authenticate with res.setHeader(…) in the handler before throwing";

jsRuleTester.run('micro: the challenge of a 401', challenge, {
  valid: [
    `import { createError } from 'micro';
export default async (req, res) => {
  if (!req.headers.authorization) {
    res.setHeader('WWW-Authenticate', ${BEARER});
    throw createError(401, 'Missing authorization header');
  }
  return { ok: true };
};`,
    `import { send } from 'micro';
export default (req, res) => {
  res.setHeader('WWW-Authenticate', ${BEARER});
  if (!req.headers.authorization) return send(res, 401, { error: 'Sign in' });
  return send(res, 200, { ok: true });
};`,
    // Another library's createError.
    `import { createError } from 'h3-compat';
export default (req, res) => { if (!req.headers.authorization) throw createError(401, 'Missing token'); };`,
  ],
  invalid: withSuggestedFix([
    {
      code: `import { createError } from 'micro';
export default async (req, res) => {
  if (!req.headers.authorization) throw createError(401, 'Missing authorization header');
  return { ok: true };
};`,
      output: `import { createError } from 'micro';
export default async (req, res) => {
  if (!req.headers.authorization) { res.setHeader('WWW-Authenticate', ${BEARER}); throw createError(401, 'Missing authorization header'); }
  return { ok: true };
};`,
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
    {
      code: `const micro = require('micro');
module.exports = (req, res) => {
  const token = req.headers.authorization;
  if (!token) {
    return micro.send(res, 401, { error: 'Sign in first' });
  }
  return micro.send(res, 200, { ok: true });
};`,
      output: `const micro = require('micro');
module.exports = (req, res) => {
  const token = req.headers.authorization;
  if (!token) {
    res.setHeader('WWW-Authenticate', ${BEARER});
    return micro.send(res, 401, { error: 'Sign in first' });
  }
  return micro.send(res, 200, { ok: true });
};`,
      errors: [{ messageId: 'missingChallenge', line: 5 }],
    },
    {
      // A helper without the response: the message says where the header goes.
      code: `import { createError } from 'micro';
export const unauthorized = (reason) => createError(401, 'Unauthorized', reason);`,
      output: null,
      errors: [{ messageId: 'missingChallengeHeaderless', line: 2, data: { limitation: NO_HEADERS } }],
    },
  ]),
});

jsRuleTester.run('micro: the status of a missing credential', credential, {
  valid: [
    `import { createError } from 'micro';
export default async (req) => { const user = await session(req); if (!user.roles.includes('admin')) throw createError(403, 'Admins only'); };`,
  ],
  invalid: [
    {
      code: `import { createError } from 'micro';
export default async (req, res) => {
  if (!req.headers.authorization) throw createError(403, 'Missing authorization header');
};`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 3,
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { createError } from 'micro';
export default async (req, res) => {
  if (!req.headers.authorization) { res.setHeader('WWW-Authenticate', ${BEARER}); throw createError(401, 'Missing authorization header'); }
};`,
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('micro-boom: the challenge handed to handleErrors', challenge, {
  valid: [
    `import { createError } from 'micro-boom';
export default async (req) => {
  if (!req.headers.authorization) throw createError(401, 'Sign in first', { challenge: ${BEARER} });
};`,
    // Data made elsewhere may carry the challenge.
    `import { createError } from 'micro-boom';
export default async (req) => {
  if (!req.headers.authorization) throw createError(401, 'Sign in first', details(req));
};`,
  ],
  invalid: withSuggestedFix([
    {
      code: `import { createError } from 'micro-boom';
export default async (req) => {
  if (!req.headers.authorization) throw createError(401, 'Sign in first');
};`,
      output: `import { createError } from 'micro-boom';
export default async (req) => {
  if (!req.headers.authorization) throw createError(401, 'Sign in first', { challenge: ${BEARER} });
};`,
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
    {
      code: `const boom = require('micro-boom');
module.exports = async (req) => {
  const token = req.headers.authorization;
  if (!(await sessions.verify(token))) throw boom.createError(401, 'Invalid token', { reason: 'expired-or-unknown' });
};`,
      output: `const boom = require('micro-boom');
module.exports = async (req) => {
  const token = req.headers.authorization;
  if (!(await sessions.verify(token))) throw boom.createError(401, 'Invalid token', { challenge: 'Bearer realm="api", error="invalid_token"', reason: 'expired-or-unknown' });
};`,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
  ]),
});
