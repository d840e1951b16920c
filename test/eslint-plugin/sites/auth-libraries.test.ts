import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];

/** Code that delegates failures to auth libraries that already send 401 with a challenge: never reported. */
const CHALLENGING_LIBRARIES = [
  // passport without a custom callback: the strategy's string challenge becomes WWW-Authenticate.
  `const passport = require('passport');
app.get('/api/me', passport.authenticate('bearer', { session: false }), (req, res) => res.json(req.user));
app.get('/admin', passport.authenticate('basic', { session: false }), (req, res) => res.send('ok'));`,
  // koa-basic-auth throws 401 with `WWW-Authenticate: Basic realm="Secure Area"` in the error's headers.
  `const auth = require('koa-basic-auth');
app.use(auth({ name: 'tj', pass: 'tobi' }));`,
  // @node-oauth/oauth2-server: its Request/Response and errors carry the challenge; the app copies them.
  `import OAuth2Server, { Request, Response, UnauthorizedRequestError, InvalidTokenError } from '@node-oauth/oauth2-server';
const oauth = new OAuth2Server({ model });
export async function authenticate(req, res, next) {
  const request = new Request(req);
  const response = new Response(res);
  try {
    res.locals.oauth = { token: await oauth.authenticate(request, response) };
    next();
  } catch (err) {
    if (err instanceof UnauthorizedRequestError) return res.set(response.headers).status(err.code).send();
    res.set(response.headers).status(err.code || 500).json({ error: err.name, error_description: err.message });
  }
}
export function reject() { throw new InvalidTokenError('Invalid token: access token has expired'); }`,
];

ruleTester.run('auth libraries: require-401-for-credential-failure', credential, {
  valid: CHALLENGING_LIBRARIES,
  invalid: [
    {
      // express-jwt's UnauthorizedError re-rendered as 403 by the app's error handler.
      code: `import { expressjwt, UnauthorizedError } from 'express-jwt';
app.use(expressjwt({ secret, algorithms: ['HS256'] }));
app.use((err, req, res, next) => {
  if (err instanceof UnauthorizedError) return res.status(403).json({ message: err.message });
  next(err);
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: '403', problem: 'an invalid credential', evidence: 'err instanceof UnauthorizedError' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { expressjwt, UnauthorizedError } from 'express-jwt';
app.use(expressjwt({ secret, algorithms: ['HS256'] }));
app.use((err, req, res, next) => {
  if (err instanceof UnauthorizedError) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').json({ message: err.message });
  next(err);
});`,
            },
          ],
        },
      ],
    },
    {
      // passport with a custom callback: the app owns the response (passport sets no header then).
      code: `app.get('/me', (req, res, next) => passport.authenticate('jwt', { session: false }, (err, user) => {
  if (!user) return res.status(403).json({ message: 'Forbidden' });
  res.json(user);
})(req, res, next));`,
      errors: [{ messageId: 'wrongStatus', data: { status: '403', problem: 'an invalid credential', evidence: '!user' }, suggestions: [{ messageId: 'respond401', output: `app.get('/me', (req, res, next) => passport.authenticate('jwt', { session: false }, (err, user) => {
  if (!user) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').json({ message: 'Forbidden' });
  res.json(user);
})(req, res, next));` }] }],
    },
  ],
});

ruleTester.run('auth libraries: require-www-authenticate', challenge, {
  valid: CHALLENGING_LIBRARIES,
  invalid: withSuggestedFix([
    {
      // An error handler for express-jwt: 401 without a challenge; the error name is the evidence (invalid token).
      code: `app.use(function (err, req, res, next) {
  if (err.name === 'UnauthorizedError') {
    res.status(401).send('Token not accepted');
  } else {
    next(err);
  }
});`,
      output: `app.use(function (err, req, res, next) {
  if (err.name === 'UnauthorizedError') {
    res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').send('Token not accepted');
  } else {
    next(err);
  }
});`,
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
    {
      // express-jwt's code for a request without a token: a challenge without error attributes (RFC 6750 §3.1).
      code: `app.use((err, req, res, next) => {
  if (err.code === 'credentials_required') return res.status(401).json({ error: err.message });
  next(err);
});`,
      output: `app.use((err, req, res, next) => {
  if (err.code === 'credentials_required') return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: err.message });
  next(err);
});`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // @nestjs/passport: AuthGuard('jwt') answers a bare UnauthorizedException (no fix: it needs an override or filter).
      code: `import { AuthGuard } from '@nestjs/passport';
export class JwtAuthGuard extends AuthGuard('jwt') {}`,
      output: null,
      errors: [{ messageId: 'missingChallengeHeaderless', line: 2, column: 35 }],
    },
  ]),
});

jsRuleTester.run('auth libraries: plain JavaScript (espree)', challenge, {
  valid: [CHALLENGING_LIBRARIES[0]!, CHALLENGING_LIBRARIES[1]!],
  invalid: [],
});
