import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { wrongStatusSuggesting401 } from '../suggested-fix';
import { memberListRoute } from './lint-helpers';

const rule = plugin.rules['require-401-for-credential-failure'];
const BEARER = `'Bearer realm="api"'`;
const BEARER_INVALID = `'Bearer realm="api", error="invalid_token"'`;
const BEARER_EXPIRED = `'Bearer realm="api", error="invalid_token", error_description="The access token expired"'`;

ruleTester.run('require-401-for-credential-failure', rule, {
  valid: [
    // 401 is the right answer (its challenge is require-www-authenticate's business).
    `function auth(req, res, next) { if (!req.headers.authorization) return res.status(401).end(); next(); }`,
    // Authorization: the identity is known, its rights are not enough.
    `function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(403).json({ message: 'Admins only' }); next(); }`,
    `function own(req, res) { if (post.authorId !== req.user.id) return res.status(403).send('Not the owner'); }`,
    `function perms(req, res) { if (!req.user.permissions.includes('posts:delete')) return res.sendStatus(403); }`,
    `function banned(req, res) { if (req.user.banned) return res.status(403).json({ error: 'Account suspended' }); }`,
    `function verifiedOnly(req, res) { if (!req.user.emailVerified) return res.status(403).json({ error: 'Verify your email first' }); }`,
    // Both must hold: the user is known and lacks the role.
    `function gate(req, res) { if (req.user && req.user.role !== 'admin') return res.status(403).end(); }`,
    // The authenticating middleware before set `req.user`: its absence beside the role check only restates it.
    `function gate(req, res) { if (!req.user || req.user.role !== 'admin') return res.status(403).end(); }`,
    // Validation and conflicts.
    `router.post('/register', async (req, res) => {
      const { email, password } = req.body;
      if (!email || !password) return res.status(400).json({ msg: 'Please enter all fields' });
      if (await User.exists({ email })) return res.status(409).json({ msg: 'Email already registered' });
    });`,
    `app.post('/items', (req, res) => { const { error } = schema.validate(req.body); if (error) return res.status(400).json({ error: error.message }); });`,
    // One-time tokens from the body or URL.
    `router.post('/reset-password/:token', async (req, res) => {
      const user = await User.findOne({ resetToken: req.params.token });
      if (!user) return res.status(400).json({ msg: 'Password reset token is invalid or has expired' });
    });`,
    `app.get('/verify-email', async (req, res) => { const { token } = req.query; if (!token) return res.status(400).send('Missing verification token'); });`,
    `app.post('/accept', (req, res) => { const { token } = req.body; if (!token) return res.status(400).json({ error: 'Token is required' }); });`,
    // CSRF, webhooks, OAuth token endpoint.
    `app.post('/transfer', (req, res) => { if (req.body._csrf !== req.session.csrfToken) return res.status(403).send('Invalid CSRF token'); });`,
    `app.post('/webhook', (req, res) => {
      try { stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret); }
      catch (err) { return res.status(400).send('Webhook signature verification failed'); }
    });`,
    `app.post('/oauth/token', async (req, res) => {
      const stored = await RefreshToken.findOne({ token: req.body.refresh_token });
      if (!stored || stored.expiresAt < new Date()) return res.status(400).json({ error: 'invalid_grant' });
    });`,
    // An RFC 6749 §5.2 error body (an identity SDK's token request failing), not a resource server's answer.
    // (@azure/identity's EnvironmentCredential, trimmed.)
    `import { AuthenticationError } from '../errors.js';
    export class EnvironmentCredential {
      async getToken(scopes, options = {}) {
        return tracingClient.withSpan('getToken', options, async (newOptions) => {
          try {
            return await this._credential.getToken(scopes, newOptions);
          } catch (err) {
            throw new AuthenticationError(400, {
              error: \`\${credentialName} authentication failed. To troubleshoot, visit https://aka.ms/azsdk.\`,
              error_description: err.message,
            });
          }
        });
      }
    }`,
    // Refresh-token endpoint answering 403 for an expired refresh token: not request authentication.
    `exports.refreshToken = async (req, res) => {
      const { refreshToken: requestToken } = req.body;
      if (requestToken == null) return res.status(403).json({ message: 'Refresh Token is required!' });
    };`,
    // Test assertions are not responses.
    `it('rejects', async () => { const res = await request(app).get('/me').expect(403); expect(res.status).toBe(403); expect(res).to.have.status(403); });`,
    // 404 and 429 are allowed by default (hiding a resource, rate limiting).
    `function auth(req, res) { if (!req.headers.authorization) return res.status(404).end(); }`,
    `function auth(req, res) { if (!req.headers.authorization) return res.status(429).end(); }`,
    // Weak evidence alone: a message with no supporting code.
    `function handler(req, res) { if (!found) return res.status(403).json({ error: 'Invalid token' }); }`,
    // A status that cannot be known statically.
    `function auth(req, res) { if (!req.headers.authorization) return res.status(code).end(); }`,
    // Subscription expiry is a payment/plan decision, not a credential.
    `function plan(req, res) { if (req.user.subscription.expiresAt < Date.now()) return res.status(402).json({ error: 'Subscription expired' }); }`,
    // A truthy token is not a failure.
    `function auth(req, res) { const token = req.headers.authorization; if (token) return res.status(400).send('Send the token in one place only'); }`,
    // allowedStatuses option.
    {
      code: `function auth(req, res) { if (!req.headers.authorization) return res.status(403).end(); }`,
      options: [{ allowedStatuses: [401, 403] }],
    },
    // The verified account lacks a detail the application wants: no credential failed.
    `async function profile(req, res) {
  const claims = jwt.verify(req.headers.authorization.slice(7), KEY);
  if (!claims.email) return res.status(400).json({ error: 'Add an e-mail address to your account first' });
  res.json(claims);
}`,
    // The current password asked again to change the account's password: a confirmation by a signed-in user, not
    // the request's credential (a 401 would log them out).
    `async function changePassword(req, res) {
  const account = await Accounts.byId(req.user.id);
  if (!(await bcrypt.compare(req.body.currentPassword, account.hash))) return res.status(400).json({ error: 'Current password is incorrect' });
  res.sendStatus(204);
}`,
  ],
  invalid: [
    {
      // Near-miss: a token without the subject it must name is an invalid credential.
      code: `async function profile(req, res) {
  const claims = jwt.verify(req.headers.authorization.slice(7), KEY);
  if (!claims.sub) return res.status(400).json({ error: 'Token names nobody' });
  res.json(claims);
}`,
      errors: [
        wrongStatusSuggesting401(
          3,
          `async function profile(req, res) {
  const claims = jwt.verify(req.headers.authorization.slice(7), KEY);
  if (!claims.sub) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').json({ error: 'Token names nobody' });
  res.json(claims);
}`,
        ),
      ],
    },
    {
      // Near-miss: the same words at a login are its failure.
      code: `async function login(req, res) {
  const account = await User.findOne({ email: req.body.email });
  if (!account || !(await bcrypt.compare(req.body.password, account.hash))) return res.status(400).json({ error: 'E-mail or password is incorrect' });
  res.json({ token: sign(account) });
}`,
      errors: [
        wrongStatusSuggesting401(
          3,
          `async function login(req, res) {
  const account = await User.findOne({ email: req.body.email });
  if (!account || !(await bcrypt.compare(req.body.password, account.hash))) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'E-mail or password is incorrect' });
  res.json({ token: sign(account) });
}`,
        ),
      ],
    },
    {
      // Either alternative sends the 403: the missing-session half is a credential failure that wants 401.
      code: `import { NextResponse } from 'next/server';
export async function GET() { const session = await getServerSession(authOptions); if (!session || session.user.role !== 'ADMIN') return NextResponse.json({ error: 'Access denied' }, { status: 403 }); }`,
      errors: [
        {
          messageId: 'splitStatus',
          data: { status: 403, problem: 'a missing credential', evidence: '!session', denial: "session.user.role !== 'ADMIN'" },
          suggestions: [],
        },
      ],
    },
    {
      // The suggestion's title names the challenge its edit writes, with the configured realm.
      code: `function auth(req, res) { try { jwt.verify(req.headers.authorization, key); } catch (err) { if (err.name === 'TokenExpiredError') return res.status(403).end(); } }`,
      options: [{ realm: 'shop' }],
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              desc: 'Respond 401 with WWW-Authenticate: Bearer realm="shop", error="invalid_token", error_description="The access token expired"',
              output: `function auth(req, res) { try { jwt.verify(req.headers.authorization, key); } catch (err) { if (err.name === 'TokenExpiredError') return res.status(401).set('WWW-Authenticate', 'Bearer realm="shop", error="invalid_token", error_description="The access token expired"').end(); } }`,
            },
          ],
        },
      ],
    },
    {
      // The challenge is set already: the title claims no header.
      code: `function auth(req, res) { if (!req.headers.authorization) return res.status(403).set('WWW-Authenticate', 'Basic realm="x"').end(); }`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              desc: 'Respond 401',
              output: `function auth(req, res) { if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Basic realm="x"').end(); }`,
            },
          ],
        },
      ],
    },
    {
      // A custom-header token middleware answering 403 when the header is absent.
      code: `function auth(req, res, next) {
  const token = req.header('x-auth-token');
  if (!token) return res.status(403).send('Sign in first: no token sent.');
  next();
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 3,
          column: 33,
          data: {
            status: 403,
            problem: 'a missing credential',
            evidence: "!token, 'Sign in first: no token sent.'",
            limitation: '',
          },
          suggestions: [
            {
              messageId: 'respond401',
              output: `function auth(req, res, next) {
  const token = req.header('x-auth-token');
  if (!token) return res.status(401).set('WWW-Authenticate', ${BEARER}).send('Sign in first: no token sent.');
  next();
}`,
            },
          ],
        },
      ],
    },
    {
      // jwt.verify callback (WebDevSimplified): 403 for a failed verification.
      code: `function authenticateToken(req, res, next) {
  const authHeader = req.headers['authorization'];
  const token = authHeader && authHeader.split(' ')[1];
  if (token == null) return res.sendStatus(401);
  jwt.verify(token, process.env.TOKEN_SECRET, (err, user) => {
    if (err) return res.sendStatus(403);
    req.user = user;
    next();
  });
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          data: { status: 403, problem: 'an invalid credential', evidence: 'err of jwt.verify', limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `function authenticateToken(req, res, next) {
  const authHeader = req.headers['authorization'];
  const token = authHeader && authHeader.split(' ')[1];
  if (token == null) return res.sendStatus(401);
  jwt.verify(token, process.env.TOKEN_SECRET, (err, user) => {
    if (err) return res.set('WWW-Authenticate', ${BEARER_INVALID}).sendStatus(401);
    req.user = user;
    next();
  });
}`,
            },
          ],
        },
      ],
    },
    {
      // A catch around jwt.verify answering 400.
      code: `module.exports = function (req, res, next) {
  const token = req.header('x-auth-token');
  try {
    req.user = jwt.verify(token, config.get('jwtPrivateKey'));
    next();
  } catch (ex) {
    res.status(400).send('Invalid token.');
  }
};`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 7,
          suggestions: [
            {
              messageId: 'respond401',
              output: `module.exports = function (req, res, next) {
  const token = req.header('x-auth-token');
  try {
    req.user = jwt.verify(token, config.get('jwtPrivateKey'));
    next();
  } catch (ex) {
    res.status(401).set('WWW-Authenticate', ${BEARER_INVALID}).send('Invalid token.');
  }
};`,
            },
          ],
        },
      ],
    },
    {
      // Expiry by error name, non-standard 498; the header set in another path does not count.
      code: `function verifyToken(req, res, next) {
  try {
    req.user = jwt.verify(req.cookies.access_token, process.env.SECRET);
    next();
  } catch (err) {
    if (err.name === 'TokenExpiredError') {
      return res.status(498).json({ error: 'Token expired' });
    }
    return res.status(401).set('WWW-Authenticate', ${BEARER_INVALID}).json({ error: 'Invalid token' });
  }
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 7,
          data: {
            status: 498,
            problem: 'an expired credential',
            evidence: "err.name === 'TokenExpiredError', 'Token expired'",
            limitation: '',
          },
          suggestions: [
            {
              messageId: 'respond401',
              output: `function verifyToken(req, res, next) {
  try {
    req.user = jwt.verify(req.cookies.access_token, process.env.SECRET);
    next();
  } catch (err) {
    if (err.name === 'TokenExpiredError') {
      return res.status(401).set('WWW-Authenticate', ${BEARER_EXPIRED}).json({ error: 'Token expired' });
    }
    return res.status(401).set('WWW-Authenticate', ${BEARER_INVALID}).json({ error: 'Invalid token' });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Expiry comparison on the JWT claim; 440 login time-out.
      code: `function checkExpiry(req, res, next) {
  const decoded = jwt.decode(req.headers.authorization.slice(7));
  if (decoded.exp * 1000 < Date.now()) return res.status(440).json({ message: 'Session expired' });
  next();
}`,
      errors: [{ messageId: 'wrongStatus', line: 3, data: { status: 440, problem: 'an expired credential', evidence: "decoded.exp * 1000 < Date.now(), 'Session expired'", limitation: '' }, suggestions: 1 }],
    },
    {
      // The else branch of a presence check; 409 is never right for a credential.
      code: `function auth(req, res, next) {
  if (req.session && req.session.userId) { next(); } else { res.status(409).send('Not logged in'); }
}`,
      errors: [{ messageId: 'wrongStatus', line: 2, suggestions: 1 }],
    },
    {
      // Unsupported scheme.
      code: `function auth(req, res, next) {
  const header = req.headers.authorization || '';
  if (!header.startsWith('Bearer ')) return res.status(400).json({ error: 'Malformed authorization header' });
  next();
}`,
      errors: [{ messageId: 'wrongStatus', line: 3, data: { status: 400, problem: 'an invalid credential', evidence: "!header.startsWith('Bearer '), 'Malformed authorization header'", limitation: '' }, suggestions: 1 }],
    },
    {
      // Passport custom callback rendering the failure itself.
      code: `app.get('/me', (req, res, next) => {
  passport.authenticate('jwt', { session: false }, (err, user) => {
    if (!user) return res.status(403).json({ message: 'Unauthorized' });
    res.json(user);
  })(req, res, next);
});`,
      errors: [{ messageId: 'wrongStatus', line: 3, suggestions: 1 }],
    },
    {
      // A failed password login answered 400: no token, so no `error` attribute in the challenge.
      code: `router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  const isMatch = user && (await bcrypt.compare(password, user.password));
  if (!isMatch) return res.status(400).json({ msg: 'Invalid credentials' });
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 5,
          data: { status: 400, problem: 'a failed login', evidence: "!isMatch, 'Invalid credentials'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email });
  const isMatch = user && (await bcrypt.compare(password, user.password));
  if (!isMatch) return res.status(401).set('WWW-Authenticate', ${BEARER}).json({ msg: 'Invalid credentials' });
});`,
            },
          ],
        },
      ],
    },
    {
      // Status from a const binding elsewhere in the file; the binding is replaced by the literal.
      code: `function requireSession(req, res, next) {
  if (!req.session.userId) return res.sendStatus(FORBIDDEN);
  next();
}
const FORBIDDEN = 403;`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `function requireSession(req, res, next) {
  if (!req.session.userId) return res.set('WWW-Authenticate', ${BEARER}).sendStatus(401);
  next();
}
const FORBIDDEN = 403;`,
            },
          ],
        },
      ],
    },
    {
      // The `autofix` option applies it with --fix; `scheme` and `realm` shape the challenge.
      code: `function auth(req, res) { if (!req.headers.authorization) return res.status(403).end(); }`,
      options: [{ autofix: true, scheme: 'Basic', realm: 'admin' }],
      output: `function auth(req, res) { if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Basic realm="admin", charset="UTF-8"').end(); }`,
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
    {
      // Basic credentials read by the code pick the Basic scheme.
      code: `function basic(req, res) {
  const header = req.headers.authorization;
  if (!header || !header.startsWith('Basic ')) return res.status(403).end();
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `function basic(req, res) {
  const header = req.headers.authorization;
  if (!header || !header.startsWith('Basic ')) return res.status(401).set('WWW-Authenticate', 'Basic realm="api", charset="UTF-8"').end();
}`,
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('require-401-for-credential-failure (espree)', rule, {
  valid: [`function isAdmin(req, res, next) { if (!req.user.isAdmin) return res.status(403).end(); next(); }`],
  invalid: [
    {
      // The near-miss of the token endpoint exemption: RFC 6750's invalid_token is a resource server's 401.
      code: `app.get('/me', (req, res) => {
  jwt.verify(req.headers.authorization, key, (err) => {
    if (err) return res.status(403).json({ error: 'invalid_token', error_description: 'The access token expired' });
  });
});`,
      errors: [{ messageId: 'wrongStatus', line: 3, suggestions: 1 }],
    },
    {
      code: `const jwt = require('jsonwebtoken');
module.exports = (req, res, next) => {
  const token = req.cookies.jwt;
  if (!token) return res.status(403).json({ error: 'Not logged in' });
  next();
};`,
      errors: [{ messageId: 'wrongStatus', line: 4, suggestions: 1 }],
    },
  ],
});

// Deno Fresh: the session a middleware put on `ctx.state`, and the user looked up by its id.
ruleTester.run('require-401-for-credential-failure: a session kept on the handler state', rule, {
  valid: [
    // Near-miss: a field of the known session missing is the record's gap, not a missing credential.
    `export async function POST(req: Request, ctx: any) { if (!ctx.state.session.cart) return new Response(null, { status: 400 }); }`,
    // Near-miss: a form field missing is a malformed request.
    `export async function POST(req: Request, ctx: any) { const form = await req.formData(); if (!form.get('title')) return new Response(null, { status: 400 }); }`,
  ],
  invalid: [
    {
      code: `export async function POST(req: Request, ctx: any) { if (!ctx.state.session) return new Response(null, { status: 400 }); }`,
      errors: [{ messageId: 'wrongStatus', data: { status: 400, problem: 'a missing credential', evidence: '!ctx.state.session', challenge: 'WWW-Authenticate: Bearer realm="api"' }, suggestions: 1 }],
    },
    {
      code: `export async function POST(req: Request, ctx: any) {
  const user = await getUserBySession(ctx.state.sessionId);
  if (!user) return new Response(null, { status: 400 });
}`,
      errors: [{ messageId: 'wrongStatus', line: 3, suggestions: 1 }],
    },
  ],
});

describe('require-401-for-credential-failure options schema', () => {
  for (const [label, options, pattern] of [
    ['a status given as a string', { allowedStatuses: ['403'] }, /should be integer/],
    ['an unknown option', { statuses: [403] }, /should NOT have additional properties/],
    ['a scheme with a space', { scheme: 'Bearer realm' }, /should match pattern/],
  ] as const) {
    it(`rejects ${label} with a clear message`, () => {
      assert.throws(() => lintWith(options), pattern);
    });
  }
});

function lintWith(options: object) {
  return new Linter().verify('res.status(403);', [
    { plugins: { 'auth-status': plugin }, rules: { 'auth-status/require-401-for-credential-failure': ['error', options] } },
  ] as never);
}

ruleTester.run('require-401-for-credential-failure: a list of the signed-in member', rule, {
  valid: [
    // The member's own list lacks the environment: a right the known caller lacks, which 403 answers rightly.
    memberListRoute('!accessedEnvironments.includes(req.params.id)', 403),
    memberListRoute('!member.projectIds.some((id) => id === req.params.id)', 403),
  ],
  invalid: [
    {
      // Near-miss: no signed-in user at all in the same route is the identity missing, still a 401.
      code: memberListRoute('!req.user', 403),
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
  ],
});

ruleTester.run('require-401-for-credential-failure: what the signed-in caller owns or did', rule, {
  valid: [
    // The caller's id kept under a name of its own still makes the lookup one of the caller's own records.
    `router.delete('/posts/:id', authenticate, async (req, res) => {
      const userId = req.user.id;
      const post = await Post.findOne({ _id: req.params.id, author: userId });
      if (!post) return res.status(403).json({ message: 'Not your post' });
      res.json(await post.deleteOne());
    });`,
    // The same through a chain that reaches the model first and handles the promise last.
    `router.post('/rooms/:id/messages', authenticate, async (req, res) => {
      const userId = req.user.id;
      const room = await models.ChatRoom.getInstance().findOne({ _id: req.params.id, participants: userId }).catch(() => null);
      if (!room) return res.status(403).json({ message: 'Not in this room' });
      res.json({});
    });`,
    // Whether the caller's own teams hold the one asked for, kept in a flag first: a right, which 403 answers.
    `router.post('/authorize', async (req, res) => {
      const session = await getServerSession(req, res, authOptions);
      if (!session) return res.status(401).setHeader('WWW-Authenticate', 'Bearer').end();
      const userTeams = await getTeamsByUserId(db, session.user.id);
      const isMemberOfTeam = userTeams.some((team) => team.id === req.body.teamId);
      if (!isMemberOfTeam) return res.status(403).json({ message: 'Not a member of that team' });
      res.json({});
    });`,
    // A fixed list asked about a field of the caller's record: no evidence of anything.
    `router.get('/documents/:id/preview', async (req, res) => {
      const session = await getServerSession(req, res, authOptions);
      const document = await prisma.document.findFirst({ where: { id: req.query.id, ownerId: session.user.id } });
      const version = document.versions[0];
      const hasPages = ['pdf', 'docs', 'slides'].includes(version.type);
      if (!hasPages) return res.status(400).json({ message: 'No preview for this type' });
      res.json({});
    });`,
    // What an action of the signed-in user returned (whether there was a request to accept) is not the user.
    `export const accept = async (ctx) => {
      const { user: viewer, targetUser } = ctx.state;
      const ok = await viewer.acceptSubscriptionRequest(targetUser);
      if (!ok) { ctx.status = 403; ctx.body = { err: 'There is no subscription request' }; return; }
      ctx.body = {};
    };`,
  ],
  invalid: [
    {
      // Near-miss: an alias of something other than the caller's id (the URL's) makes no owned lookup.
      code: `router.get('/me', authenticate, async (req, res) => {
        const userId = req.user.id;
        if (!userId) return res.status(403).json({ message: 'Sign in first' });
        res.json({});
      });`,
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
    {
      // Near-miss: the same chain looking a session up by the presented token: the credential failing.
      code: `router.post('/rooms/:id/messages', async (req, res) => {
        const session = await models.Session.getInstance().findOne({ token: req.headers.authorization }).catch(() => null);
        if (!session) return res.status(403).json({ message: 'Unknown session' });
        res.json({});
      });`,
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
    {
      // Near-miss: a method that reads the caller again (`reload`) still gives the caller.
      code: `export const show = async (ctx) => {
        const viewer = await ctx.state.user.reload();
        if (!viewer) { ctx.status = 403; ctx.body = { err: 'Sign in first' }; return; }
        ctx.body = {};
      };`,
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
  ],
});

/** A route answering 400 with `message` when `call` failed with `failure`. */
const answeringFailure = (route: string, call: string, failure: string, message: string) => `app.post('${route}', async (req, res) => {
  try {
    res.json(await ${call});
  } catch (error) {
    if (error.message.includes('${failure}')) return res.status(400).json({ message: '${message}' });
    throw error;
  }
});`;

ruleTester.run('require-401-for-credential-failure: flows and records that are not the request credential', rule, {
  valid: [
    // A captcha token (Cloudflare Turnstile) missing is no credential of the caller.
    `import { BadRequestException } from '@nestjs/common';
    export class CaptchaService {
      async check(token: string) {
        if (!token) throw new BadRequestException('Turnstile token is required.');
      }
    }`,
    // An OAuth authorization code that fails at the token endpoint is answered 400 (RFC 6749 invalid_grant).
    `app.post('/oauth/token', async (req, res) => {
      const grant = await grants.take(req.body.code);
      if (!grant) return res.status(400).json({ message: 'Invalid authorization code' });
      res.json(await issueTokens(grant));
    });`,
    // A record found by the URL's id whose projection names a user name: no login, whatever fails after it.
    `router.get('/responses/:id', async (req, res) => {
      try {
        const response = await Responses.findOne({ where: { id: req.params.id }, populate: { respondent: { fields: ['username', 'phone'] } } });
        if (!response) return res.status(404).json({ message: 'Response not found' });
        res.json(response);
      } catch (error) {
        res.status(400).json({ message: 'Could not read the response' });
      }
    });`,
    // An OAuth sign-in under way: its authorization code expired at the provider, its PKCE verifier cookie gone.
    answeringFailure('/oauth/token', 'exchange(req.body.code)', 'Authorization code expired', 'The authorization code has expired. Please start again.'),
    `app.get('/oauth/callback', async (req, res) => {
      const codeVerifier = req.cookies.oauth_code_verifier;
      if (!codeVerifier) return res.status(400).json({ message: 'Missing code verifier' });
      res.json(await finishSignIn(req.query.code, codeVerifier));
    });`,
    // A table of handlers holds code: what the code reads (the session) is not the table's value.
    `const handlers = {
      'GET /': async (req, res) => {
        const session = await getServerSession(req, res, authOptions);
        if (!session) return res.status(401).setHeader('WWW-Authenticate', 'Bearer').end();
        res.json({});
      },
    };
    export default async function handle(req, res) {
      const handler = handlers[req.method + ' /'];
      if (handler) return handler(req, res);
      return res.status(405).json({ error: 'Method not allowed' });
    }`,
    // A field of a record found for the signed-in caller, given to a variable first: the record's gap.
    `router.get('/documents/:id/length', async (req, res) => {
      const session = await getServerSession(req, res, authOptions);
      const document = await prisma.document.findFirst({ where: { id: req.query.id, ownerId: session.user.id } });
      if (!document) return res.status(404).end();
      const length = document.versions[0]?.length || 0;
      if (!length) return res.status(400).json({ message: 'No length recorded' });
      res.json({ length });
    });`,
  ],
  invalid: [
    {
      // Near-miss: a bearer token missing in the same kind of service is the request's credential.
      code: `import { BadRequestException } from '@nestjs/common';
      export class TokenGuard {
        check(request: Request) {
          const token = request.headers.authorization;
          if (!token) throw new BadRequestException('Access token is required.');
        }
      }`,
      errors: [{ messageId: 'wrongStatusHeaderless' }],
    },
    {
      // Near-miss: a field of the request's own authentication given to a variable is the caller itself.
      code: `import Boom from '@hapi/boom';
      export function access(request) {
        const credentials = request.auth.credentials;
        if (!credentials) throw Boom.forbidden('Request is unauthenticated');
        return true;
      }`,
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
    {
      // Near-miss: the request's own access token expired is a credential, whatever flow it came from.
      code: answeringFailure('/me', 'profileFor(req.headers.authorization)', 'Access token expired', 'The access token has expired.'),
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
    {
      // Near-miss: an object holding the session as data still holds the caller.
      code: `export default async function handle(req, res) {
        const auth = { session: await getServerSession(req, res, authOptions) };
        if (!auth.session) return res.status(403).json({ error: 'Sign in first' });
        res.json({});
      }`,
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
    {
      // A lookup's projection is not what it finds by: this one finds by the e-mail the user typed, a login's.
      code: `app.post('/login', async (req, res) => {
        const account = await prisma.user.findUnique({ where: { email: req.body.email }, select: { id: true, password: true } });
        if (!account) return res.status(404).json({ message: 'No such account' });
        if (!(await bcrypt.compare(req.body.password, account.password))) return res.status(401).set('WWW-Authenticate', 'Basic').end();
        res.json({});
      });`,
      errors: [{ messageId: 'wrongStatus', suggestions: 1 }],
    },
  ],
});

/** A NestJS service method refusing with 410 once a looked-up record of kind `record` is past its lifetime. */
const expiringRecord = (record: string) => `import { GoneException, Injectable } from '@nestjs/common';
@Injectable()
export class AccountService {
  async validate(id: string): Promise<void> {
    const ${record} = await this.records.findById(id);
    if (Date.now() > new Date(${record}.createdAt).getTime() + ${record}.expirationTime) throw new GoneException();
  }
}`;

ruleTester.run('require-401-for-credential-failure: a password change or recovery request', rule, {
  valid: [
    // A request to change or recover a password that has expired is a one-time flow, answered 410 rightly.
    expiringRecord('changePassword'),
    expiringRecord('passwordRecovery'),
  ],
  invalid: [
    {
      // Near-miss: an expired session is the request's credential.
      code: expiringRecord('session'),
      errors: [{ messageId: 'wrongStatusHeaderless' }],
    },
  ],
});
