/**
 * Logins and refusals as real projects write them: the account found one of several ways (`let` assigned in
 * branches), Strapi's `ctx.internalServerError` for an unknown account, and the refusal's text kept in a message
 * catalogue (`ErrorMessage.TokenMissing`) or a constant (`TOKEN_MISSING`) of another module.
 */
import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';

const credentialRule = plugin.rules['require-401-for-credential-failure'];

/** A Strapi login finding the account by e-mail or by phone, answering its absence with `refusal`. */
function strapiLogin(refusal: string, checksPassword = true): string {
  return `module.exports = {
  async login(ctx) {
    let { handle, password } = ctx.request.body;
    handle = handle.trim();
    let account;
    if (handle.includes('@')) {
      account = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: handle } });
    } else {
      account = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { phone: handle } });
    }
    if (!account) return ${refusal};
${checksPassword ? `    const same = await strapi.plugin('users-permissions').service('user').validatePassword(password, account.password);
    if (!same) return ctx.unauthorized('Wrong password');
` : ''}    ctx.body = { account: account.id };
  },
};`;
}

/** An upload route refusing a request whose token a helper of another module found missing, with `body`. */
function upload(body: string, imports = "const { pickToken } = require('./tokens');"): string {
  return `${imports}
router.post('/upload', async (req, res) => {
  const token = pickToken(req);
  if (!token) return res.status(400).json(${body});
  res.json(await store(req.body));
});`;
}

ruleTester.run('login lookups: accounts found one of several ways, and catalogued messages', credentialRule, {
  valid: [
    // The same lookups with no password checked afterwards: a directory search, where 400 only says "no match".
    strapiLogin(`ctx.badRequest('No such member')`, false),
    // A variable that holds a lookup in one branch and a value of the request in the other is no login's account.
    `module.exports = {
  async login(ctx) {
    const { handle, password } = ctx.request.body;
    let account = ctx.state.cached;
    if (!account) account = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: handle } });
    if (!account) return ctx.badRequest('Nothing cached');
    if (!(await bcrypt.compare(password, account.password))) return ctx.unauthorized('Wrong password');
    ctx.body = { account: account.id };
  },
};`,
    // A 500 for the database failing during a login is a server error, not a verdict on the caller.
    `module.exports = {
  async login(ctx) {
    try {
      ctx.body = await strapi.service('api::session.session').open(ctx.request.body);
    } catch (error) {
      strapi.log.error(error);
      return ctx.internalServerError('The session store is unavailable');
    }
  },
};`,
    // A 500 in the catch of a login's lookup answers the database failing, whatever the try block looked up.
    `router.post('/login', async (req, res) => {
  try {
    const account = await Accounts.findOne({ email: req.body.email });
    if (!account || !(await bcrypt.compare(req.body.password, account.passwordHash))) {
      return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ message: 'Wrong e-mail or password' });
    }
    res.json({ token: issue(account) });
  } catch (error) {
    return res.status(500).json({ message: 'Try again later' });
  }
});`,
    // \`same === null\` where the comparison's rejection became null: the hashing library failed, a server error.
    `router.post('/login', async (req, res) => {
  const account = await Accounts.findOne({ email: req.body.email });
  if (!account) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();
  const same = await bcrypt.compare(req.body.password, account.passwordHash).catch(() => null);
  if (same === null) return res.status(500).end();
  if (!same) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();
  res.json({ token: issue(account) });
});`,
    // Deleting one's own account: the account found by the signed-in id and asked for its password again.
    `router.delete('/account', async (req, res) => {
  const { id } = res.locals.session;
  const account = await prisma.account.findUnique({ where: { id }, select: { password: true } });
  if (!account) return res.status(500).end();
  if (!(await argon2.verify(account.password, req.body.password))) return res.status(401).set('WWW-Authenticate', 'Basic realm="api"').end();
  await prisma.account.delete({ where: { id } });
  res.status(204).end();
});`,
    // The catalogue's entry speaks of the form, and \`!token\` alone only hints: no report.
    upload('{ message: ErrorMessage.FormIncomplete }'),
    // A member's name is a message's words only in a catalogue of messages or errors, not in settings.
    upload('{ message: settings.TokenMissing }'),
    // A constant whose name says nothing of a credential.
    upload('{ message: UPLOAD_REFUSED }'),
  ],
  invalid: [
    {
      code: strapiLogin(`ctx.badRequest('No such member')`),
      errors: [{ messageId: 'wrongStatus', line: 11, data: { status: 400, problem: 'a failed login', evidence: '!account', limitation: '' }, suggestions: 1 }],
    },
    {
      // Strapi's helper for 500 (`internalServerError`, the status's own name) answering an unknown account.
      code: strapiLogin(`ctx.internalServerError('No such member')`),
      errors: [{ messageId: 'wrongStatus', line: 11, data: { status: 500, problem: 'a failed login', evidence: '!account', limitation: '' }, suggestions: 1 }],
    },
    {
      // A Nitro login comparing the pair it was sent with the configured one, answering a mismatch as a server error.
      code: `export default defineEventHandler(async (event) => {
  const body = await readBody(event);
  const { username, passwordHash } = await loadAdminAccount();
  if (username === body.username && hash(body.password) === passwordHash) return { token: await issue(username) };
  throw createError({ statusCode: 500, statusMessage: 'Username or password is incorrect' });
});`,
      errors: [{ messageId: 'wrongStatus', line: 5, suggestions: 1 }],
    },
    {
      // The catalogue's entry names the missing token: with \`!token\`, two hints agree.
      code: upload('{ message: ErrorMessage.TokenMissing }'),
      errors: [{ messageId: 'wrongStatus', line: 4, data: { status: 400, problem: 'a missing credential', evidence: '!token, ErrorMessage.TokenMissing', limitation: '' }, suggestions: 1 }],
    },
    {
      // A constant named for the message, defined in another module, as the body or one of its fields.
      code: upload('{ error: TOKEN_MISSING }', "const { pickToken } = require('./tokens');\nconst { TOKEN_MISSING } = require('./messages');"),
      errors: [{ messageId: 'wrongStatus', line: 5, suggestions: 1 }],
    },
    {
      code: upload('TOKEN_MISSING', "const { pickToken } = require('./tokens');\nconst { TOKEN_MISSING } = require('./messages');"),
      errors: [{ messageId: 'wrongStatus', line: 5, suggestions: 1 }],
    },
  ],
});

/** A Koa middleware refusing with 403 when `test` holds, the token read from the Authorization header. */
const storeCheck = (test: string) => `module.exports = () => async (ctx, next) => {
  const token = (ctx.get('Authorization') || '').replace('Bearer ', '');
  if (!token) { ctx.set('WWW-Authenticate', 'Bearer realm="api"'); ctx.status = 401; return; }
  if (${test}) { ctx.status = 403; ctx.body = { message: 'Refused' }; return; }
  await next();
};`;

ruleTester.run('login lookups: a token looked up in a store', credentialRule, {
  valid: [
    // A lock of the order, not the token, found in the store: a conflict of state.
    storeCheck('(await redis.exists(`lock:${ctx.params.orderId}`)) === 1'),
    // The token's count compared with a limit is a rate, not a verdict on the token.
    storeCheck('token.length > 4096'),
  ],
  invalid: [
    {
      // On the deny list (signed out): a revoked credential.
      code: storeCheck('(await redis.exists(token)) === 1'),
      errors: [{ messageId: 'wrongStatus', line: 4, data: { status: 403, problem: 'an invalid credential', evidence: '(await redis.exists(token)) === 1', limitation: '' }, suggestions: 1 }],
    },
    {
      // Missing from the allow list: an unknown credential.
      code: storeCheck('(await redis.sismember("sessions", token)) === 0'),
      errors: [{ messageId: 'wrongStatus', line: 4, suggestions: 1 }],
    },
  ],
});

/** A Feathers method confirming the account's password before changing its e-mail, refusing with `details`. */
const confirmBeforeChange = (details: string) => `const { BadRequest } = require('@feathersjs/errors');
module.exports = async function changeEmail(users, id, password, email) {
  const account = await users.get(id);
  try {
    await comparePasswords(password, account.password);
  } catch (error) {
    throw new BadRequest('Password is incorrect.', ${details});
  }
  return users.patch(id, { email });
};`;

ruleTester.run('login lookups: the same words said twice are one hint', credentialRule, {
  valid: [
    // The message and its copy for the form field: one hint, not enough to call it a failed login.
    confirmBeforeChange("{ errors: { password: 'Password is incorrect.' } }"),
  ],
  invalid: [
    {
      // Two different sayings of a failed login agree.
      code: confirmBeforeChange("{ errors: { password: 'Wrong password' } }"),
      errors: [{ messageId: 'wrongStatusHeaderless', line: 7 }],
    },
  ],
});
