/**
 * A password login's own account: the record looked up by the login's e-mail or user name and then checked
 * against its stored password. Its absence is a failed login, also when answered 404 (which tells the caller which
 * accounts exist), and a promise's `.then` callback holds what the lookup or the comparison resolved to.
 */
import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { wrongStatusSuggesting401 } from '../suggested-fix';

const credentialRule = plugin.rules['require-401-for-credential-failure'];
const BEARER = `'Bearer realm="api"'`;

const LOGIN = `router.post('/login', async (req, res) => {
  const account = await Accounts.findOne({ email: req.body.email });
  if (!account) return res.status(404).json({ message: 'Unknown e-mail' });
  if (!(await bcrypt.compare(req.body.password, account.password))) return res.status(401).json({ message: 'Wrong password' });
  res.json({ token: issue(account) });
});`;

const SIGNIN = `router.post('/signin', (req, res) => {
  const { handle, password } = req.body;
  Users.findOne({ where: { handle } }).then((found) => {
    if (!found) return res.status(404).json({ message: 'No user' });
    return bcrypt.compare(password, found.hashedPassword).then((same) => {
      if (same) return res.json({ token: sign(found.id) });
      return res.status(403).json({ message: 'Try again' });
    });
  });
});`;

/** SIGNIN with its line \`line\` (1-based) replaced. */
function signinFixed(line: number, replacement: string): string {
  const lines = SIGNIN.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

ruleTester.run('login accounts: an account a password login looked up', credentialRule, {
  valid: [
    // A profile looked up by a name of the URL: no password is checked, so 404 is only "no such profile".
    `router.get('/people/:handle', async (req, res) => {
  const person = await People.findOne({ handle: req.params.handle });
  if (!person) return res.status(404).json({ message: 'No such person' });
  res.json(person.publicProfile());
});`,
    // The signed-in user confirming the current password before a change: a re-authentication, not a login.
    `router.post('/password', async (req, res) => {
  const member = await Members.findById(req.user.id);
  if (!member) return res.status(404).json({ message: 'Member gone' });
  const same = await bcrypt.compare(req.body.currentPassword, member.passwordHash);
  if (!same) return res.status(400).json({ message: 'Current password is wrong' });
  res.sendStatus(204);
});`,
    // An API key's record checked against a hash: the key is a credential, its record no account of a login.
    `async function keyGate(req, res, next) {
  const presented = req.get('x-api-key');
  const stored = await keys.findByPrefix(presented.slice(0, 6));
  if (!stored || !safeEqual(digest(presented), stored.hash)) return res.status(404).end();
  next();
}`,
    // 404 for a token's user: it may hide that the resource exists, and stays the server's choice.
    `async function loadOwner(req, res, next) {
  const claims = jwt.verify(req.headers.authorization.slice(7), secret);
  const owner = await Owners.findById(claims.sub);
  if (!owner) return res.status(404).json({ message: 'Unknown owner' });
  next();
}`,
    // A fetch's response in a \`.then\` callback is no credential: its failure says nothing about the caller.
    `router.get('/weather', (req, res) => {
  fetch(forecastUrl).then((reply) => {
    if (!reply.ok) return res.status(403).json({ message: 'Forecast unavailable' });
    return reply.json().then((body) => res.json(body));
  });
});`,
    // Listed in allowedStatuses, 404 is left alone at a login too.
    {
      code: LOGIN,
      options: [{ allowedStatuses: [401, 404, 407, 429] }],
    },
    // Handed a password, but it is no authentication function: a sign-up refusing a weak password.
    `const createError = require('http-errors');
module.exports.register = function (user, password, done) {
  if (password.length < 8) return done(createError(403, 'bad user name or password'));
  done(null, true);
};`,
    // An authentication function handed a password, refusing for another reason.
    `const createError = require('http-errors');
module.exports.authenticate = function (user, password, done) {
  if (closedForMaintenance) return done(createError(403, 'sign-in is closed today'));
  done(null, [user]);
};`,
  ],
  invalid: [
    {
      // An authentication plug-in handed the user name and password: a refusal that says the pair is wrong is a failed login.
      code: `const createError = require('http-errors');
module.exports.authenticate = function (user, password, done) {
  if (!knownPairs.has(user + ':' + password)) return done(createError(403, 'bad user name or password'));
  done(null, [user]);
};`,
      errors: [{ messageId: 'wrongStatus', line: 3, suggestions: 1 }],
    },
    {
      // A type assertion around the account (TypeScript) keeps it the account whose password is checked.
      code: `import type { Context } from '@oak/oak';
export async function signIn(ctx: Context) {
  const { username, password } = await ctx.request.body.json();
  const member = await members.findOne({ username });
  if (!member) {
    ctx.response.status = 422;
    return;
  }
  if (!(await bcrypt.compare(password, (member as Member).passwordHash))) {
    ctx.response.status = 422;
    return;
  }
  ctx.response.body = { token: await issue(member) };
}`,
      errors: [
        { messageId: 'wrongStatus', line: 6, data: { status: 422, problem: 'a failed login', evidence: '!member', limitation: '' }, suggestions: 1 },
        { messageId: 'wrongStatus', line: 10, suggestions: 1 },
      ],
    },
    {
      code: LOGIN,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 3,
          suggestions: [
            {
              messageId: 'respond401',
              output: `router.post('/login', async (req, res) => {
  const account = await Accounts.findOne({ email: req.body.email });
  if (!account) return res.status(401).set('WWW-Authenticate', ${BEARER}).json({ message: 'Unknown e-mail' });
  if (!(await bcrypt.compare(req.body.password, account.password))) return res.status(401).json({ message: 'Wrong password' });
  res.json({ token: issue(account) });
});`,
            },
          ],
        },
      ],
    },
    {
      // The account's own password method, in a service function handed the login's fields.
      code: `exports.signIn = async ({ email, password }) => {
  const shop = await Shops.findOne({ email });
  if (!shop) throw createError.BadRequest(email + ' is not registered');
  if (!(await shop.matchesPassword(password))) throw createError.Unauthorized('Wrong e-mail or password');
  return tokensFor(shop);
};`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 3,
          data: { status: 400, problem: 'a failed login', evidence: '!shop', limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `exports.signIn = async ({ email, password }) => {
  const shop = await Shops.findOne({ email });
  if (!shop) throw createError(401, email + ' is not registered', { headers: { 'WWW-Authenticate': ${BEARER} } });
  if (!(await shop.matchesPassword(password))) throw createError.Unauthorized('Wrong e-mail or password');
  return tokensFor(shop);
};`,
            },
          ],
        },
      ],
    },
    {
      // Lookup and comparison both resolve in \`.then\` callbacks.
      code: SIGNIN,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          data: { status: 404, problem: 'a failed login', evidence: '!found', limitation: '' },
          suggestions: [{ messageId: 'respond401', output: signinFixed(4, `    if (!found) return res.status(401).set('WWW-Authenticate', ${BEARER}).json({ message: 'No user' });`) }],
        },
        {
          messageId: 'wrongStatus',
          line: 7,
          data: { status: 403, problem: 'a failed login', evidence: 'same failed an earlier check', limitation: '' },
          suggestions: [{ messageId: 'respond401', output: signinFixed(7, `      return res.status(401).set('WWW-Authenticate', ${BEARER}).json({ message: 'Try again' });`) }],
        },
      ],
    },
  ],
});

ruleTester.run('login accounts: the words of password checks', credentialRule, {
  valid: [
    // A password-strength check handed its rules is a sign-up's format rule, 400 is right.
    `router.post('/register', async (req, res) => {
  const strong = checkPasswordRules({ password: req.body.password, minLength: 10, requireDigit: true });
  if (!strong) return res.status(400).json({ message: 'Choose a longer password with a digit' });
  res.status(201).json(await Users.create(req.body));
});`,
    // A record selected by its id and not found: 404 is right.
    `router.get('/orders/:id', async (req, res) => {
  const order = await selectOrderById(req.params.id);
  if (!order) return res.status(404).json({ message: 'No such order' });
  res.json(order);
});`,
    // Neither way in was offered: a request that lacks its fields, 400 is right.
    `router.post('/login', async (req, res) => {
  if (!req.body.password && !req.body.providerSubject) return res.status(400).json({ message: 'Nothing to sign in with' });
  res.sendStatus(204);
});`,
    // An e-mail verification, named so, is not a login.
    `router.post('/verify', async (req, res) => {
  const done = await emailVerification(req.body.code);
  if (!done) return res.status(400).json({ message: 'That code is not valid' });
  res.sendStatus(204);
});`,
  ],
  invalid: [
    {
      // An account selected by the login's phone number, then checked against the password sent: its absence is a failed login.
      code: `router.post('/sign-in', async (req, res) => {
  const account = await selectAccountByPhone(req.body.phone);
  if (!account) return res.status(404).json({ message: 'Unknown phone number' });
  if (!verifyPass(req.body.password, account.password)) return res.status(401).json({ message: 'Wrong password' });
  res.json({ token: issue(account) });
});`,
      errors: [{ messageId: 'wrongStatus', line: 3, suggestions: [{ messageId: 'respond401', output: `router.post('/sign-in', async (req, res) => {
  const account = await selectAccountByPhone(req.body.phone);
  if (!account) return res.status(401).set('WWW-Authenticate', ${BEARER}).json({ message: 'Unknown phone number' });
  if (!verifyPass(req.body.password, account.password)) return res.status(401).json({ message: 'Wrong password' });
  res.json({ token: issue(account) });
});` }] }],
    },
    {
      // The password failed and no other way in (a social login's subject) was offered: the login failed.
      code: `router.post('/login', async (req, res) => {
  const { email, password, providerSubject } = req.body;
  const account = await Users.findOne({ email });
  const matches = password ? await bcrypt.compare(password, account.passwordHash) : false;
  if (!matches && !providerSubject) return res.status(400).json({ message: 'Try again' });
  res.json({ token: issue(account) });
});`,
      errors: [{ messageId: 'wrongStatus', line: 5, suggestions: [{ messageId: 'respond401', output: `router.post('/login', async (req, res) => {
  const { email, password, providerSubject } = req.body;
  const account = await Users.findOne({ email });
  const matches = password ? await bcrypt.compare(password, account.passwordHash) : false;
  if (!matches && !providerSubject) return res.status(401).set('WWW-Authenticate', ${BEARER}).json({ message: 'Try again' });
  res.json({ token: issue(account) });
});` }] }],
    },
    {
      // A "verification" of the stored hash against the password sent is the login's check.
      code: `router.post('/login', async (req, res) => {
  const account = await Users.findOne({ email: req.body.email });
  const matches = await hashVerification(account.passwordHash, req.body.password);
  if (!matches) return res.status(400).json({ message: 'Try again' });
  res.json({ token: issue(account) });
});`,
      errors: [
        wrongStatusSuggesting401(
          4,
          `router.post('/login', async (req, res) => {
  const account = await Users.findOne({ email: req.body.email });
  const matches = await hashVerification(account.passwordHash, req.body.password);
  if (!matches) return res.status(401).set('WWW-Authenticate', ${BEARER}).json({ message: 'Try again' });
  res.json({ token: issue(account) });
});`,
        ),
      ],
    },
  ],
});
