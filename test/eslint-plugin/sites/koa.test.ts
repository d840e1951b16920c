import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const BEARER = `'Bearer realm="api"'`;
const BEARER_INVALID = `'Bearer realm="api", error="invalid_token"'`;
const BEARER_EXPIRED = `'Bearer realm="api", error="invalid_token", error_description="The access token expired"'`;

ruleTester.run('koa: require-401-for-credential-failure', credential, {
  valid: [
    // Authorization decisions answered 403.
    `router.delete('/posts/:id', async (ctx) => { if (ctx.state.user.role !== 'admin') ctx.throw(403, 'Admins only'); });`,
    `router.get('/admin', async (ctx) => { ctx.assert(ctx.state.user.isAdmin, 403, 'Admins only'); });`,
    `async function onlyOwner(ctx) { if (post.authorId !== ctx.state.user.id) { ctx.status = 403; ctx.body = { error: 'Not the owner' }; } }`,
    // Validation of the body is a 400.
    `router.post('/signup', async (ctx) => { ctx.assert(ctx.request.body.email, 400, 'email is required'); });`,
    // 401 is right (its challenge is the other rule's business).
    `async function auth(ctx, next) { if (!ctx.get('Authorization')) ctx.throw(401, 'No token provided'); await next(); }`,
    // Not a Koa context: other objects with `throw`, `assert` and `status`.
    `function a(req) { if (!req.headers.authorization) job.status = 403; }`,
    `function a(req) { if (!req.headers.authorization) generator.throw(403); }`,
    `function a(req) { if (!req.headers.authorization) assert(false, 403, 'No token'); }`,
    // A status that cannot be known statically.
    `async function auth(ctx) { if (!ctx.get('Authorization')) ctx.throw(code, 'No token'); }`,
  ],
  invalid: [
    {
      code: `router.get('/me', async (ctx) => {
  const token = ctx.get('Authorization');
  if (!token) ctx.throw(403, 'No token provided');
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 3,
          data: { status: 403, problem: 'a missing credential', evidence: "!token, 'No token provided'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `router.get('/me', async (ctx) => {
  const token = ctx.get('Authorization');
  if (!token) ctx.throw(401, 'No token provided', { headers: { 'WWW-Authenticate': ${BEARER} } });
});`,
            },
          ],
        },
      ],
    },
    {
      // Existing properties get the headers added; arguments in http-errors' any-order style.
      code: `async function auth(ctx, next) {
  const decoded = jwt.decode(ctx.get('Authorization'));
  if (decoded.exp * 1000 < Date.now()) ctx.throw('Token expired', 403, { expose: true });
  await next();
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `async function auth(ctx, next) {
  const decoded = jwt.decode(ctx.get('Authorization'));
  if (decoded.exp * 1000 < Date.now()) ctx.throw('Token expired', 401, { headers: { 'WWW-Authenticate': ${BEARER_EXPIRED} }, expose: true });
  await next();
}`,
            },
          ],
        },
      ],
    },
    {
      // ctx.assert: the response is sent when the asserted condition is falsy.
      code: `router.get('/profile', async (ctx) => {
  ctx.assert(ctx.state.user, 403, 'Please login');
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'a missing credential', evidence: "ctx.state.user, 'Please login'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `router.get('/profile', async (ctx) => {
  ctx.assert(ctx.state.user, 401, 'Please login', { headers: { 'WWW-Authenticate': ${BEARER} } });
});`,
            },
          ],
        },
      ],
    },
    {
      code: `async function apiKey(ctx, next) {
  const key = ctx.get('x-api-key');
  ctx.assert.ok(key, 400, 'API key required');
  await next();
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 400, problem: 'a missing credential', evidence: "key, 'API key required'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `async function apiKey(ctx, next) {
  const key = ctx.get('x-api-key');
  ctx.assert.ok(key, 401, 'API key required', { headers: { 'WWW-Authenticate': ${BEARER} } });
  await next();
}`,
            },
          ],
        },
      ],
    },
    {
      // ctx.status: the body next to it is the message, the header is set before the status.
      code: `async function auth(ctx, next) {
  if (!ctx.headers.authorization) {
    ctx.body = { error: 'Missing token' };
    ctx.status = 403;
    return;
  }
  await next();
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: 403, problem: 'a missing credential', evidence: "!ctx.headers.authorization, 'Missing token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: `async function auth(ctx, next) {
  if (!ctx.headers.authorization) {
    ctx.body = { error: 'Missing token' };
    ctx.set('WWW-Authenticate', ${BEARER});
    ctx.status = 401;
    return;
  }
  await next();
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function auth(ctx, next) {
  try {
    ctx.state.user = jwt.verify(ctx.get('Authorization'), secret);
  } catch (err) {
    ctx.response.status = 403;
    return;
  }
  await next();
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `async function auth(ctx, next) {
  try {
    ctx.state.user = jwt.verify(ctx.get('Authorization'), secret);
  } catch (err) {
    ctx.response.set('WWW-Authenticate', ${BEARER_INVALID});
    ctx.response.status = 401;
    return;
  }
  await next();
}`,
            },
          ],
        },
      ],
    },
    {
      // A header set with ctx.set is dropped by Koa's error handler: the fix still puts one on the error.
      code: `async function auth(ctx, next) {
  ctx.set('WWW-Authenticate', ${BEARER});
  if (!ctx.get('Authorization')) ctx.throw(403, 'Not logged in');
  await next();
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `async function auth(ctx, next) {
  ctx.set('WWW-Authenticate', ${BEARER});
  if (!ctx.get('Authorization')) ctx.throw(401, 'Not logged in', { headers: { 'WWW-Authenticate': ${BEARER} } });
  await next();
}`,
            },
          ],
        },
      ],
    },
    {
      // Egg controllers reach the context through this.ctx.
      code: `class UserController extends Controller {
  async show() {
    if (!this.ctx.session.user) this.ctx.throw(403, 'Not logged in');
  }
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `class UserController extends Controller {
  async show() {
    if (!this.ctx.session.user) this.ctx.throw(401, 'Not logged in', { headers: { 'WWW-Authenticate': ${BEARER} } });
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('koa: require-www-authenticate', challenge, {
  valid: [
    `async function auth(ctx) { ctx.throw(401, 'Login required', { headers: { 'WWW-Authenticate': ${BEARER} } }); }`,
    `async function auth(ctx) { ctx.assert(ctx.state.user, 401, 'Login required', { headers: { 'www-authenticate': ${BEARER} } }); }`,
    // A dynamic properties object is trusted.
    `async function auth(ctx) { ctx.throw(401, 'Login required', props); }`,
    // Without a throw, headers set on the context stay.
    `async function auth(ctx) { ctx.set('WWW-Authenticate', ${BEARER}); ctx.status = 401; }`,
    `async function auth(ctx) { ctx.status = 401; ctx.set({ 'WWW-Authenticate': ${BEARER} }); }`,
    `async function auth(ctx) { ctx.response.set('WWW-Authenticate', ${BEARER}); ctx.status = 401; }`,
    `async function auth(ctx) { ctx.res.setHeader('WWW-Authenticate', ${BEARER}); ctx.response.status = 401; }`,
    `async function auth(ctx) { ctx.append('WWW-Authenticate', ${BEARER}); ctx.status = 401; }`,
  ],
  invalid: withSuggestedFix([
    {
      // Koa's onerror removes every header set before the throw (koa lib/context.js).
      code: `async function auth(ctx) {
  ctx.set('WWW-Authenticate', ${BEARER});
  ctx.throw(401, 'Invalid token');
}`,
      output: `async function auth(ctx) {
  ctx.set('WWW-Authenticate', ${BEARER});
  ctx.throw(401, 'Invalid token', { headers: { 'WWW-Authenticate': ${BEARER_INVALID} } });
}`,
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
    {
      code: `async function auth(ctx) {
  ctx.assert(ctx.state.user, 401);
}`,
      output: `async function auth(ctx) {
  ctx.assert(ctx.state.user, 401, { headers: { 'WWW-Authenticate': ${BEARER} } });
}`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `async function auth(ctx) {
  ctx.throw(401, 'Login required', { expose: true, headers: { 'Cache-Control': 'no-store' } });
}`,
      output: `async function auth(ctx) {
  ctx.throw(401, 'Login required', { expose: true, headers: { 'WWW-Authenticate': ${BEARER}, 'Cache-Control': 'no-store' } });
}`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: `async function auth(ctx) {
  ctx.status = 401;
  ctx.body = 'Unauthorized';
}`,
      output: `async function auth(ctx) {
  ctx.set('WWW-Authenticate', ${BEARER});
  ctx.status = 401;
  ctx.body = 'Unauthorized';
}`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // A header in the other branch does not reach this response.
      code: `async function auth(ctx) {
  if (ctx.get('Authorization')) {
    ctx.set('WWW-Authenticate', ${BEARER});
  } else {
    ctx.status = 401;
  }
}`,
      output: `async function auth(ctx) {
  if (ctx.get('Authorization')) {
    ctx.set('WWW-Authenticate', ${BEARER});
  } else {
    ctx.set('WWW-Authenticate', ${BEARER});
    ctx.status = 401;
  }
}`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // Another context's header does not count.
      code: `app.use(async (ctx, next) => { ctx.set('WWW-Authenticate', ${BEARER}); await next(); });
app.use(async (ctx) => { ctx.status = 401; });`,
      output: `app.use(async (ctx, next) => { ctx.set('WWW-Authenticate', ${BEARER}); await next(); });
app.use(async (ctx) => { ctx.set('WWW-Authenticate', ${BEARER}); ctx.status = 401; });`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('koa: require-403-for-permission-denial', permission, {
  valid: [],
  invalid: [
    {
      // 401 for a permission denial: the fix answers 403 and drops the challenge the site carries.
      code: `router.delete('/posts/:id', async (ctx) => {
  if (ctx.state.user.role !== 'admin') ctx.throw(401, 'Admins only', { headers: { 'WWW-Authenticate': ${BEARER} } });
});`,
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [
            {
              messageId: 'respond403',
              output: `router.delete('/posts/:id', async (ctx) => {
  if (ctx.state.user.role !== 'admin') ctx.throw(403, 'Admins only');
});`,
            },
          ],
        },
      ],
    },
  ],
});

/** Koa 1 middleware: a generator whose `this` is the context. */
function koa1(body: string): string {
  return `app.use(function* (next) {
${body}
  yield next;
});`;
}

ruleTester.run('koa 1 generators: require-401-for-credential-failure', credential, {
  valid: [
    koa1(`  if (!this.state.user.isAdmin) this.throw(403, 'Admins only');`),
    koa1(`  if (!this.get('Authorization')) { this.set('WWW-Authenticate', ${BEARER}); this.status = 401; return; }`),
    // Near-miss: `this` of a generator method in a class is the instance, not a Koa context.
    `class Tokens { *check(next) { if (!this.get('Authorization')) this.throw(403, 'No token'); } }`,
    // Near-miss: `this` of a plain function is not a Koa 1 context.
    `app.use(function (next) { if (!this.get('Authorization')) { this.status = 403; this.body = 'No token'; } });`,
  ],
  invalid: [
    {
      code: koa1(`  const token = this.get('Authorization');
  if (!token) {
    this.status = 403;
    this.body = { message: 'No token provided' };
    return;
  }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          column: 19,
          data: { status: 403, problem: 'a missing credential', evidence: "!token, 'No token provided'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: koa1(`  const token = this.get('Authorization');
  if (!token) {
    this.set('WWW-Authenticate', ${BEARER});
    this.status = 401;
    this.body = { message: 'No token provided' };
    return;
  }`),
            },
          ],
        },
      ],
    },
    {
      // this.throw goes through ctx.onerror like ctx.throw: the challenge goes on the error.
      code: koa1(`  if (!this.request.header.authorization) this.throw(403, 'Missing token');`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: koa1(`  if (!this.request.header.authorization) this.throw(401, 'Missing token', { headers: { 'WWW-Authenticate': ${BEARER} } });`),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('koa forms: ctx.throw with a computed message or an Error', credential, {
  valid: [
    // The conditional is a message, and the role check decides.
    `app.use(async (ctx) => { if (!ctx.state.user.roles.includes('admin')) ctx.throw(403, ctx.state.user ? 'Admins only' : 'Forbidden'); });`,
  ],
  invalid: [
    {
      code: `app.use(async (ctx) => { const token = ctx.headers.authorization; if (!token) ctx.throw(403, token === undefined ? 'No token provided' : 'Empty token'); });`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `app.use(async (ctx) => { const token = ctx.headers.authorization; if (!token) ctx.throw(401, token === undefined ? 'No token provided' : 'Empty token', { headers: { 'WWW-Authenticate': ${BEARER} } }); });`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('koa forms: require-www-authenticate', challenge, {
  valid: [
    // Near-miss: an object that is not a message may be properties carrying headers; not reported.
    `app.use(async (ctx) => { if (!ctx.headers.authorization) ctx.throw(401, 'No token', options); });`,
    koa1(`  if (!this.get('Authorization')) this.throw(401, 'No token', { headers: { 'WWW-Authenticate': ${BEARER} } });`),
  ],
  invalid: withSuggestedFix([
    {
      // A conditional message is not a properties object: before, it hid the missing header.
      code: `app.use(async (ctx) => { const token = ctx.headers.authorization; if (!token) ctx.throw(401, token === undefined ? 'No token provided' : 'Empty token'); });`,
      output: `app.use(async (ctx) => { const token = ctx.headers.authorization; if (!token) ctx.throw(401, token === undefined ? 'No token provided' : 'Empty token', { headers: { 'WWW-Authenticate': ${BEARER} } }); });`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // An Error passed to ctx.throw: http-errors answers with it and copies the properties given after it.
      code: `app.use(async (ctx) => {
  const err = new Error('Invalid token');
  if (ctx.get('Authorization') !== 'Bearer abc') ctx.throw(401, err);
});`,
      output: `app.use(async (ctx) => {
  const err = new Error('Invalid token');
  if (ctx.get('Authorization') !== 'Bearer abc') ctx.throw(401, err, { headers: { 'WWW-Authenticate': ${BEARER} } });
});`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: koa1(`  if (!this.get('Authorization')) {
    this.status = 401;
    this.body = 'Unauthorized';
    return;
  }`),
      output: koa1(`  if (!this.get('Authorization')) {
    this.set('WWW-Authenticate', ${BEARER});
    this.status = 401;
    this.body = 'Unauthorized';
    return;
  }`),
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
  ]),
});

ruleTester.run('koa 1 generators: require-403-for-permission-denial', permission, {
  valid: [koa1(`  if (!this.state.user.isAdmin) this.throw(403, 'Admins only');`)],
  invalid: [
    {
      code: koa1(`  if (!this.state.user.isAdmin) this.throw(401, 'Admins only');`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: koa1(`  if (!this.state.user.isAdmin) this.throw(403, 'Admins only');`) }],
        },
      ],
    },
  ],
});

/** A Strapi controller action (a file under `src/api/<name>/controllers/`). */
function strapi(body: string): string {
  return `module.exports = {
  async me(ctx) {
${body}
  },
};`;
}

ruleTester.run('strapi context helpers: require-401-for-credential-failure', credential, {
  valid: [
    strapi(`    if (!ctx.state.user.isAdmin) return ctx.forbidden('Admins only');`),
    strapi(`    if (!ctx.request.body.name) return ctx.badRequest('name is missing', { field: 'name' });`),
    // Near-miss: a helper on something that is not the context.
    strapi(`    if (!ctx.request.header.authorization) return audit.forbidden('No token');`),
  ],
  invalid: [
    {
      code: strapi(`    if (!ctx.request.header.authorization) {
      return ctx.forbidden('Missing token');
    }`),
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          column: 18,
          data: { status: 403, problem: 'a missing credential', evidence: "!ctx.request.header.authorization, 'Missing token'", limitation: '' },
          suggestions: [
            {
              messageId: 'respond401',
              output: strapi(`    if (!ctx.request.header.authorization) {
      ctx.set('WWW-Authenticate', ${BEARER});
      return ctx.unauthorized('Missing token');
    }`),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('strapi context helpers: require-www-authenticate', challenge, {
  valid: [strapi(`    if (!ctx.request.header.authorization) { ctx.set('WWW-Authenticate', ${BEARER}); return ctx.unauthorized('Missing token'); }`)],
  invalid: withSuggestedFix([
    {
      code: strapi(`    if (!ctx.request.header.authorization) return ctx.unauthorized('Missing token');`),
      output: strapi(`    if (!ctx.request.header.authorization) { ctx.set('WWW-Authenticate', ${BEARER}); return ctx.unauthorized('Missing token'); }`),
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

ruleTester.run('strapi context helpers: require-403-for-permission-denial', permission, {
  valid: [strapi(`    if (!ctx.state.user.isAdmin) return ctx.forbidden('Admins only');`)],
  invalid: [
    {
      code: strapi(`    if (!ctx.state.user.isAdmin) return ctx.unauthorized('Admins only');`),
      errors: [
        {
          messageId: 'permissionDenial',
          suggestions: [{ messageId: 'respond403', output: strapi(`    if (!ctx.state.user.isAdmin) return ctx.forbidden('Admins only');`) }],
        },
      ],
    },
  ],
});
