import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester } from '../rule-tester';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;

/** A Sails policy (`api/policies/*.js`). */
function policy(body: string): string {
  return `module.exports = async function (req, res, proceed) {
${body}
  return proceed();
};`;
}

jsRuleTester.run('sails: require-401-for-credential-failure', credential, {
  valid: [
    // Sails' own is-super-admin policy: a role check.
    policy(`  if (!req.me.isSuperAdmin) return res.forbidden();`),
    // The web template's res.expired() for a used-up password reset token (a one-time token).
    `module.exports = { fn: async function ({ token }) { const user = await User.findOne({ passwordResetToken: token }); if (!user) throw { expired: 'Reset link expired' }; } };`,
    `module.exports = async function resetPassword(req, res) { const user = await User.findOne({ passwordResetToken: req.param('token') }); if (!user) return res.expired(); };`,
    // badRequest for a validation failure.
    policy(`  if (!req.param('email')) return res.badRequest('Email is required');`),
    // Not a Sails response.
    policy(`  if (!req.headers.authorization) return audit.forbidden();`),
  ],
  invalid: [
    {
      // The is-logged-in policy answering 403: Sails has no built-in unauthorized(), so the fix uses Express' API.
      code: policy(`  if (!req.session.userId) return res.forbidden();`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 2,
          column: 39,
          data: { status: '403', problem: 'a missing credential', evidence: '`!req.session.userId`' },
          suggestions: [{ messageId: 'respond401', output: policy(`  if (!req.session.userId) return res.set('WWW-Authenticate', ${BEARER}).sendStatus(401);`) }],
        },
      ],
    },
    {
      code: policy(`  if (!req.headers.authorization) return res.badRequest({ error: 'Missing authorization header' });`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: policy(`  if (!req.headers.authorization) return res.set('WWW-Authenticate', ${BEARER}).status(401).send({ error: 'Missing authorization header' });`),
            },
          ],
        },
      ],
    },
    {
      // The template's custom res.expired() (498) for an expired session token.
      code: `module.exports = async function (req, res, proceed) {
  const session = await Session.findOne({ token: req.headers['x-session-token'] });
  if (session.expiresAt < Date.now()) return this.res ? this.res.expired() : res.expired('Session expired');
  return proceed();
};`,
      errors: [
        {
          messageId: 'wrongStatus',
          column: 66,
          data: { status: '498', problem: 'an expired credential', evidence: '`session.expiresAt < Date.now()`' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `module.exports = async function (req, res, proceed) {
  const session = await Session.findOne({ token: req.headers['x-session-token'] });
  if (session.expiresAt < Date.now()) return this.res ? this.res.set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"').sendStatus(401) : res.expired('Session expired');
  return proceed();
};`,
            },
          ],
        },
        {
          messageId: 'wrongStatus',
          column: 82,
          suggestions: [
            {
              messageId: 'respond401',
              output: `module.exports = async function (req, res, proceed) {
  const session = await Session.findOne({ token: req.headers['x-session-token'] });
  if (session.expiresAt < Date.now()) return this.res ? this.res.expired() : res.set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"').status(401).send('Session expired');
  return proceed();
};`,
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('sails: require-www-authenticate', challenge, {
  valid: [
    policy(`  if (!req.session.userId) return res.set('WWW-Authenticate', ${BEARER}).unauthorized();`),
    policy(`  if (!req.session.userId) { res.set('WWW-Authenticate', ${BEARER}); return res.unauthorized(); }`),
    // A permission denial in a 401 is require-403-for-permission-denial's report.
    policy(`  if (!req.me.isSuperAdmin) return res.unauthorized('Admins only');`),
  ],
  invalid: [
    {
      // The web template's custom res.unauthorized().
      code: policy(`  if (!req.me) return res.unauthorized();`),
      output: policy(`  if (!req.me) return res.set('WWW-Authenticate', ${BEARER}).unauthorized();`),
      errors: [{ messageId: 'missingChallenge', line: 2, column: 27 }],
    },
  ],
});
