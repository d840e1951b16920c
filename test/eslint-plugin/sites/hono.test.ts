import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const BEARER = `'Bearer realm="api"'`;
const BEARER_INVALID = `'Bearer realm="api", error="invalid_token"'`;
const HONO = `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
`;

ruleTester.run('hono: require-401-for-credential-failure', credential, {
  valid: [
    // Authorization decisions answered 403.
    `${HONO}app.delete('/posts/:id', (c) => { if (c.get('user').role !== 'admin') return c.json({ error: 'Admins only' }, 403); });`,
    `${HONO}app.use(async (c, next) => { if (!c.get('user').permissions.includes('write')) throw new HTTPException(403, { message: 'Permission denied' }); await next(); });`,
    // A class that happens to share the name but is not Hono's.
    `import { HTTPException } from './errors';
app.use(async (c, next) => { if (!c.req.header('Authorization')) throw new HTTPException(403, { message: 'No token' }); });`,
    // `json`/`text` on objects that are not a Hono context.
    `function a(req, res) { if (!req.headers.authorization) return res.json({ error: 'No token' }, 403); }`,
    `function a(c) { if (!c.req.header('Authorization')) return c.store.json({ error: 'No token' }, 403); }`,
    // 401 is right for the credential rule.
    `${HONO}app.get('/', (c) => { if (!c.req.header('Authorization')) return c.json({ error: 'Unauthorized' }, 401, { 'WWW-Authenticate': ${BEARER} }); });`,
  ],
  invalid: [
    {
      code: `${HONO}app.get('/me', (c) => {
  const token = c.req.header('Authorization');
  if (!token) return c.json({ error: 'Missing token' }, 403);
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 6,
          data: { status: 403, problem: 'a missing credential', evidence: "!token, 'Missing token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `${HONO}app.get('/me', (c) => {
  const token = c.req.header('Authorization');
  if (!token) return c.json({ error: 'Missing token' }, 401, { 'WWW-Authenticate': ${BEARER} });
});`,
            },
          ],
        },
      ],
    },
    {
      // Existing headers get the challenge merged in.
      code: `${HONO}app.get('/me', async (c) => {
  try {
    const token = c.req.header('Authorization');
    c.set('user', await Jwt.verify(token, secret));
  } catch (err) {
    return c.text('Invalid token', 403, { 'Cache-Control': 'no-store' });
  }
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `${HONO}app.get('/me', async (c) => {
  try {
    const token = c.req.header('Authorization');
    c.set('user', await Jwt.verify(token, secret));
  } catch (err) {
    return c.text('Invalid token', 401, { 'WWW-Authenticate': ${BEARER_INVALID}, 'Cache-Control': 'no-store' });
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // hono/jwt's verify imported by name, and its JwtTokenExpired error.
      code: `import { verify } from 'hono/jwt';
${HONO}app.use(async (c, next) => {
  const header = c.req.header('Authorization');
  try {
    c.set('payload', await verify(header.slice(7), c.env.SECRET, 'HS256'));
  } catch (error) {
    if (error.name === 'JwtTokenExpired') return c.json({ message: 'Token expired' }, 419);
    return c.json({ message: 'Invalid token' }, 400);
  }
  await next();
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 10,
          data: { status: 419, problem: 'an expired credential', evidence: "error.name === 'JwtTokenExpired', 'Token expired'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { verify } from 'hono/jwt';
${HONO}app.use(async (c, next) => {
  const header = c.req.header('Authorization');
  try {
    c.set('payload', await verify(header.slice(7), c.env.SECRET, 'HS256'));
  } catch (error) {
    if (error.name === 'JwtTokenExpired') return c.json({ message: 'Token expired' }, 401, { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' });
    return c.json({ message: 'Invalid token' }, 400);
  }
  await next();
});`,
            },
          ],
        },
        {
          messageId: 'wrongStatus',
          line: 11,
          data: { status: 400, problem: 'an invalid credential', evidence: "verify(header.slice(7), c.env.SECRET, 'HS256'), 'Invalid token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `import { verify } from 'hono/jwt';
${HONO}app.use(async (c, next) => {
  const header = c.req.header('Authorization');
  try {
    c.set('payload', await verify(header.slice(7), c.env.SECRET, 'HS256'));
  } catch (error) {
    if (error.name === 'JwtTokenExpired') return c.json({ message: 'Token expired' }, 419);
    return c.json({ message: 'Invalid token' }, 401, { 'WWW-Authenticate': ${BEARER_INVALID} });
  }
  await next();
});`,
            },
          ],
        },
      ],
    },
    {
      // A ResponseInit instead of a status.
      code: `${HONO}app.get('/me', (ctx) => {
  if (!ctx.req.header('x-api-key')) return ctx.json({ error: 'API key required' }, { status: 400 });
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `${HONO}app.get('/me', (ctx) => {
  if (!ctx.req.header('x-api-key')) return ctx.json({ error: 'API key required' }, { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 });
});`,
            },
          ],
        },
      ],
    },
    {
      code: `${HONO}app.get('/me', (c) => {
  const session = getCookie(c, 'session');
  if (!session) {
    c.status(403);
    return c.json({ error: 'Not logged in' });
  }
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'a missing credential', evidence: "!session, 'Not logged in'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `${HONO}app.get('/me', (c) => {
  const session = getCookie(c, 'session');
  if (!session) {
    c.status(401);
    c.header('WWW-Authenticate', ${BEARER});
    return c.json({ error: 'Not logged in' });
  }
});`,
            },
          ],
        },
      ],
    },
    {
      code: `${HONO}app.use('/api/*', async (c, next) => {
  const token = c.req.header('Authorization');
  if (!token) throw new HTTPException(403, { message: 'No token provided' });
  await next();
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `${HONO}app.use('/api/*', async (c, next) => {
  const token = c.req.header('Authorization');
  if (!token) throw new HTTPException(401, { message: 'No token provided', res: new Response('No token provided', { status: 401, headers: { 'WWW-Authenticate': ${BEARER} } }) });
  await next();
});`,
            },
          ],
        },
      ],
    },
    {
      // No options: Hono's body is the empty message.
      code: `${HONO}app.use(async (c, next) => {
  if (!c.req.header('Authorization')) throw new HTTPException(403);
  await next();
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `${HONO}app.use(async (c, next) => {
  if (!c.req.header('Authorization')) throw new HTTPException(401, { res: new Response('', { status: 401, headers: { 'WWW-Authenticate': ${BEARER} } }) });
  await next();
});`,
            },
          ],
        },
      ],
    },
    {
      // A message computed by a call cannot be written twice: reported without a suggestion.
      code: `${HONO}app.use(async (c, next) => {
  if (!c.req.header('Authorization')) throw new HTTPException(403, { message: t('auth.missingToken') });
});`,
      errors: [{ messageId: 'wrongStatus', suggestions: [] }],
    },
  ],
});

ruleTester.run('hono: require-www-authenticate', challenge, {
  valid: [
    `${HONO}app.get('/', (c) => c.json({ error: 'Unauthorized' }, 401, { 'WWW-Authenticate': ${BEARER} }));`,
    `${HONO}app.get('/', (c) => { c.header('WWW-Authenticate', ${BEARER}); return c.json({ error: 'Unauthorized' }, 401); });`,
    `${HONO}app.get('/', (c) => c.json({ error: 'Unauthorized' }, { status: 401, headers: { 'www-authenticate': ${BEARER} } }));`,
    `${HONO}app.get('/', (c) => { c.status(401); c.header('WWW-Authenticate', ${BEARER}); return c.body(null); });`,
    // Dynamic headers are trusted.
    `${HONO}app.get('/', (c) => c.json({ error: 'Unauthorized' }, 401, headers));`,
    `${HONO}app.use(async (c) => { throw new HTTPException(401, { res: unauthorizedResponse }); });`,
    `${HONO}app.use(async (c) => { throw new HTTPException(401, { res: new Response('Unauthorized', { headers: { 'WWW-Authenticate': ${BEARER} } }) }); });`,
    // Hono's default error handler keeps headers set with c.header() before the throw.
    `${HONO}app.use(async (c) => { c.header('WWW-Authenticate', ${BEARER}); throw new HTTPException(401, { message: 'Unauthorized' }); });`,
    // Hono's auth middleware sends its own challenges.
    `import { jwt } from 'hono/jwt'; import { bearerAuth } from 'hono/bearer-auth'; import { basicAuth } from 'hono/basic-auth';
app.use('/api/*', jwt({ secret: 'it-is-very-secret', alg: 'HS256' }));
app.use('/admin/*', bearerAuth({ token: 'honoiscool' }));
app.use('/basic/*', basicAuth({ username: 'hono', password: 'acoolproject' }));`,
  ],
  invalid: withSuggestedFix([
    {
      code: `${HONO}app.get('/', (c) => c.json({ error: 'Unauthorized' }, 401));`,
      output: `${HONO}app.get('/', (c) => c.json({ error: 'Unauthorized' }, 401, { 'WWW-Authenticate': ${BEARER} }));`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `${HONO}app.get('/', (c) => c.text('Unauthorized', 401, { 'Content-Type': 'text/plain' }));`,
      output: `${HONO}app.get('/', (c) => c.text('Unauthorized', 401, { 'WWW-Authenticate': ${BEARER}, 'Content-Type': 'text/plain' }));`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `${HONO}app.get('/', (c) => c.body(null, { status: 401, headers: { 'Cache-Control': 'no-store' } }));`,
      output: `${HONO}app.get('/', (c) => c.body(null, { status: 401, headers: { 'WWW-Authenticate': ${BEARER}, 'Cache-Control': 'no-store' } }));`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `${HONO}app.use(async (c) => { throw new HTTPException(401, { message: 'Unauthorized' }); });`,
      output: `${HONO}app.use(async (c) => { throw new HTTPException(401, { message: 'Unauthorized', res: new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': ${BEARER} } }) }); });`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `${HONO}app.use(async (c) => { throw new HTTPException(401, { res: new Response('Unauthorized', { status: 401 }) }); });`,
      output: `${HONO}app.use(async (c) => { throw new HTTPException(401, { res: new Response('Unauthorized', { headers: { 'WWW-Authenticate': ${BEARER} }, status: 401 }) }); });`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `${HONO}app.get('/', (c) => {
  c.status(401);
  return c.text('Unauthorized');
});`,
      output: `${HONO}app.get('/', (c) => {
  c.status(401);
  c.header('WWW-Authenticate', ${BEARER});
  return c.text('Unauthorized');
});`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // A header set on another handler's context does not count.
      code: `${HONO}app.use(async (c, next) => { c.header('WWW-Authenticate', ${BEARER}); await next(); });
app.get('/', (c) => c.json({ error: 'Unauthorized' }, 401));`,
      output: `${HONO}app.use(async (c, next) => { c.header('WWW-Authenticate', ${BEARER}); await next(); });
app.get('/', (c) => c.json({ error: 'Unauthorized' }, 401, { 'WWW-Authenticate': ${BEARER} }));`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('hono: require-403-for-permission-denial', permission, {
  valid: [],
  invalid: [
    {
      // 401 for a permission denial: the fix answers 403 and drops the challenge the site carries.
      code: `${HONO}app.delete('/posts/:id', (c) => {
  if (c.get('user').role !== 'admin') return c.json({ error: 'Admins only' }, 401, { 'WWW-Authenticate': ${BEARER} });
});`,
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [
            {
              messageId: 'respond403',
              output: `${HONO}app.delete('/posts/:id', (c) => {
  if (c.get('user').role !== 'admin') return c.json({ error: 'Admins only' }, 403);
});`,
            },
          ],
        },
      ],
    },
  ],
});
