import type Koa from 'koa';
import { listen, loadModule } from './serve';
import { itFixes } from './verify-fix';

/** Egg's context is Koa's and its error handler sets `err.status` and `err.headers` as Koa's does: served by Koa. */
async function start(source: string) {
  const { default: app } = await loadModule<{ default: Koa }>(source);
  app.silent = true;
  return listen(app.callback());
}

const BEARER = { authorization: 'Bearer abc' };

/** A Koa app whose one middleware runs `check` (an Egg middleware body) before answering. */
function app(check: string): string {
  return `import Koa from 'koa';
import errors from 'egg-errors';
const { ForbiddenError, UnauthorizedError } = errors;
const app = new Koa();
app.use(async (ctx) => {
${check}
  ctx.body = { ok: true };
});
export default app;
`;
}

describe('egg-errors: fixes run on Koa, the context Egg extends', () => {
  itFixes(start, {
    title: 'ForbiddenError for a missing token becomes an UnauthorizedError carrying the challenge in its headers',
    source: app(`  if (!ctx.get('Authorization')) throw new ForbiddenError('Token missing');`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /throw Object\.assign\(new UnauthorizedError\('Token missing'\), \{ headers: \{ 'WWW-Authenticate': /,
  });

  itFixes(start, {
    title: 'an UnauthorizedError without headers gets them attached',
    source: app(`  if (ctx.get('Authorization') !== 'Bearer abc') throw new errors.E401('Invalid token');`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /throw Object\.assign\(new errors\.E401\('Invalid token'\), \{ headers: /,
  });
});
