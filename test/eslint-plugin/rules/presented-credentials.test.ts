/**
 * Login state read in framework or project terms: AdonisJS guards checked by name, the Basic pair restify's
 * authorization parser presents, and a `loggedIn` flag of the request's own visitor. Each has the near-miss that
 * stays silent: a right checked after the guard, a name compared for ownership, another user's flag. Clerk's
 * `getAuth(req)` holds the request's auth state.
 */
import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';

const credentialRule = plugin.rules['require-401-for-credential-failure'];

const ADONIS_IMPORT = `import type { HttpContextContract } from '@ioc:Adonis/Core/HttpContext'\n`;

const GUARDS = `${ADONIS_IMPORT}
export default class BoardsController {
  public async show({ auth, response }: HttpContextContract) {
    if (await auth.use('web').check()) {
      return response.ok({ board: 'full' })
    } else if (await auth.use('kiosk').check()) {
      return response.ok({ board: 'lite' })
    } else {
      return response.status(403).json({ message: 'Nope' })
    }
  }
}`;

ruleTester.run('presented credentials: guards, Basic pairs and login flags', credentialRule, {
  valid: [
    // The guard passed; a missing right of the signed-in user is a permission denial.
    {
      code: `${ADONIS_IMPORT}
export default class BoardsController {
  public async edit({ auth, response }: HttpContextContract) {
    if (!(await auth.use('web').check())) return response.unauthorized({ message: 'Sign in first' })
    if (!auth.user!.isEditor) return response.status(403).json({ message: 'Editors only' })
    return response.ok({})
  }
}`,
      filename: 'app/Controllers/Http/BoardsController.ts',
    },
    // A signed-in user's name compared with the route's owner: ownership, so 403 is right.
    `const errors = require('restify-errors');
function ownerOnly(req, res, next) {
  if (req.user.name !== req.params.owner) return next(new errors.ForbiddenError('not yours'));
  next();
}`,
    // Another user's flag, looked up by the URL: not the caller's login state.
    `async function presence(req, res) {
  const friend = await Users.findById(req.params.friendId);
  if (!friend.loggedIn) return res.status(403).json({ message: 'Your friend is away' });
  res.json(friend);
}`,
    // Clerk: a signed-in user outside the organization's admin role is a permission denial.
    `import { getAuth } from '@clerk/express';
export function adminsOnly(req, res, next) {
  const { orgRole } = getAuth(req);
  if (orgRole !== 'org:admin') return res.status(403).json({ message: 'Admins only' });
  next();
}`,
    // A cookie that holds no credential, read with optional chaining.
    `function themed(req, res, next) {
  const theme = req.cookies?.['theme'];
  if (!theme) return res.status(403).json({ message: 'Pick a theme first' });
  next();
}`,
  ],
  invalid: [
    {
      // The session cookie read with optional chaining is still the session cookie.
      code: `function sessionOnly(req, res, next) {
  const sid = req.cookies?.['session_id'];
  if (!sid) return res.status(403).json({ message: 'No session' });
  next();
}`,
      errors: [{ messageId: 'wrongStatus', line: 3, data: { status: 403, problem: 'a missing credential', evidence: "!sid, 'No session'", limitation: '' }, suggestions: 1 }],
    },
    {
      code: `import { getAuth } from '@clerk/express';
export function signedIn(req, res, next) {
  const { userId } = getAuth(req);
  if (!userId) return res.status(403).json({ message: 'Sign in first' });
  next();
}`,
      errors: [{ messageId: 'wrongStatus', line: 4, data: { status: 403, problem: 'a missing credential', evidence: '!userId', limitation: '' }, suggestions: 1 }],
    },
    {
      code: GUARDS,
      filename: 'app/Controllers/Http/BoardsController.ts',
      errors: [
        {
          messageId: 'wrongStatus',
          line: 10,
          data: { status: 403, problem: 'an invalid credential', evidence: "auth.use('kiosk').check()", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: GUARDS.replace(
                "response.status(403)",
                `response.status(401).header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"')`,
              ),

            },
          ],
        },
      ],
    },
    {
      code: `const errors = require('restify-errors');
function gate(req, res, next) {
  const pair = req.authorization.basic;
  if (!pair) return next(new errors.UnauthorizedError('who are you'));
  if (pair.username !== settings.user || pair.password !== settings.pass) return next(new errors.ForbiddenError('no'));
  next();
}`,
      errors: [{ messageId: 'wrongStatus', line: 5, data: { status: 403, problem: 'an invalid credential', evidence: 'pair.username !== settings.user', limitation: '' }, suggestions: 1 }],
    },
    {
      code: `function page(req, res) {
  const visitor = Helpers.visitorOf(req, res);
  if (!visitor.loggedIn) return res.forbidden();
  return res.view('page');
}`,
      errors: [{ messageId: 'wrongStatus', line: 3, data: { status: 403, problem: 'a missing credential', evidence: '!visitor.loggedIn', limitation: '' }, suggestions: 1 }],
    },
  ],
});

/** A middleware taking the API key from the header or, where the header is missing, from `fallback`. */
const keyFromHeaderOr = (fallback: string) => `const errors = require('restify-errors');
module.exports = (req, res, next) => {
  if (req.headers['x-api-key'] == null) {
    if (${fallback} != null) req.headers['x-api-key'] = ${fallback};
    else return next(new errors.ForbiddenError('Send an API key'));
  }
  next();
};`;

ruleTester.run('presented credentials: an access token or key sent in the URL', credentialRule, {
  valid: [
    // In a body, an access token is as often a form field: a social login's provider token, missing, is a bad request.
    `router.post('/login/provider', async (req, res) => {
  if (!req.body.access_token) return res.status(400).json({ message: 'access_token is required' });
  res.json(await exchangeProviderToken(req.body.access_token));
});`,
    // A one-time code of the URL is no credential of the request.
    `router.get('/confirm', async (req, res) => {
  if (!req.query.code) return res.status(400).json({ message: 'The link is incomplete' });
  res.json(await confirm(req.query.code));
});`,
  ],
  invalid: [
    {
      // Neither the header nor the URL's api_key: no credential at all.
      code: keyFromHeaderOr('req.query.api_key'),
      errors: [{ messageId: 'wrongStatus', line: 5, suggestions: 1 }],
    },
    {
      code: keyFromHeaderOr('req.params.access_token'),
      errors: [{ messageId: 'wrongStatus', line: 5, suggestions: 1 }],
    },
  ],
});

ruleTester.run('presented credentials: the cookie parser did not run', credentialRule, {
  valid: [
    // No cookies object at all: the cookie plugin is not registered, a set-up fault answered 400, whatever the header checks around it say.
    `const createError = require('http-errors');
function tokenOf(request) {
  if (request.headers.authorization && /^Bearer /.test(request.headers.authorization)) return request.headers.authorization.slice(7);
  if (request.cookies) {
    if (request.cookies.session) return request.cookies.session;
    throw createError(401, 'No session cookie', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });
  } else {
    throw createError(400, 'Register the cookie plugin');
  }
}`,
  ],
  invalid: [
    {
      // The cookies object checked together with the cookie that holds the session: a missing credential.
      code: `router.get('/me', (req, res) => {
  if (!req.cookies || !req.cookies.session) return res.status(403).json({ message: 'Sign in' });
  res.json(profileOf(req.cookies.session));
});`,
      errors: [{ messageId: 'wrongStatus', line: 2, suggestions: 1 }],
    },
    {
      // The last of the ways a token may come: neither a Bearer header nor a cookies object, so no credential came.
      code: `async function readToken(req, res, next) {
  let token;
  if (req.headers.authorization && req.headers.authorization.startsWith('Bearer ')) {
    token = req.headers.authorization.slice(7);
  } else if (req.cookies) {
    token = req.cookies.session;
  } else {
    return res.status(403).send('Unauthorized');
  }
  req.claims = await verifyIdToken(token);
  next();
}`,
      errors: [{ messageId: 'wrongStatus', line: 8, suggestions: 1 }],
    },
  ],
});

/** A guard refusing unsafe requests that carry no token when `test` also holds. */
const crossSiteGuard = (test: string) => `router.use((req, res, next) => {
  if (!req.headers.authorization && req.method !== 'GET'${test}) return res.status(403).json({ message: 'Refused' });
  next();
});`;

ruleTester.run('presented credentials: a cross-site check of requests without a token', credentialRule, {
  valid: [
    // A cookie request from an origin not allowed: the cross-site check decides, 403 is right.
    crossSiteGuard(' && !isAllowedOrigin(req.headers.origin)'),
    crossSiteGuard(' && (!req.get("origin") || !verifyRequestOrigin(req.get("origin"), allowedOrigins))'),
  ],
  invalid: [
    {
      // No origin check beside it: an unsafe request without a token is refused for lacking the credential.
      code: crossSiteGuard(''),
      errors: [{ messageId: 'wrongStatus', line: 2, suggestions: 1 }],
    },
  ],
});

/** An upload refusing when `name` (a value of a helper from another module) is missing. */
const keyed = (name: string, message: string) => `const { pickKey } = require('./keys');
router.post('/uploads', async (req, res) => {
  const ${name} = pickKey(req);
  if (!${name}) return res.status(400).json({ message: '${message}' });
  res.status(201).json(await store(req.body));
});`;

ruleTester.run('presented credentials: an API key named in two words', credentialRule, {
  valid: [
    // A label for a key being created is a form field.
    keyed('apiKeyLabel', 'API key missing'),
    keyed('apiKey', 'Upload is empty'),
  ],
  invalid: [
    {
      code: keyed('apiKey', 'API key missing'),
      errors: [{ messageId: 'wrongStatus', line: 4, suggestions: 1 }],
    },
    {
      code: keyed('api_key', 'API key missing'),
      errors: [{ messageId: 'wrongStatus', line: 4, suggestions: 1 }],
    },
  ],
});
