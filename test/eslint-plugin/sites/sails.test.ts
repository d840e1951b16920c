import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

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
          data: { status: '403', problem: 'a missing credential', evidence: '!req.session.userId' },
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
          data: { status: '498', problem: 'an expired credential', evidence: 'session.expiresAt < Date.now()' },
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
  invalid: withSuggestedFix([
    {
      // The web template's custom res.unauthorized().
      code: policy(`  if (!req.me) return res.unauthorized();`),
      output: policy(`  if (!req.me) return res.set('WWW-Authenticate', ${BEARER}).unauthorized();`),
      errors: [{ messageId: 'missingChallenge', line: 2, column: 27 }],
    },
  ]),
});

/** A Sails actions2 action (`api/controllers/**.js`) with the given exits and body of `fn`. */
function action(exits: string, body: string, params = 'inputs, exits'): string {
  return `module.exports = {
  exits: {
${exits}
  },
  fn: async function (${params}) {
${body}
  },
};`;
}

jsRuleTester.run('sails actions2: require-401-for-credential-failure', credential, {
  valid: [
    // The exit answers 403 for a role check.
    action(`    notAdmin: { statusCode: 403, description: 'Only super admins may do this.' },`, `    if (!this.req.me.isSuperAdmin) throw 'notAdmin';`),
    // Near-miss: an exit without a status (a view, a redirect) is not a response site.
    action(`    notLoggedIn: { responseType: 'redirect' },`, `    if (!this.req.me) throw { notLoggedIn: '/login' };`),
    // Near-miss: a thrown string that is no exit of this action, and the same shape outside an action.
    action(`    success: {},`, `    if (!this.req.headers.authorization) throw 'notLoggedIn';`),
    `module.exports = { fn: async function () { if (!this.req.headers.authorization) throw 'notLoggedIn'; } };`,
  ],
  invalid: [
    {
      code: action(
        `    notLoggedIn: { statusCode: 403, description: 'The requesting user is not logged in.' },`,
        `    if (!this.req.headers.authorization) throw 'notLoggedIn';`,
      ),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          column: 48,
          data: { status: '403', problem: 'a missing credential', evidence: "!this.req.headers.authorization, 'The requesting user is not logged in.'" },
          suggestions: [
            {
              messageId: 'respond401',
              output: action(
                `    notLoggedIn: { statusCode: 401, description: 'The requesting user is not logged in.' },`,
                `    if (!this.req.headers.authorization) { this.res.set('WWW-Authenticate', ${BEARER}); throw 'notLoggedIn'; }`,
              ),
            },
          ],
        },
      ],
    },
    {
      // Through the exits callback, with output.
      code: action(`    tokenExpired: { statusCode: 498 },`, `    const session = await Session.findOne({ token: this.req.headers['x-session-token'] });
    if (session.expiresAt < Date.now()) {
      return exits.tokenExpired({ message: 'Session expired' });
    }`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: action(`    tokenExpired: { statusCode: 401 },`, `    const session = await Session.findOne({ token: this.req.headers['x-session-token'] });
    if (session.expiresAt < Date.now()) {
      this.res.set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"');
      return exits.tokenExpired({ message: 'Session expired' });
    }`),
            },
          ],
        },
      ],
    },
    {
      // A built-in response by name, and an exit shared by two triggers: reported, no status rewrite offered.
      code: action(
        `    forbidden: { responseType: 'forbidden' },
    denied: { statusCode: 403 },`,
        `    if (!this.req.headers.authorization) throw { forbidden: 'Missing token' };
    if (!this.req.session.userId) throw 'denied';
    if (!this.req.me.isAdmin) throw 'denied';`,
      ),
      errors: [
        { messageId: 'wrongStatus', line: 7, suggestions: [] },
        { messageId: 'wrongStatus', line: 8, suggestions: [] },
      ],
    },
  ],
});

jsRuleTester.run('sails actions2: require-www-authenticate', challenge, {
  valid: [
    action(`    badToken: { statusCode: 401 },`, `    if (!this.req.headers.authorization) { this.res.set('WWW-Authenticate', ${BEARER}); throw 'badToken'; }`),
    // The web template's custom unauthorized response sets its own headers (api/responses/unauthorized.js).
    action(`    badCombo: { responseType: 'unauthorized' },`, `    if (!this.req.headers.authorization) throw 'badCombo';`),
  ],
  invalid: withSuggestedFix([
    {
      code: action(`    badToken: { statusCode: 401 },`, `    if (!this.req.headers.authorization) throw 'badToken';`),
      output: action(`    badToken: { statusCode: 401 },`, `    if (!this.req.headers.authorization) { this.res.set('WWW-Authenticate', ${BEARER}); throw 'badToken'; }`),
      errors: [{ messageId: 'missingChallenge', line: 6 }],
    },
    {
      // An arrow fn has no \`this\`: reported, not fixed.
      code: `module.exports = { exits: { badToken: { statusCode: 401 } }, fn: async (inputs, exits) => { if (!inputs.token) return exits.badToken(); } };`,
      output: null,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});
