/**
 * Shapes met in real code, each with the near-miss that must stay silent: failure by fall-through, the
 * re-authentication of a logged-in user, requests signed by another system, and a guard's success path.
 */
import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';

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
            evidence: "`req.session.userId` checked at line 2, `'Please log in'`",
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
          data: { status: 403, problem: 'a failed login', evidence: "`!(await argon2.verify(user.hash, req.body.pas…`, `'Password is incorrect'`", limitation: '' },
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
  invalid: [
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
  ],
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
