import assert from 'node:assert/strict';
import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport, lintWithAllRules, lintWithOptions, memberListRoute } from './lint-helpers';

const rule = plugin.rules['require-403-for-permission-denial'];

/** One report, its one suggestion giving `output`. */
const respond403 = (output: string) => [{ messageId: 'permissionDenial' as const, suggestions: [{ messageId: 'respond403' as const, output }] }];

/** A Koa handler refusing a board the caller is not a member of, and a column they did not create. */
const renameColumn = (board: number, column: number) => `async function renameColumn(ctx) {
  const board = await boards.getBoardForMember(ctx.params.boardId);
  if (!board) return ctx.throw(${board}, 'Not on this board');
  const column = await Columns.findOne({ where: { id: ctx.params.id, creator_id: ctx.session.userInfo.id } });
  if (!column) return ctx.throw(${column}, 'Not your column');
}`;

const VALID = [
  // A missing session, a missing token, a failed verification: credential failures, 401 is right.
  `function requireLogin(req, res, next) { if (!req.user) return res.status(401).json({ message: 'Not logged in' }); next(); }`,
  `function auth(req, res, next) {
    const token = req.headers.authorization?.split(' ')[1];
    if (!token) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'No token provided' });
    jwt.verify(token, secret, (err, decoded) => {
      if (err) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').end();
      req.user = decoded;
      next();
    });
  }`,
  `function auth(req, res, next) {
    try { req.user = jwt.verify(req.cookies.token, secret); next(); }
    catch (err) { res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }); res.end(); }
  }`,
  // Role, ownership and permission checks answered 403: right.
  `function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(403).json({ message: 'Admins only' }); next(); }`,
  `app.delete('/posts/:id', async (req, res) => { const post = await Post.findById(req.params.id); if (post.userId !== req.user.id) return res.sendStatus(403); });`,
  `function canWrite(req, res, next) { if (!req.auth.scopes.includes('posts:write')) return next(createError(403, 'Insufficient scope')); next(); }`,
  // Unknown reasons stay silent.
  `function handler(req, res) { if (!found) return res.status(401).end(); }`,
  `function handler(req, res) { return res.status(401).json({ error: 'You are not authorized to delete this' }); }`,
  // `req.user` was set by the authenticating middleware before: its absence beside a role check only restates it.
  `function gate(req, res, next) { if (!req.user || req.user.role !== 'admin') return res.status(401).end(); next(); }`,
  `module.exports = (req, res, next) => { if (req.isAuthenticated() && req.user.role == 'admin') return next(); return res.status(401).json({ error: 'no' }); };`,
  // A missing user AND a setting for anonymous callers: nobody is known, so no right was denied.
  `function gate(req, res, next) { if (!req.user && !settings.allowAnonymous) return res.status(401).end(); next(); }`,
  // Not a response: a test assertion near a role.
  `it('rejects non-admins', async () => { const user = { role: 'viewer' }; if (user.role !== 'admin') expect(res.status).toBe(401); });`,
  // An API key's or a token's state is about the credential: 401 is right.
  `async function apiKeyAuth(req, res, next) {
    const apiKey = await ApiKey.findOne({ key: req.headers['x-api-key'] });
    if (!apiKey || apiKey.status !== 'active') return res.status(401).set('WWW-Authenticate', 'ApiKey').end();
    next();
  }`,
  // The token's subject against the stored user: a credential check, not ownership.
  `function check(req, res, next, payload, user) { if (payload.user !== user.id) return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end(); next(); }`,
  // A user looked up from the token and not found: an invalid credential.
  `async function auth(req, res, next) {
    const decoded = jwt.verify(req.headers.authorization.split(' ')[1], secret);
    const user = await User.findById(decoded.id);
    if (!user) return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').json({ message: 'User not found' });
    next();
  }`,
  // Other statuses are other rules' business.
  `function isAdmin(req, res, next) { if (!req.user.isAdmin) return res.status(404).end(); next(); }`,
  // The caller's own account looked up by their id: not finding it says nothing of a right.
  `async function profile(ctx) {
  const account = await Accounts.findOne({ where: { id: ctx.state.user.id, active: true } });
  if (!account) return ctx.unauthorized('Sign in again');
  ctx.body = account;
}`,
  // A record looked up by its id alone: not finding it is no permission's answer.
  `async function show(ctx) {
  const invoice = await Invoices.findOne({ where: { id: ctx.params.id } });
  if (!invoice) return ctx.unauthorized('No such invoice');
  ctx.body = invoice;
}`,
  // Whether a route needs authentication is its setting, not a right of the caller: a revoked token there is the
  // credential's failure.
  `async function gate(ctx, next) {
  const permissions = await routes.settingsFor(ctx.path);
  if (permissions.authentication === 'required' && (await revokedTokens.has(ctx.get('authorization')))) return ctx.throw(401, 'Token revoked');
  await next();
}`,
  // A one-time flow's name outweighs a token checked in it: an invitation link's token is no request credential.
  `async function acceptInvitation(req, res) {
  try {
    jwt.verify(req.params.token, INVITES_KEY);
  } catch {
    return res.status(401).json({ error: 'This invitation expired' });
  }
}`,
];

ruleTester.run('require-403-for-permission-denial', rule, {
  valid: VALID,
  invalid: [
    {
      // The record of the request looked up among the caller's own: not finding it means it is not theirs.
      code: `async function rename(ctx) {
  const board = await Boards.findOne({ where: { id: ctx.params.id, ownerId: ctx.state.user.id } });
  if (!board) return ctx.unauthorized('You cannot rename this board');
  ctx.body = await board.update({ name: ctx.request.body.name });
}`,
      errors: respond403(`async function rename(ctx) {
  const board = await Boards.findOne({ where: { id: ctx.params.id, ownerId: ctx.state.user.id } });
  if (!board) return ctx.forbidden('You cannot rename this board');
  ctx.body = await board.update({ name: ctx.request.body.name });
}`),
    },
    {
      // Looked up by a finder named for the caller's memberships, or with the caller's id as its owner field.
      code: renameColumn(401, 401),
      errors: [
        { messageId: 'permissionDenial', line: 3, suggestions: [{ messageId: 'respond403', output: renameColumn(403, 401) }] },
        { messageId: 'permissionDenial', line: 5, suggestions: [{ messageId: 'respond403', output: renameColumn(401, 403) }] },
      ],
    },
    {
      // A role check is decisive where the handler's name (an order's confirmation) or its words (enabling MFA) only
      // hint at a one-time flow: no such flow checks a role.
      code: `async function orderConfirmationStats(req, res) {
  if (req.user.role !== 'admin') return res.status(401).json({ message: 'Only admins can enable MFA reports' });
  res.json(await stats());
}`,
      errors: respond403(`async function orderConfirmationStats(req, res) {
  if (req.user.role !== 'admin') return res.status(403).json({ message: 'Only admins can enable MFA reports' });
  res.json(await stats());
}`),
    },
    {
      // Either alternative sends the 401, and the session is fetched right here: the role half is a permission
      // denial, and no fix can split the check.
      code: `import { getToken } from 'next-auth/jwt';
import { NextResponse } from 'next/server';
export async function DELETE(req) {
  const token = await getToken({ req });
  if (!token || token.role !== 'Admin') return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
}`,
      errors: [
        {
          messageId: 'splitDenial',
          line: 5,
          data: { denial: "token.role !== 'Admin'", problem: 'a missing credential', evidence: '!token' },
          suggestions: [],
        },
      ],
    },
    {
      code: `import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.create(); const adminProcedure = t.procedure.use(async ({ next }) => { const session = await auth(); if (!session || session.user.role !== 'ADMIN') throw new TRPCError({ code: 'UNAUTHORIZED' }); return next(); });`,
      errors: [{ messageId: 'splitDenialCode', data: { written: "'UNAUTHORIZED'", permission: "'FORBIDDEN'", denial: "session.user.role !== 'ADMIN'", problem: 'a missing credential', evidence: '!session' }, suggestions: [] }],
    },
    {
      code: `function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(401).json({ message: 'Admins only' }); next(); }`,
      errors: [
        {
          messageId: 'permissionDenial',
          data: { evidence: "req.user.role !== 'admin', 'Admins only'" },
          line: 1,
          suggestions: [
            {
              desc: 'Respond 403 (a permission denial)',
              output: `function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(403).json({ message: 'Admins only' }); next(); }`,
            },
          ],
        },
      ],
    },
    {
      // Ownership: the post's owner against the caller; the now-pointless challenge in the same chain goes too.
      code: `router.delete('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.userId !== req.user.id) {
    return res
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="api"')
      .json({ error: 'Not authorized to delete this post' });
  }
  await post.deleteOne();
});`,
      errors: [
        {
          messageId: 'permissionDenial',
          line: 5,
          suggestions: [
            {
              messageId: 'respond403',
              output: `router.delete('/posts/:id', async (req, res) => {
  const post = await Post.findById(req.params.id);
  if (post.userId !== req.user.id) {
    return res
      .status(403)
      .json({ error: 'Not authorized to delete this post' });
  }
  await post.deleteOne();
});`,
            },
          ],
        },
      ],
    },
    {
      // The header set before the status in the same chain.
      code: `function perms(req, res, next) { if (!req.user.permissions.includes('billing:read')) return res.set('WWW-Authenticate', 'Bearer').status(401).send('Permission denied'); next(); }`,
      errors: respond403(
        `function perms(req, res, next) { if (!req.user.permissions.includes('billing:read')) return res.status(403).send('Permission denied'); next(); }`,
      ),
    },
    {
      // The object form of res.set keeps its other headers.
      code: `function staffOnly(req, res, next) { if (!req.user.isStaff) return res.status(401).set({ 'WWW-Authenticate': 'Bearer', 'Cache-Control': 'no-store' }).end(); next(); }`,
      errors: respond403(
        `function staffOnly(req, res, next) { if (!req.user.isStaff) return res.status(403).set({ 'Cache-Control': 'no-store' }).end(); next(); }`,
      ),
    },
    {
      // sendStatus after a scope check.
      code: `function requireScope(req, res, next) { if (!req.auth.scopes.includes('admin:write')) return res.sendStatus(401); next(); }`,
      errors: respond403(`function requireScope(req, res, next) { if (!req.auth.scopes.includes('admin:write')) return res.sendStatus(403); next(); }`),
    },
    {
      // node:http writeHead: the header property is removed, the others stay.
      code: `function handle(req, res, user) {
  if (user.banned) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="api"', 'Content-Type': 'text/plain' });
    return res.end('Account banned');
  }
}`,
      errors: respond403(`function handle(req, res, user) {
  if (user.banned) {
    res.writeHead(403, { 'Content-Type': 'text/plain' });
    return res.end('Account banned');
  }
}`),
    },
    {
      // writeHead with the challenge as its only header: the headers argument goes.
      code: `function handle(req, res, user) { if (user.suspended) { res.writeHead(401, { 'www-authenticate': 'Bearer' }); res.end('Account suspended'); } }`,
      errors: respond403(`function handle(req, res, user) { if (user.suspended) { res.writeHead(403); res.end('Account suspended'); } }`),
    },
    {
      // res.statusCode = 401 for a non-admin.
      code: `function admin(req, res) { if (!req.user.isAdmin) { res.statusCode = 401; res.end('Admins only'); return; } }`,
      errors: respond403(`function admin(req, res) { if (!req.user.isAdmin) { res.statusCode = 403; res.end('Admins only'); return; } }`),
    },
    {
      // http-errors: the options object held only the headers, so it goes.
      code: `import createError from 'http-errors';
function canDelete(req, res, next) {
  if (!req.user.permissions.includes('posts:delete')) return next(createError(401, 'Permission denied', { headers: { 'WWW-Authenticate': 'Bearer' } }));
  next();
}`,
      errors: respond403(`import createError from 'http-errors';
function canDelete(req, res, next) {
  if (!req.user.permissions.includes('posts:delete')) return next(createError(403, 'Permission denied'));
  next();
}`),
    },
    {
      // http-errors: other properties stay.
      code: `import createError from 'http-errors';
function owner(req, res, next) { if (req.params.userId !== req.user.id) return next(createError(401, 'Not the owner', { expose: true, headers: { 'WWW-Authenticate': 'Bearer' } })); next(); }`,
      errors: respond403(`import createError from 'http-errors';
function owner(req, res, next) { if (req.params.userId !== req.user.id) return next(createError(403, 'Not the owner', { expose: true })); next(); }`),
    },
    {
      // Named http-errors class.
      code: `import createError from 'http-errors';
function moderatorsOnly(req, res, next) { if (req.user.role !== 'moderator') throw new createError.Unauthorized('Moderators only'); next(); }`,
      errors: respond403(`import createError from 'http-errors';
function moderatorsOnly(req, res, next) { if (req.user.role !== 'moderator') throw new createError.Forbidden('Moderators only'); next(); }`),
    },
    {
      // An error object handed to next() with its own headers.
      code: `function adminOnly(req, res, next) { if (!req.user.roles.includes('admin')) return next({ status: 401, message: 'Admins only', headers: { 'WWW-Authenticate': 'Bearer' } }); next(); }`,
      errors: respond403(`function adminOnly(req, res, next) { if (!req.user.roles.includes('admin')) return next({ status: 403, message: 'Admins only' }); next(); }`),
    },
    {
      // Status constants keep their form.
      code: `import { StatusCodes } from 'http-status-codes';
function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(StatusCodes.UNAUTHORIZED).json({ message: 'Forbidden' }); next(); }`,
      errors: respond403(`import { StatusCodes } from 'http-status-codes';
function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(StatusCodes.FORBIDDEN).json({ message: 'Forbidden' }); next(); }`),
    },
    {
      // A header set in its own statement cannot be dropped safely: only the status changes (403 needs no challenge).
      code: `function isAdmin(req, res, next) {
  if (req.user.role !== 'admin') {
    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    return res.status(401).end();
  }
  next();
}`,
      errors: respond403(`function isAdmin(req, res, next) {
  if (req.user.role !== 'admin') {
    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    return res.status(403).end();
  }
  next();
}`),
    },
    {
      // RFC 6750 insufficient_scope still means something on a 403: kept.
      code: `function requireScope(req, res, next) { if (!req.auth.scopes.includes('orders:write')) return res.status(401).set('WWW-Authenticate', 'Bearer error="insufficient_scope", scope="orders:write"').end(); next(); }`,
      errors: respond403(
        `function requireScope(req, res, next) { if (!req.auth.scopes.includes('orders:write')) return res.status(403).set('WWW-Authenticate', 'Bearer error="insufficient_scope", scope="orders:write"').end(); next(); }`,
      ),
    },
    {
      // A middleware named after the state it blocks (not an account-activation flow).
      code: `function blockDeactivated(req, res, next) { if (req.account.deactivated) return res.status(401).send({ error: 'Account deactivated by an administrator' }); next(); }`,
      errors: respond403(
        `function blockDeactivated(req, res, next) { if (req.account.deactivated) return res.status(403).send({ error: 'Account deactivated by an administrator' }); next(); }`,
      ),
    },
    {
      // An account state compared with a string, and a "verify your email" message: a policy refusal after login.
      code: `async function signin(req, res) {
  const user = await User.findOne({ username: req.body.username });
  if (user.status !== 'Active') return res.status(401).send({ message: 'Pending Account. Please Verify Your Email!' });
}`,
      errors: [{ messageId: 'permissionDenial', data: { evidence: "user.status !== 'Active', 'Pending Account. Please Verify Your Email!'" }, suggestions: 1 }],
    },
    {
      // A value computed from the caller's roles.
      code: `const verifyRoles = (...allowedRoles) => (req, res, next) => {
  const rolesArray = [...allowedRoles];
  const result = req.roles.map((role) => rolesArray.includes(role)).find((val) => val === true);
  if (!result) return res.sendStatus(401);
  next();
};`,
      errors: [
        {
          messageId: 'permissionDenial',
          data: { evidence: 'req.roles' },
          line: 4,
          suggestions: [
            {
              messageId: 'respond403',
              output: `const verifyRoles = (...allowedRoles) => (req, res, next) => {
  const rolesArray = [...allowedRoles];
  const result = req.roles.map((role) => rolesArray.includes(role)).find((val) => val === true);
  if (!result) return res.sendStatus(403);
  next();
};`,
            },
          ],
        },
      ],
    },
    {
      // Mongoose ids compared as strings: the review's author against the caller.
      code: `const deleteReview = asyncHandler(async (req, res) => {
  const review = await Review.findById(req.params.reviewId);
  if (review.user.toString() !== req.user._id.toString()) {
    res.status(401);
    throw new Error('User not authorized to delete this review');
  }
});`,
      errors: [{ messageId: 'permissionDenial', data: { evidence: 'review.user.toString() !== req.user._id.toStr…' }, line: 4, suggestions: 1 }],
    },
    {
      // Mongoose ObjectId.equals.
      code: `async function update(req, res) { const post = await Post.findById(req.params.id); if (!post.author.equals(req.user._id)) return res.status(401).json({ message: 'Not your post' }); }`,
      errors: respond403(
        `async function update(req, res) { const post = await Post.findById(req.params.id); if (!post.author.equals(req.user._id)) return res.status(403).json({ message: 'Not your post' }); }`,
      ),
    },
    {
      // autofix applies the change with --fix.
      code: `function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(401).end(); next(); }`,
      options: [{ autofix: true }],
      output: `function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(403).end(); next(); }`,
      errors: [{ messageId: 'permissionDenial', suggestions: 1 }],
    },
  ],
});

jsRuleTester.run('require-403-for-permission-denial (espree)', rule, {
  valid: [`module.exports = (req, res, next) => { if (!req.session.userId) return res.status(401).send('Please log in'); next(); };`],
  invalid: [
    {
      code: `module.exports = function verified(req, res, next) {
  if (!req.user.emailVerified) return res.status(401).json({ error: 'Email not verified' });
  next();
};`,
      errors: [{ messageId: 'permissionDenial', line: 2, suggestions: 1 }],
    },
  ],
});

// The signed-in caller's own id as a JWT subject, a maintainer list, and the caller looked up among a resource's members.
jsRuleTester.run('require-403-for-permission-denial: subject ids and membership lists', rule, {
  valid: [
    // Near-miss: the subject of a token decoded here is the credential's own data, not a known caller.
    `exports.put = (req, res) => { const decoded = jwt.decode(req.headers.authorization); if (req.params.userId !== decoded.sub) return res.status(401).end(); };`,
    // Near-miss: a list of keys searched for the request's own key is a credential check, not a right.
    `exports.add = function (req, res) {
  var key = req.headers['x-api-key'];
  var match = allowedKeys.filter(function (item) { return item.value === key; });
  if (match.length === 0) return res.status(401).set('WWW-Authenticate', 'ApiKey').end();
};`,
    // Near-miss: reassigned to something that is no lookup of the caller, the count says nothing about a right.
    `exports.add = function (req, res) {
  var match = maintainers.filter(function (item) { return item.name === req.session.name; });
  if (req.query.all) match = [];
  if (match.length === 0) return res.status(401).end();
};`,
    // Near-miss: a list named for a right, but searched for a body field, not for the signed-in caller.
    `exports.add = function (req, res) {
  var match = maintainers.filter(function (item) { return item.name === req.body.name; });
  if (match.length === 0) return res.status(401).end();
};`,
  ],
  invalid: [
    {
      code: `exports.put = (req, res) => {
  if (req.params.userId !== req.user.sub) {
    return res.status(401).send();
  }
};`,
      errors: [{ messageId: 'permissionDenial', line: 3, suggestions: 1 }],
    },
    {
      code: `exports.remove = (req, res) => {
  Playlist.findById(req.params.playlistId).then((playlist) => {
    if (playlist.user._id != req.user.sub) return res.status(401).send();
    return playlist.remove();
  });
};`,
      errors: [{ messageId: 'permissionDenial', line: 3, suggestions: 1 }],
    },
    {
      code: `exports.add = function (req, res) {
  var username = req.session.name;
  var match = mod.maintainers.filter(function (item) {
    return item.name === username;
  });
  if (match.length === 0) return res.status(401).json({ error: 'noperms' });
};`,
      errors: [{ messageId: 'permissionDenial', line: 6, suggestions: 1 }],
    },
    {
      // The variable is given another lookup later: every value it holds searches the maintainers for the caller.
      code: `exports.add = function (req, res) {
  var username = req.session.name;
  var match = req.body.maintainers.filter(function (item) { return item.name === username; });
  if (match.length === 0) return res.status(401).json({ error: 'noperms' });
  Module.get(req.params.name, function (err, mod) {
    match = mod.maintainers.filter(function (item) { return item.name === username; });
    if (match.length === 0) return res.status(403).json({ error: 'noperms' });
  });
};`,
      errors: [{ messageId: 'permissionDenial', line: 4, suggestions: 1 }],
    },
    {
      code: `exports.updateTag = function* (next) {
  if (!common.isMaintainer(this.user, mod.maintainers)) {
    this.status = 401;
    return;
  }
};`,
      errors: [{ messageId: 'permissionDenial', line: 3, suggestions: 1 }],
    },
  ],
});

// Rights read off what the credential identified: an organization's subscription, a key's read-only flag, a token's scope.
ruleTester.run('require-403-for-permission-denial: rights of the identified caller', rule, {
  valid: [
    // Near-miss: the organization itself not found for the key is an invalid credential, 401 is right.
    `export async function use(req: any, res: any, next: any) {
  const org = await orgs.getOrgByApiKey(req.headers.authorization);
  if (!org) return res.status(401).set('WWW-Authenticate', 'ApiKey').json({ msg: 'Invalid API key' });
  next();
}`,
    // Near-miss: an authorization check of the request alone may be its authentication: a name never decides.
    `export function gate(req: any, res: any) { if (!isAuthorized(req)) return res.status(401).end(); }`,
    `export function gate(req: any, res: any) { const token = req.headers.authorization; if (!isAuthorized(token, 'read')) return res.status(401).end(); }`,
    // Near-miss: an environment switch beside a missing token: the token is the reason, 401 is right.
    `export function gate(req: any, res: any) { if (process.env.REQUIRE_AUTH && !req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer').end(); }`,
    // Near-miss: a read-only switch of the server's configuration is nobody's right.
    `export function guard(req: any, res: any) { if (config.readOnly) return res.status(401).end(); }`,
    // Near-miss: the scope handed to a verifier of the token is part of verifying it.
    `export function guard(req: any, res: any) { const payload = decode(req.headers.authorization); if (!verifyToken(req.headers.authorization, payload.scope)) return res.status(401).set('WWW-Authenticate', 'Bearer').end(); }`,
  ],
  invalid: [
    {
      code: `export async function use(req: any, res: any, next: any) {
  const org = await orgs.getOrgByApiKey(req.headers.authorization);
  if (!org) return res.status(401).set('WWW-Authenticate', 'ApiKey').json({ msg: 'Invalid API key' });
  if (!org.subscription) return res.status(401).json({ msg: 'No subscription found' });
  next();
}`,
      errors: [{ messageId: 'permissionDenial', line: 4, suggestions: 1 }],
    },
    {
      code: `export function handle(this: any, request: any, response: any, state: any) {
  if (!this.authenticators[0].authenticateRequest(request, response, state)) return;
  if (!this.isAuthorized(state.authorizationType, state.authenticatedUsername)) {
    response.writeHead(401, 'not authorized to access this wiki');
    response.end();
  }
}`,
      errors: [{ messageId: 'permissionDenial', line: 4, suggestions: 1 }],
    },
    {
      // Billing switched on by the environment: the setting is nobody's right (nor a webhook), the subscription is.
      code: `export async function use(req: any, res: any, next: any) {
  const org = await orgs.getOrgByApiKey(req.headers.authorization);
  if (!!process.env.STRIPE_SECRET_KEY && !org.subscription) return res.status(401).json({ msg: 'No subscription found' });
  next();
}`,
      errors: [{ messageId: 'permissionDenial', line: 3, suggestions: 1 }],
    },
    {
      code: `export function requireWriteKey(ctx: any, res: any) {
  if (ctx.key?.readOnly) return res.status(401).json({ msg: 'This key can only read' });
}`,
      errors: [{ messageId: 'permissionDenial', line: 2, suggestions: 1 }],
    },
    {
      code: `export function gate(req: any, res: any, next: any) {
  const payload = jwt.verify(req.headers.authorization, secret);
  let scope = payload.scope;
  if (payload.role === 'code') scope = 'oauth:readwrite';
  if (!scopeAllowsRequest(scope, req)) return res.status(401).send('out of scope');
  next();
}`,
      errors: [{ messageId: 'permissionDenial', line: 5, suggestions: 1 }],
    },
  ],
});

describe('require-403-for-permission-denial with every rule on', () => {
  it('is the only report on a 401 for a permission denial (require-www-authenticate stays quiet)', () => {
    const messages = lintWithAllRules(`function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(401).end(); next(); }`);
    assert.deepEqual(messages.map((message) => message.ruleId), ['auth-status/require-403-for-permission-denial']);
  });

  for (const code of [
    `function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(401).set('WWW-Authenticate', 'Bearer').json({ message: 'Admins only' }); next(); }`,
    `function isAdmin(req, res, next) { if (req.user.role !== 'admin') { res.setHeader('WWW-Authenticate', 'Bearer'); return res.status(401).end(); } next(); }`,
    `function handle(req, res, user) { if (user.banned) { res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }); return res.end(); } }`,
    `import createError from 'http-errors';\nfunction f(req, res, next) { if (!req.user.permissions.includes('x')) return next(createError(401, 'Permission denied', { headers: { 'WWW-Authenticate': 'Bearer' } })); }`,
    `import createError from 'http-errors';\nfunction f(req, res, next) { if (req.user.role !== 'admin') throw new createError.Unauthorized('Admins only'); }`,
  ]) {
    it(`leaves no report from any rule after the suggestion: ${code.slice(0, 90)}…`, () => {
      assertSuggestionsLeaveNoNewReport(code, 'auth-status/require-403-for-permission-denial');
    });
  }
});

describe('require-403-for-permission-denial options schema', () => {
  for (const [label, options, pattern] of [
    ['autofix given as a string', { autofix: 'yes' }, /should be boolean/],
    ['an unknown option', { status: 403 }, /should NOT have additional properties/],
  ] as const) {
    it(`rejects ${label} with a clear message`, () => {
      assert.throws(() => lintWithOptions('require-403-for-permission-denial', options), pattern);
    });
  }
});

/** A document route refusing with `status` when `test` holds. */
const documentRoute = (test: string, status: number) => `router.get('/documents/:id', authenticate, async (req, res) => {
  const doc = await Documents.findById(req.params.id);
  if (${test}) return res.status(${status}).json({ message: 'Refused' });
  res.json(doc);
});`;

ruleTester.run('require-403-for-permission-denial: the caller searched for in a list of a record', rule, {
  valid: [
    // The same search in a list of revoked sessions is a credential's failure, not a denial.
    documentRoute('revokedSessions.includes(req.session.id)', 401),
    // The caller's id compared with nothing: a missing identity, answered 401.
    documentRoute('!req.user.id', 401),
    // A value object compared by its method, but no identity in it: a state, not a denial.
    documentRoute("!doc.state.equals('published')", 401),
    // A detail of the signed-in user's profile missing is no membership.
    documentRoute('!req.user.nickname', 401),
  ],
  invalid: [
    {
      // Whatever the list is called, the caller's id missing from it refuses a known identity.
      code: documentRoute('!doc.sharedWith.includes(req.user.id)', 401),
      errors: respond403(documentRoute('!doc.sharedWith.includes(req.user.id)', 403)),
    },
    {
      // The signed-in user acts for no organization: a membership the request lacks.
      code: documentRoute('!req.user.orgId', 401),
      errors: respond403(documentRoute('!req.user.orgId', 403)),
    },
    {
      // A Mongoose ObjectId compared with the caller's by its \`equals\` method.
      code: documentRoute('!doc.author.equals(req.user._id)', 401),
      errors: respond403(documentRoute('!doc.author.equals(req.user._id)', 403)),
    },
    {
      code: documentRoute('!doc.readers.includes(req.user.id) && !doc.editors.has(req.user.sub)', 401),
      errors: [{ messageId: 'permissionDenial', suggestions: 1 }],
    },
  ],
});

ruleTester.run('require-403-for-permission-denial: a list of the signed-in member', rule, {
  valid: [
    // Near-miss: the member's list of keys lacks the key the request presents, a credential that fails: 401 is right.
    memberListRoute("!apiKeys.includes(req.headers['x-api-key'])", 401),
  ],
  invalid: [
    {
      // The member's own list lacks the environment the request names: a right of a known caller.
      code: memberListRoute('!accessedEnvironments.includes(req.params.id)', 401),
      errors: respond403(memberListRoute('!accessedEnvironments.includes(req.params.id)', 403)),
    },
    {
      // The same question kept in a flag first.
      code: `router.get('/environments/:id', authenticate, async (req, res) => {
        const { accessedEnvironments } = await Members.findByUserId(req.user.id);
        const reachable = accessedEnvironments.some((id) => id === req.params.id);
        if (!reachable) return res.status(401).json({ message: 'Refused' });
        res.json({});
      });`,
      errors: [{ messageId: 'permissionDenial', suggestions: 1 }],
    },
  ],
});

ruleTester.run('require-403-for-permission-denial: the caller id kept under a name of its own', rule, {
  valid: [
    // Near-miss: the alias holds the URL's id, so the lookup is anybody's record and its absence no denial.
    `router.delete('/posts/:id', authenticate, async (req, res) => {
      const authorId = req.params.authorId;
      const post = await Post.findOne({ _id: req.params.id, author: authorId });
      if (!post) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ message: 'No such post' });
      res.json({});
    });`,
  ],
  invalid: [
    {
      code: `router.delete('/posts/:id', authenticate, async (req, res) => {
        const userId = req.user.id;
        const post = await Post.findOne({ _id: req.params.id, author: userId });
        if (!post) return res.status(401).json({ message: 'Not your post' });
        res.json({});
      });`,
      errors: [{ messageId: 'permissionDenial', suggestions: 1 }],
    },
  ],
});

/** An authentication helper throwing its own error class with status 401, named `className`. */
const guardThrowing = (className: string, message: string) => `class ${className} extends Error {
  constructor(message) { super(message); this.status = 401; }
}
export async function authenticate(ctx, guard) {
  if (await guard.check()) return guard.user;
  throw new ${className}('${message}');
}`;

ruleTester.run('require-403-for-permission-denial: an error class named for 401 itself', rule, {
  valid: [
    // `E_UNAUTHORIZED_ACCESS` (AdonisJS' name): "unauthorized" is the 401 status's own name, not a denied right.
    guardThrowing('E_UNAUTHORIZED_ACCESS', 'Unauthorized access'),
    guardThrowing('UnauthenticatedAccessError', 'Sign in first'),
  ],
  invalid: [
    {
      // Near-miss: a class named for access denied is a permission refusal, answered 401.
      code: guardThrowing('E_ACCESS_DENIED', 'Access refused'),
      errors: [{ messageId: 'permissionDenial', suggestions: 1 }],
    },
  ],
});
