/**
 * Shapes met in real code, each with the near-miss that must stay silent: failure by fall-through, the
 * re-authentication of a logged-in user, requests signed by another system, and a guard's success path.
 */
import assert from 'node:assert/strict';
import plugin from 'eslint-plugin-auth-status';
import { lintWithAllRules } from './lint-helpers';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credentialRule = plugin.rules['require-401-for-credential-failure'];
const challengeRule = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;

ruleTester.run('fall-through: the statements before an unguarded response', credentialRule, {
  valid: [
    // The earlier exit passes admins; what falls through is a known user without the role.
    `function adminsOnly(req, res, next) {
  if (req.user.isAdmin) return next();
  return res.status(403).send('Administrators only');
}`,
    // A condition of its own stands between: the earlier exit no longer explains this response.
    `function preview(req, res, next) {
  if (req.session.userId) return next();
  if (req.query.draft) return res.status(403).end();
  next();
}`,
    // The earlier branch does not leave, so nothing is known where the response is sent.
    `function audit(req, res) {
  if (req.session.userId) { log(req.session.userId); }
  return res.status(403).end();
}`,
    // An earlier `else` makes it a branch, not a fall-through; the other arm is judged on its own.
    `function relay(req, res, next) {
  if (req.session.userId) { return next(); } else { queue.push(req.url); }
  return res.status(403).end();
}`,
  ],
  invalid: [
    {
      code: `function requireLogin(req, res, next) {
  if (req.session.userId) return next();
  return res.status(403).send('Please log in');
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 3,
          data: {
            status: 403,
            problem: 'a missing credential',
            evidence: "req.session.userId failed an earlier check, 'Please log in'",
            limitation: '',
          },
          suggestions: [
            {
              messageId: 'respond401',
              output: `function requireLogin(req, res, next) {
  if (req.session.userId) return next();
  return res.status(401).set('WWW-Authenticate', ${BEARER}).send('Please log in');
}`,
            },
          ],
        },
      ],
    },
    {
      // The exit is a block ending in `return`; the response has no message, so the check alone decides.
      code: `function requireSession(req, res, next) {
  if (req.session.user) {
    res.locals.user = req.session.user;
    return next();
  }
  res.sendStatus(403);
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          suggestions: [
            {
              messageId: 'respond401',
              output: `function requireSession(req, res, next) {
  if (req.session.user) {
    res.locals.user = req.session.user;
    return next();
  }
  res.set('WWW-Authenticate', ${BEARER}).sendStatus(401);
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('re-authentication of a logged-in user is not a login', credentialRule, {
  valid: [
    `router.put('/password', async (req, res) => {
  const matches = await bcrypt.compare(req.body.oldPassword, req.user.passwordHash);
  if (!matches) return res.status(400).json({ message: 'Wrong password' });
});`,
    `router.delete('/account', async (req, res) => {
  const confirmed = await argon2.verify(req.user.hash, req.body.current_password);
  if (!confirmed) return res.status(403).json({ message: 'Password is incorrect' });
});`,
  ],
  invalid: [
    {
      // The same check at sign-in, on the password the form just sent, is a failed login.
      code: `app.post('/session', async (req, res) => { const user = await users.byEmail(req.body.email); if (!(await argon2.verify(user.hash, req.body.password))) return res.status(403).json({ message: 'Password is incorrect' }); });`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'a failed login', evidence: "!(await argon2.verify(user.hash, req.body.pas…, 'Password is incorrect'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `app.post('/session', async (req, res) => { const user = await users.byEmail(req.body.email); if (!(await argon2.verify(user.hash, req.body.password))) return res.status(401).set('WWW-Authenticate', ${BEARER}).json({ message: 'Password is incorrect' }); });`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('requests signed by another system get no challenge', challengeRule, {
  valid: [
    `app.post('/hooks/chat', (req, res) => {
  if (!verifyRequestSignature(req)) return res.status(401).send('bad request signature');
  res.sendStatus(200);
});`,
    `export async function POST(request) {
  const signature = request.headers.get('x-hub-signature-256');
  if (!hmacMatches(signature, await request.text())) return new Response('Unauthorized', { status: 401 });
  return new Response('ok');
}`,
  ],
  invalid: withSuggestedFix([
    {
      // The same shape checking the caller's own bearer token needs its challenge.
      code: `app.post('/notes', (req, res) => {
  if (!verifyToken(req.headers.authorization)) return res.status(401).send('invalid token');
});`,
      errors: [{ messageId: 'missingChallenge', line: 2 }],
      output: `app.post('/notes', (req, res) => {
  if (!verifyToken(req.headers.authorization)) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').send('invalid token');
});`,
    },
  ]),
});

ruleTester.run('a guard returning a throwing verifier succeeds or throws', credentialRule, {
  valid: [
    `import { Injectable } from '@nestjs/common';
@Injectable()
export class SocketTokenGuard {
  constructor(private readonly jwtService: JwtService) {}
  canActivate(context) {
    const token = context.switchToWs().getClient().handshake.headers.authorization;
    return this.jwtService.verify(token);
  }
}`,
  ],
  invalid: [
    {
      // A project check that returns false for a bad token makes Nest answer 403.
      code: `import { Injectable } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard {
  canActivate(context) {
    const key = context.switchToHttp().getRequest().headers['x-api-key'];
    return this.keys.isValidApiKey(key);
  }
}`,
      errors: [{ messageId: 'wrongStatusHeaderless', line: 6 }],
    },
  ],
});

/**
 * Pairs from the shapes of public code: each reported case next to its look-alike that must stay silent. `reports`
 * lists every auth-status report of the file as `rule@line`; `quotes` are texts the first report must cite.
 */
interface Shape {
  name: string;
  code: string;
  reports: string[];
  quotes?: string[];
}

const SHAPES: Shape[] = [
  {
    name: 'an absence predicate: true when the session has no user',
    code: `app.get('/me', (req, res) => {
  if (_.isUndefined(req.session.userId)) return res.status(403).json({ error: 'log in' });
});`,
    reports: ['require-401-for-credential-failure@2'],
    quotes: ['_.isUndefined(req.session.userId)'],
  },
  {
    name: 'an absence predicate negated: the session has a user, the 400 is about a parameter',
    code: `app.get('/stats', (req, res) => {
  if (!_.isUndefined(req.session.userId)) {
    if (!req.query.period) return res.status(400).json({ error: 'period is required' });
  }
});`,
    reports: [],
  },
  {
    name: 'a field of an object literal is read from where that field came from: the header',
    code: `app.post('/import', (req, res) => {
  const input = { token: req.headers.authorization, name: req.body.name };
  if (!input.token) return res.status(403).json({ error: 'no' });
});`,
    reports: ['require-401-for-credential-failure@3'],
  },
  {
    name: 'a field of an object literal is read from where that field came from: the body, not the user beside it',
    code: `app.post('/folders', async (req, res) => {
  const data = { user: req.user.sub, name: req.body.name || undefined };
  if (!data.name) return res.status(422).json({ error: 'Missing required field' });
});`,
    reports: [],
  },
  {
    name: 'a message and a function name alone do not decide',
    code: `async function authorize(job) {
  const valids = await Promise.all(job.resources.map((resource) => check(job.user, resource)));
  if (!valids.includes(true)) throw Boom.forbidden('Invalid credentials');
}`,
    reports: [],
  },
  {
    name: 'the same message with the credential check behind it decides',
    code: `async function authenticate(request, h) {
  const key = request.headers['x-api-key'];
  if (!(await keys.isValidApiKey(key))) throw Boom.forbidden('Invalid credentials');
}`,
    reports: ['require-401-for-credential-failure@3'],
  },
  {
    name: "a Passport strategy's payload claim that does not match is an invalid credential, not a permission denial",
    code: `import { UnauthorizedException } from '@nestjs/common';
export class JwtStrategy extends PassportStrategy(Strategy) {
  async validate(payload) {
    if (payload.type !== TokenType.ACCESS) throw new UnauthorizedException();
    const session = await this.sessions.findActiveById(payload.sessionId);
    if (!session || session.userId !== payload.sub) throw new UnauthorizedException();
    return { userId: payload.sub };
  }
}`,
    reports: ['require-www-authenticate@4', 'require-www-authenticate@6'],
  },
  {
    name: "a role claim checked in a Passport strategy is a permission denial",
    code: `import { UnauthorizedException } from '@nestjs/common';
export class AdminStrategy extends PassportStrategy(Strategy, 'admin') {
  async validate(payload) {
    if (payload.role !== 'admin') throw new UnauthorizedException('Administrators only');
    return payload;
  }
}`,
    reports: ['require-403-for-permission-denial@4'],
  },
  {
    name: 'an Authorization header that does not split into scheme and credentials',
    code: `function bearer(req, res, next) {
  const authorization = req.headers.authorization;
  if (authorization == null) return next();
  const parts = authorization.split(' ');
  if (parts.length !== 2) return res.status(400).send('bad authorization header');
  next();
}`,
    reports: ['require-401-for-credential-failure@5'],
    quotes: ['parts.length !== 2'],
  },
  {
    name: 'a name that does not split into first and last is a form error',
    code: `app.post('/profile', (req, res) => {
  const parts = req.body.fullName.split(' ');
  if (parts.length !== 2) return res.status(400).send('enter a first and a last name');
});`,
    reports: [],
  },
  {
    name: "bcrypt's callback at a login: the password does not match",
    code: `router.post('/login', (req, res) => {
  bcrypt.compare(req.body.password, account.hash, (err, same) => {
    if (same) return res.json({ token: sign(account) });
    res.status(403).json({ message: 'Password incorrect' });
  });
});`,
    reports: ['require-401-for-credential-failure@4'],
    quotes: ['same of bcrypt.compare'],
  },
  {
    name: "bcrypt's callback confirming the current password of a logged-in user",
    code: `router.put('/password', (req, res) => {
  bcrypt.compare(req.body.currentPassword, req.user.hash, (err, same) => {
    if (!same) return res.status(403).json({ message: 'Password incorrect' });
    res.sendStatus(204);
  });
});`,
    reports: [],
  },
  {
    name: 'a header read by a configured name that says what it holds',
    code: `export const firebaseAuth = (config) => async (c, next) => {
  const authorization = c.req.raw.headers.get(config.authorizationHeaderKey);
  if (authorization === null) return c.text('authorization header is empty', 400);
  await next();
};`,
    reports: ['require-401-for-credential-failure@3'],
  },
  {
    name: 'a header read by a configured name that does not',
    code: `export const tenant = (config) => async (c, next) => {
  const tenantId = c.req.raw.headers.get(config.tenantHeaderKey);
  if (tenantId === null) return c.text('tenant header is empty', 400);
  await next();
};`,
    reports: [],
  },
  {
    name: 'a custom token header',
    code: `export async function upload({ request, response }) {
  const token = request.header('x-upload-token');
  if (!token) return response.status(403).send({ message: 'Upload token missing' });
}`,
    reports: ['require-401-for-credential-failure@3'],
  },
  {
    name: 'a custom header that is no credential',
    code: `export async function upload({ request, response }) {
  const checksum = request.header('x-upload-checksum');
  if (!checksum) return response.status(400).send({ message: 'Checksum missing' });
}`,
    reports: [],
  },
  {
    name: "a Nest parameter read from the Authorization header",
    code: `@Controller('orders')
export class OrdersController {
  @Post('import')
  import(@Headers('authorization') authorization: string, @Res() res) {
    if (!authorization) return res.status(HttpStatus.FORBIDDEN).json({ message: 'Authorization header missing' });
  }
}`,
    reports: ['require-401-for-credential-failure@5'],
  },
  {
    name: 'a LoopBack login body without its fields is a validation error',
    code: `export class UserController {
  @post('/users/login')
  async login(@requestBody() credentials: Credentials) {
    if (!credentials.email || !credentials.password) throw new HttpErrors.BadRequest('email and password are required');
  }
}`,
    reports: [],
  },
  {
    name: "Hono's context holds the signed-in session",
    code: `api.use('/rpc/*', async (c, next) => {
  const session = c.get('session');
  if (!session) return c.json({ error: 'not signed in' }, 400);
  await next();
});`,
    reports: ['require-401-for-credential-failure@3'],
  },
  {
    name: "Hono's context holding something else",
    code: `api.use('/rpc/*', async (c, next) => {
  const locale = c.get('locale');
  if (!locale) return c.json({ error: 'no locale' }, 400);
  await next();
});`,
    reports: [],
  },
  {
    name: 'a verifier built by fast-jwt, failing with its expiry code',
    code: `import { createVerifier, TokenError } from 'fast-jwt';
const verify = createVerifier({ key: process.env.KEY });
app.addHook('onRequest', async (request, reply) => {
  try {
    request.user = await verify(request.headers.authorization.slice(7));
  } catch (error) {
    if (error.code === TokenError.codes.expired) return reply.code(498).send({ message: 'Token expired' });
  }
});`,
    reports: ['require-401-for-credential-failure@7'],
  },
  {
    name: 'a flag of a verified token',
    code: `import { json } from '@sveltejs/kit';
export async function GET({ request }) {
  const pat = await verifyPersonalAccessToken(request.headers.get('authorization').slice(6));
  if (pat.expired) return json({ message: 'Token expired' }, { status: 403 });
}`,
    reports: ['require-401-for-credential-failure@4'],
  },
  {
    name: 'the same flag on a record that is no credential',
    code: `import { json } from '@sveltejs/kit';
export async function GET({ params }) {
  const coupon = await coupons.byCode(params.code);
  if (coupon.expired) return json({ message: 'Coupon expired' }, { status: 410 });
}`,
    reports: [],
  },
  {
    name: "a webhook verifier's verdict, read through a variable, gets no challenge",
    code: `export default async function handler(req, res) {
  const hooks = new Webhooks({ secret: process.env.HOOK_SECRET });
  const verified = await hooks.verify(JSON.stringify(req.body), req.headers['x-hub-signature-256']);
  if (!verified) return res.status(401).json({ message: 'Unauthorized' });
}`,
    reports: [],
  },
  {
    name: "a verifier's verdict on the caller's own token needs one",
    code: `export default async function handler(req, res) {
  const verified = await verifyToken(req.headers.authorization);
  if (!verified) return res.status(401).json({ message: 'Unauthorized' });
}`,
    reports: ['require-www-authenticate@3'],
  },
  {
    name: "a token read from an h3 request body is a one-time token",
    code: `import { createError, defineEventHandler, readBody } from 'h3';
export default defineEventHandler(async (event) => {
  const { token } = await readBody(event);
  if (!token) throw createError({ statusCode: 400, statusMessage: 'Missing token!' });
});`,
    reports: [],
  },
  {
    name: 'the same check on the Authorization header',
    code: `import { createError, defineEventHandler, getRequestHeader } from 'h3';
export default defineEventHandler(async (event) => {
  const token = getRequestHeader(event, 'authorization');
  if (!token) throw createError({ statusCode: 400, statusMessage: 'Missing token!' });
});`,
    reports: ['require-401-for-credential-failure@4'],
  },
  {
    name: 'the viewer is the signed-in identity, not a role: its absence is a credential failure',
    code: `app.get('/feed', async (req, res) => {
  const viewer = await sessionFromBearer(req.headers.authorization);
  if (viewer === null) return res.status(401).json({ error: 'Session token not accepted' });
});`,
    reports: ['require-www-authenticate@3'],
  },
  {
    name: 'a role named viewer is still a role',
    code: `app.delete('/posts/:id', (req, res) => {
  if (req.user.role === 'viewer') return res.status(401).json({ error: 'Viewers cannot delete posts' });
});`,
    reports: ['require-403-for-permission-denial@2'],
  },
  {
    name: "an API-key strategy's plan check on the partner it found is a permission check",
    code: `import { ForbiddenException } from '@nestjs/common';
export class PartnerKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, 'partner') {
  async validate(presentedKey, done) {
    const partner = await this.partners.lookup(presentedKey);
    if (!partner.products.includes('catalogue')) return done(new ForbiddenException('Your contract does not include this API'));
    return done(null, partner);
  }
}`,
    reports: [],
  },
  {
    name: "a server's own setting is not the caller's right",
    code: `export function headerAuth(state, req, res) {
  const username = req.headers[state.authHeaderName];
  if (!username && !state.settings.allowAnonymous) return res.status(401).end('Sign in first');
}`,
    reports: ['require-www-authenticate@3'],
  },
  {
    name: "the caller's own flag is",
    code: `export function adminOnly(req, res, next) {
  if (!req.user.isAdmin) return res.status(401).end('Administrators only');
  next();
}`,
    reports: ['require-403-for-permission-denial@2'],
  },
  {
    name: 'scopes that are not there at all say nobody signed in, not that a scope is missing',
    code: `export function gate(req, res, next) {
  const scopes = scopesOf(req);
  if (!scopes) return res.status(401).json({ error: 'Unauthorized' });
  next();
}`,
    reports: ['require-www-authenticate@3'],
  },
  {
    name: 'the caller looked up among the members of a team',
    code: `export default async function handler(req, res) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).setHeader('WWW-Authenticate', 'Bearer').end();
  const teamMember = await prisma.userTeam.findUnique({ where: { userId: session.user.id, teamId: req.query.teamId } });
  if (!teamMember) return res.status(401).json({ message: 'Unauthorized' });
}`,
    reports: ['require-403-for-permission-denial@5'],
  },
  {
    name: 'one 401 for a missing user and a disabled one: the missing user is reason enough',
    code: `import { UnauthorizedException } from '@nestjs/common';
export async function login(users, dto) {
  const user = await users.findByEmail(dto.email);
  if (!user || isUserDisabled(user)) throw new UnauthorizedException('Email or password is incorrect');
}`,
    reports: ['require-www-authenticate@4'],
  },
  // ---- a project function's result is not its arguments --------------------------------------------------
  {
    name: "a project check over request fields is no identity because the same object holds the user's id",
    code: `exports.create = async (req, res) => {
  const data = { owner: req.user.sub, feeds: req.body.feeds || [] };
  if (!(await feedsExist(data.feeds))) return res.status(422).json({ error: 'Unknown feed id' });
};`,
    reports: [],
  },
  {
    name: "what a project function makes of the Authorization header is the credential's verdict",
    code: `async function gate(req, res, next) {
  const token = req.headers.authorization;
  const account = await resolveAccount(token);
  if (!account) return res.status(403).json({ error: 'Not signed in' });
  next();
}`,
    reports: ['require-401-for-credential-failure@4'],
  },
  {
    name: 'a record looked up for the signed-in user is no credential',
    code: `import { TRPCError } from '@trpc/server';
export const spaceProcedure = privateProcedure.use(async ({ ctx, next }) => {
  const space = await activeSpaceFor(ctx.user.id);
  if (!space) throw new TRPCError({ code: 'FORBIDDEN', message: 'No active space' });
  return next({ ctx: { space } });
});`,
    reports: [],
  },
  {
    name: "a verdict a project function gives on the caller's rights is a permission check",
    code: `async function canEditTeam(server, request) {
  const result = await request.policies.isUserAuthorized({ userId: request.auth.credentials.id, action: 'team:edit' });
  if (!getProperty(result, 'access')) throw Boom.forbidden('Not enough permissions');
}`,
    reports: [],
  },
  // ---- one-time tokens of the URL and the body ------------------------------------------------------------
  {
    name: 'a token from the URL compared with a stored one is a one-time link, not the credential',
    code: `import { error } from '@sveltejs/kit';
export async function GET({ url, locals }) {
  const linkToken = url.searchParams.get('token');
  const stored = await redis.hget('verify-tokens', locals.email);
  if (stored !== linkToken) throw error(403, 'invalid token');
}`,
    reports: [],
  },
  {
    name: 'the API key header compared with the configured one is the credential',
    code: `export async function GET(request) {
  const apiKey = request.headers.get('x-api-key');
  if (apiKey !== process.env.API_KEY) return new Response('bad key', { status: 403 });
}`,
    reports: ['require-401-for-credential-failure@3'],
  },
  {
    name: "a token record found by a payload's token expires as a one-time token, not as a credential",
    code: `import { BadRequestException } from '@nestjs/common';
export class TokensService {
  async redeem(dto: RedeemTokenDto) {
    const userToken = await this.tokens.findById(dto.token);
    if (!userToken || userToken.expiresAt < new Date()) throw new BadRequestException('Invalid or expired token');
  }
}`,
    reports: [],
  },
  {
    name: "a session record found by the session cookie expires as the credential",
    code: `async function sessionGate(req, res, next) {
  const session = await Sessions.findById(req.cookies.sid);
  if (!session || session.expiresAt < new Date()) return res.status(400).json({ error: 'Session expired' });
  next();
}`,
    reports: ['require-401-for-credential-failure@3'],
  },
  {
    name: 'a login through a payload type: one answer for an unknown and a disabled account is a login failure',
    code: `import { UnauthorizedException } from '@nestjs/common';
export class AuthService {
  async login(input: LoginDto) {
    const account = await this.accounts.findByEmail(input.email);
    if (!account || account.disabled) throw new UnauthorizedException('Wrong email or password');
  }
}`,
    reports: ['require-www-authenticate@5'],
  },
  // ---- flags that stand for a condition, and settings that are nobody's right --------------------------------
  {
    name: 'a flag that stands for "nobody signed in" decides like the check it holds',
    code: `import { TRPCError } from '@trpc/server';
export const needsUser = middleware(async ({ ctx, next }) => {
  const anonymous = !ctx.user || ctx.user.isGuest;
  if (anonymous) throw new TRPCError({ code: 'FORBIDDEN', message: 'Sign in first' });
  return next();
});`,
    reports: ['require-401-for-credential-failure@4'],
  },
  {
    name: "a flag that stands for the caller's role decides like the role check",
    code: `import { TRPCError } from '@trpc/server';
export const adminOnly = middleware(async ({ ctx, next }) => {
  const isAdmin = ctx.user.role === 'admin';
  if (!isAdmin) throw new TRPCError({ code: 'FORBIDDEN', message: 'Admins only' });
  return next();
});`,
    reports: [],
  },
  {
    name: "a module's feature switch beside a missing user is a setting, not a permission denial",
    code: `import { TRPCError } from '@trpc/server';
const quickCreateEnabled = process.env.QUICK_CREATE === 'on';
export const maybePublic = middleware(async ({ ctx, next }) => {
  if (!ctx.user && !quickCreateEnabled) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Login is required' });
  return next();
});`,
    reports: [],
  },
  {
    name: "a flag of the signed-in user beside the same words is a permission denial",
    code: `import { TRPCError } from '@trpc/server';
export const creators = middleware(async ({ ctx, next }) => {
  if (!ctx.user.quickCreateEnabled) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Not for your plan' });
  return next();
});`,
    reports: ['require-403-for-permission-denial@3'],
  },
  {
    name: 'a trusted header absent while anonymous access is off: the 401 is right and wants its challenge',
    code: `Authenticator.prototype.check = function (request, response, state) {
  var name = request.headers['x-remote-user'];
  if (!name && !state.allowAnonymous) {
    response.writeHead(401, 'Login required for ' + state.serverName);
    response.end();
    return false;
  }
  return true;
};`,
    reports: ['require-www-authenticate@4'],
  },
  {
    name: "the token's own team compared with the path's is the token's binding, not a right",
    code: `import { HTTPException } from 'hono/http-exception';
export const fileGate = async (c, next) => {
  const tokenTeamId = await verifyFileKey(c.req.query('fk'));
  if (!tokenTeamId || tokenTeamId !== c.req.param('teamId')) throw new HTTPException(401, { message: 'Invalid file key' });
  await next();
};`,
    reports: ['require-www-authenticate@4'],
  },
  {
    name: "the signed-in user's team compared with the path's is a permission check",
    code: `import { HTTPException } from 'hono/http-exception';
export const teamGate = async (c, next) => {
  const user = c.get('user');
  if (user.teamId !== c.req.param('teamId')) throw new HTTPException(401, { message: 'Not in this team' });
  await next();
};`,
    reports: ['require-403-for-permission-denial@4'],
  },
  // ---- statuses that never reach the client ----------------------------------------------------------------
  {
    name: "a 401 replaced by Express' redirect is never sent",
    code: `module.exports = function (req, res, next) {
  if (req.session && req.session.userId) return next();
  if (req.wantsJSON) return res.status(401).json({ error: 'unauthorized' });
  return res.status(401).redirect('/login');
};`,
    reports: ['require-www-authenticate@3'],
  },
  {
    name: 'a Hono response built and dropped sends nothing; the one returned is sent',
    code: `import { verify } from 'hono/jwt';
export async function checkJwt(c, next) {
  const token = c.req.header('Authorization')?.split(' ')[1];
  if (!token) return c.json({ error: 'No token provided' }, 401);
  const payload = await verify(token, c.env.SECRET);
  if (!payload.exp) {
    c.json({ error: 'token has no expiry' }, 401);
  }
  await next();
}`,
    reports: ['require-www-authenticate@4'],
  },
  {
    name: 'a Fetch Response built as a statement of its own is not the answer',
    code: `export async function GET(request) {
  if (!request.headers.get('authorization')) {
    new Response('Unauthorized', { status: 401 });
  }
  return new Response('ok');
}`,
    reports: [],
  },
  {
    name: "what a credentials provider's authorize throws is caught by the auth library",
    code: `import CredentialsProvider from 'next-auth/providers/credentials';
import { createError } from 'h3';
export default NuxtAuthHandler({
  providers: [
    CredentialsProvider.default({
      async authorize(credentials) {
        const user = await Users.findOne({ email: credentials.email });
        if (!user || !(await user.checkPassword(credentials.password))) {
          throw createError({ statusCode: 401, statusMessage: 'Invalid credentials' });
        }
        return user;
      },
    }),
  ],
});`,
    reports: [],
  },
  {
    name: 'the same throw in an ordinary h3 handler is the response',
    code: `import { createError, defineEventHandler, readBody } from 'h3';
export default defineEventHandler(async (event) => {
  const credentials = await readBody(event);
  const user = await Users.findOne({ email: credentials.email });
  if (!user || !(await user.checkPassword(credentials.password))) {
    throw createError({ statusCode: 401, statusMessage: 'Invalid credentials' });
  }
  return user;
});`,
    reports: ['require-www-authenticate@6'],
  },
  {
    name: "a passport guard that swallows the strategy's failure answers 403 through Nest, not passport's 401",
    code: passportGuardCatching('return false;'),
    reports: ['require-401-for-credential-failure@9'],
  },
  {
    name: "a passport guard that rethrows keeps passport's bare 401",
    code: passportGuardCatching('this.logger.warn(error); throw error;'),
    reports: ['require-www-authenticate@4'],
  },
  {
    name: 'a rejected signature of a message another system signed is left alone',
    code: `function onLogoutPush(request, response, config) {
  const token = new Token(request.body);
  new Signature(config).verify(token).then(() => response.send('ok')).catch((err) => {
    response.status(401).end(err.message);
  });
}`,
    reports: [],
  },
  {
    name: "a rejected verification of the caller's token answers the credential",
    code: `function gate(req, res, next) {
  const token = req.headers.authorization;
  verifyToken(token).then((claims) => { req.user = claims; next(); }).catch(() => {
    res.status(403).json({ error: 'Forbidden' });
  });
}`,
    reports: ['require-401-for-credential-failure@4'],
  },
  // ---- a variable given its value in a branch ------------------------------------------------------------
  {
    name: 'a token taken from the Authorization header in a branch is still the credential',
    code: `function requireToken(method) {
  return function (req, res) {
    var match = (req.headers.authorization || '').match(/token\\s+(\\S+)/);
    var token;
    if (match !== null) token = match[1];
    if (token === this.authToken) return method.apply(this, arguments);
    res.writeHead(403);
    res.end();
  };
}`,
    reports: ['require-401-for-credential-failure@7'],
  },
  {
    name: 'an id taken from the route in a branch is no credential',
    code: `function requireOwner(method) {
  return function (req, res) {
    var id;
    if (req.params) id = req.params.id;
    if (id === this.ownerId) return method.apply(this, arguments);
    res.writeHead(403);
    res.end();
  };
}`,
    reports: [],
  },
  // ---- a field of a known identity ---------------------------------------------------------------------------
  {
    name: "a field of the signed-in user that is missing is the record's gap, not a missing credential",
    code: `module.exports = () => async (context) => {
  const { user } = context.params;
  if (!user) throw new NotAuthenticated('Sign in first');
  if (!user.roomId) return context.res.status(400).json({ error: 'Join a room first' });
  return context;
};`,
    reports: [],
  },
  {
    name: 'the id of the signed-in user that is missing is the missing identity',
    code: `function requireUser(req, res, next) {
  if (!req.user.id) return res.status(400).json({ error: 'Not signed in' });
  next();
}`,
    reports: ['require-401-for-credential-failure@2'],
  },
  // ---- a record not found inside a credential branch ----------------------------------------------------------
  {
    name: 'a record not found inside the no-token branch answers its own absence, not the token',
    code: `export async function POST(req) {
  let bearer = req.headers.get('authorization');
  if (!bearer) {
    const workspace = await db.workspaces.findFirst({ where: { orgId: req.nextUrl.searchParams.get('org') } });
    if (!workspace) return Response.json({ error: 'Workspace not found.' }, { status: 403 });
    bearer = await mintToken(workspace.id);
  }
  return fetch(upstream, { headers: { authorization: bearer } });
}`,
    reports: [],
  },
  {
    name: 'an unrelated condition inside the no-token branch still answers the missing token',
    code: `export async function POST(req) {
  const bearer = req.headers.get('authorization');
  if (!bearer) {
    if (req.headers.get('accept') === 'application/json') return Response.json({ error: 'Sign in' }, { status: 403 });
    return Response.redirect('/login');
  }
  return fetch(upstream, { headers: { authorization: bearer } });
}`,
    reports: ['require-401-for-credential-failure@4'],
  },
];

/** A Nest guard over passport's `AuthGuard('jwt')` whose `canActivate` catches what the strategy throws. */
function passportGuardCatching(handler: string): string {
  return `import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  async canActivate(context: ExecutionContext) {
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (error) {
      ${handler}
    }
  }
}`;
}

describe('shapes of real code, each beside its look-alike', () => {
  for (const shape of SHAPES) {
    it(shape.name, () => {
      const messages = lintWithAllRules(shape.code);
      assert.deepEqual(messages.filter((message) => message.fatal).map((message) => message.message), [], 'the case parses');
      const reports = messages.map((message) => `${message.ruleId!.replace('auth-status/', '')}@${message.line}`);
      assert.deepEqual(reports.sort(), [...shape.reports].sort(), messages.map((message) => message.message).join('\n'));
      for (const quote of shape.quotes ?? []) assert.ok(messages[0]!.message.includes(quote), `${messages[0]!.message} cites ${quote}`);
    });
  }
});

ruleTester.run('what Promise.all hands each name, and access that is authentication', credentialRule, {
  valid: [
    // Each name holds its own promise's value: a recipient looked up by the link in the URL is not the request's
    // credential, so its expiry is not an expired credential.
    `export async function loader({ params }) {
  const [document, recipient] = await Promise.all([findDocument(params.id), getRecipientByToken({ token: params.token })]);
  if (isRecipientExpired(recipient)) return new Response('This signing link has expired', { status: 403 });
  return Response.json({ document, recipient });
}`,
  ],
  invalid: [
    {
      // The same shape around the request's own session: its expiry is the credential's.
      code: `export async function loader({ request }) {
  const [settings, session] = await Promise.all([loadSettings(), getSession(request.headers.get('authorization'))]);
  if (isSessionExpired(session)) return new Response('Session expired', { status: 403 });
  return Response.json(settings);
}`,
      errors: [{ messageId: 'wrongStatus', line: 3, suggestions: [{ messageId: 'respond401', output: `export async function loader({ request }) {
  const [settings, session] = await Promise.all([loadSettings(), getSession(request.headers.get('authorization'))]);
  if (isSessionExpired(session)) return new Response('Session expired', { headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' }, status: 401 });
  return Response.json(settings);
}` }] }],
    },
  ],
});

ruleTester.run('access that is authentication is not a right', plugin.rules['require-403-for-permission-denial'], {
  valid: [
    `import { data } from 'react-router';
export async function loader({ request }) {
  const isAccessAuthValid = await checkAccessAuth(request);
  if (!isAccessAuthValid) throw data({ type: 'authentication-required' }, { status: 401 });
}`,
    `import { data } from 'react-router';
export async function loader({ params }) {
  const signing = await getEnvelopeForSigning(params.token).catch(() => ({ isDocumentAccessValid: false }));
  if (!signing.isDocumentAccessValid) throw data({ type: 'authentication-required' }, { status: 401 });
}`,
  ],
  invalid: [
    {
      // A right named by access still is one.
      code: `export async function DELETE(request) {
  const user = await requireUser(request);
  const hasAccess = user.access.includes('billing');
  if (!hasAccess) return new Response('No access to billing', { status: 401 });
}`,
      errors: [{ messageId: 'permissionDenial', line: 4, suggestions: [{ messageId: 'respond403', output: `export async function DELETE(request) {
  const user = await requireUser(request);
  const hasAccess = user.access.includes('billing');
  if (!hasAccess) return new Response('No access to billing', { status: 403 });
}` }] }],
    },
  ],
});

ruleTester.run("a JWT's signature is the credential's own, a webhook's is not", challengeRule, {
  valid: [
    // A webhook's signature: the sender is another system, not a client that can be challenged.
    `export default {
  async fetch(request, env) {
    if (!(await isValidWebhookSignature(request, env.SECRET))) return new Response('Bad signature', { status: 401 });
    return new Response('ok');
  },
};`,
  ],
  invalid: withSuggestedFix([
    {
      code: `export default {
  async fetch(request, env) {
    const token = decodeJwt(request.headers.get('cf-access-jwt-assertion'));
    if (!(await isValidJwtSignature(token, env.KEYS))) return new Response('Invalid token', { status: 401 });
    return new Response('ok');
  },
};`,
      output: `export default {
  async fetch(request, env) {
    const token = decodeJwt(request.headers.get('cf-access-jwt-assertion'));
    if (!(await isValidJwtSignature(token, env.KEYS))) return new Response('Invalid token', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' }, status: 401 });
    return new Response('ok');
  },
};`,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
  ]),
});

ruleTester.run('fall-through: every branch of an earlier if … else ends in a passed check', plugin.rules['require-403-for-permission-denial'], {
  valid: [
    // One branch ends without a check: what reaches the response from it is not known.
    `function guard(req, res, next) {
  if (req.query.scope === 'admin') {
    if (req.user.roles.includes('admin')) return next();
  } else {
    audit(req);
  }
  return res.status(401).json({ error: 'Not allowed' });
}`,
  ],
  invalid: [
    {
      code: `function guard(req, res, next) {
  if (req.query.scope === 'admin') {
    if (req.user.roles.includes('admin')) return next();
  } else {
    if (req.user.roles.includes('member')) return next();
  }
  return res.status(401).json({ error: 'Not allowed' });
}`,
      errors: [{ messageId: 'permissionDenial', line: 7, suggestions: [{ messageId: 'respond403', output: `function guard(req, res, next) {
  if (req.query.scope === 'admin') {
    if (req.user.roles.includes('admin')) return next();
  } else {
    if (req.user.roles.includes('member')) return next();
  }
  return res.status(403).json({ error: 'Not allowed' });
}` }] }],
    },
  ],
});

ruleTester.run("what the presented key may reach, and a parsed body's fields", credentialRule, {
  valid: [
    // The key is known; the report the request names is not among those it may export: a permission.
    `export async function exportReport(req, res) {
  const key = await findApiKey(req.headers['x-api-key']);
  if (!key) return res.status(401).set('WWW-Authenticate', 'ApiKey').end();
  if (!key.reports.includes(req.body.reportId)) return res.status(403).json({ error: 'This key cannot export that report' });
}`,
    // A field of the body parsed from the request is the request's form, rightly a 400.
    `import { json, send } from 'micro';
export async function createReport(req, res) {
  const body = await json(req);
  if (!body.title) return send(res, 400, { error: 'title is required' });
}`,
  ],
  invalid: [
    {
      // The same key's own state is the credential's.
      code: `export async function exportReport(req, res) {
  const key = await findApiKey(req.headers['x-api-key']);
  if (!key) return res.status(401).set('WWW-Authenticate', 'ApiKey').end();
  if (key.revoked) return res.status(403).json({ error: 'Key revoked' });
}`,
      errors: [{ messageId: 'wrongStatus', line: 4, suggestions: [{ messageId: 'respond401', output: `export async function exportReport(req, res) {
  const key = await findApiKey(req.headers['x-api-key']);
  if (!key) return res.status(401).set('WWW-Authenticate', 'ApiKey').end();
  if (key.revoked) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').json({ error: 'Key revoked' });
}` }] }],
    },
  ],
});

ruleTester.run('a 401 whose only hint is of a permission denial is left to the 403 rule', challengeRule, {
  valid: [
    `export const forbiddenHere = () =>
  Response.json({ code: 'unauthorized', message: 'You are not allowed to change this workspace' }, { status: 401 });`,
  ],
  invalid: withSuggestedFix([
    {
      // A hint of a credential beside it: the 401 stands, and so does its missing challenge.
      code: `export const signInFirst = () =>
  Response.json({ message: 'You are not allowed to change this workspace', detail: 'No session token' }, { status: 401 });`,
      output: `export const signInFirst = () =>
  Response.json({ message: 'You are not allowed to change this workspace', detail: 'No session token' }, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' }, status: 401 });`,
      errors: [{ messageId: 'missingChallenge', line: 2 }],
    },
  ]),
});

const LOOKUP_FAILED_400 = "return { statusCode: 400, body: JSON.stringify({ error: 'No account with this e-mail' }) };";
const PASSWORD_FAILED_400 = "return { statusCode: 400, body: JSON.stringify({ error: 'Wrong password' }) };";
/** A 400 answer of `lambdaLogin` as the 401 suggestion writes it. */
const challenged = (answer: string) => answer.replace('{ statusCode: 400,', `{ headers: { 'WWW-Authenticate': 'Bearer realm="api"' }, statusCode: 401,`);

/** A Lambda login answering its account lookup's and its password check's failures with `lookupFailed` and `passwordFailed`. */
const lambdaLogin = (lookupFailed: string, passwordFailed: string) => `export const handler = async (event) => {
  const body = JSON.parse(event.body);
  const email = body.email;
  const password = body.password;
  let account;
  try {
    account = await accounts.findByEmail(email);
  } catch (error) {
    ${lookupFailed}
  }
  try {
    await credentials.verify(account.id, password);
  } catch (error) {
    ${passwordFailed}
  }
  return { statusCode: 200, body: JSON.stringify({ token: sign(account.id) }) };
};`;

ruleTester.run("a catch after a login's own lookup or password check", credentialRule, {
  valid: [
    // A sign-up hands the password to a call that creates the account: its failure is no failed login.
    `export const handler = async (event) => {
  const { email, password } = JSON.parse(event.body);
  try {
    await accounts.createAccount(email, password);
  } catch (error) {
    return { statusCode: 409, body: JSON.stringify({ error: 'That e-mail is taken' }) };
  }
  return { statusCode: 201, body: '' };
};`,
    // A lookup by something the server holds, not by what the request gives.
    `export const handler = async (event) => {
  const { password } = JSON.parse(event.body);
  try {
    await accounts.findByEmail(process.env.ADMIN_EMAIL);
  } catch (error) {
    return { statusCode: 400, body: 'Setup incomplete' };
  }
  return { statusCode: 200, body: password ? 'ok' : '' };
};`,
  ],
  invalid: [
    {
      code: lambdaLogin(LOOKUP_FAILED_400, PASSWORD_FAILED_400),
      errors: [
        { messageId: 'wrongStatus', line: 9, suggestions: [{ messageId: 'respond401', output: lambdaLogin(challenged(LOOKUP_FAILED_400), PASSWORD_FAILED_400) }] },
        { messageId: 'wrongStatus', line: 14, suggestions: [{ messageId: 'respond401', output: lambdaLogin(LOOKUP_FAILED_400, challenged(PASSWORD_FAILED_400)) }] },
      ],
    },
  ],
});

ruleTester.run("a login's fields compared with the configured account", credentialRule, {
  valid: [
    // Two fields of the same form compared: the form is malformed, 400 is right.
    `import { json, createError } from 'micro';
export const register = async (req) => {
  const { username, password, passwordConfirmation } = await json(req);
  if (password !== passwordConfirmation) throw createError(400, 'The passwords differ');
};`,
  ],
  invalid: [
    {
      code: `import { json, createError } from 'micro';
export const signIn = async (req, res) => {
  const { username, password } = await json(req);
  if (password !== process.env.ADMIN_PASSWORD) throw createError(400, 'Username or password incorrect');
};`,
      errors: [{ messageId: 'wrongStatus', line: 4, suggestions: [{ messageId: 'respond401', output: `import { json, createError } from 'micro';
export const signIn = async (req, res) => {
  const { username, password } = await json(req);
  if (password !== process.env.ADMIN_PASSWORD) { res.setHeader('WWW-Authenticate', 'Bearer realm="api"'); throw createError(401, 'Username or password incorrect'); }
};` }] }],
    },
  ],
});
