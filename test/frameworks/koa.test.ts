import type Koa from 'koa';
import { listen, loadModule } from './serve';
import { itFixes } from './verify-fix';

async function start(source: string) {
  const { default: app } = await loadModule<{ default: Koa }>(source);
  app.silent = true;
  return listen(app.callback());
}

const BEARER = { authorization: 'Bearer abc' };

describe('Koa: fixes run on the real framework', () => {
  itFixes(start, {
    title: 'ctx.throw(403) for a missing token becomes ctx.throw(401, msg, { headers })',
    source: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  const token = ctx.get('Authorization');
  if (!token) ctx.throw(403, 'No token provided');
  ctx.body = { ok: true };
});
export default app;
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /ctx\.throw\(401, 'No token provided', \{ headers: \{ 'WWW-Authenticate': /,
  });

  itFixes(start, {
    title: 'a header set with ctx.set before ctx.throw(401) is dropped by Koa; the fix puts it on the error',
    source: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  if (ctx.get('Authorization') !== 'Bearer abc') {
    ctx.set('WWW-Authenticate', 'Bearer realm="api"');
    ctx.throw(401, 'Invalid token');
  }
  ctx.body = { ok: true };
});
export default app;
`,
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /ctx\.throw\(401, 'Invalid token', \{ headers: \{ 'WWW-Authenticate': /,
  });

  itFixes(start, {
    title: 'ctx.assert(user, 403, msg) becomes ctx.assert(user, 401, msg, { headers })',
    source: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
  ctx.state.user = ctx.get('Authorization') ? { id: 1 } : null;
  await next();
});
app.use(async (ctx) => {
  ctx.assert(ctx.state.user, 403, 'Please login');
  ctx.body = { ok: true };
});
export default app;
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /ctx\.assert\(ctx\.state\.user, 401, 'Please login', \{ headers: /,
  });

  itFixes(start, {
    title: 'ctx.assert(user, 401) without a message takes the headers as its properties',
    source: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  ctx.assert(ctx.get('Authorization'), 401);
  ctx.body = { ok: true };
});
export default app;
`,
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /ctx\.assert\(ctx\.get\('Authorization'\), 401, \{ headers: /,
  });

  itFixes(start, {
    title: 'ctx.status = 403 becomes ctx.set(…) before ctx.status = 401',
    source: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  if (!ctx.headers.authorization) {
    ctx.status = 403;
    ctx.body = { error: 'Missing token' };
    return;
  }
  ctx.body = { ok: true };
});
export default app;
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /ctx\.set\('WWW-Authenticate', 'Bearer realm="api"'\);\n\s+ctx\.status = 401;/,
  });

  itFixes(start, {
    title: 'ctx.throw(403, cond ? msgA : msgB) becomes a 401 whose challenge rides on the error',
    source: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  const token = ctx.headers.authorization;
  if (!token) ctx.throw(403, token === undefined ? 'No token provided' : 'Empty token');
  ctx.body = { ok: true };
});
export default app;
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /ctx\.throw\(401, token === undefined \? 'No token provided' : 'Empty token', \{ headers: \{ 'WWW-Authenticate': /,
  });

  itFixes(start, {
    title: 'ctx.throw(401, errObject) gets the headers as properties after the Error',
    source: `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx) => {
  const err = new Error('Invalid token');
  if (ctx.get('Authorization') !== 'Bearer abc') ctx.throw(401, err);
  ctx.body = { ok: true };
});
export default app;
`,
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /ctx\.throw\(401, err, \{ headers: \{ 'WWW-Authenticate': 'Bearer realm="api"' \} \}\)/,
  });
});
