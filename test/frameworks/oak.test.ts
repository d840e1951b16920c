import type { Application } from '@oakserver/oak';
import { fetchListener, listen, loadModule } from './serve';
import { itFixes } from './verify-fix';

/** oak's `app.handle` answers a Fetch `Request`, as it does under Deno.serve and Bun. */
async function start(source: string) {
  const { default: app } = await loadModule<{ default: Application }>(source);
  return listen(fetchListener(async (request) => (await app.handle(request)) ?? new Response(null, { status: 500 })));
}

const BEARER = { authorization: 'Bearer abc' };

function app(check: string): string {
  return `import { Application, Status } from '@oakserver/oak';
const app = new Application({ logErrors: false });
app.use((ctx) => {
  const token = ctx.request.headers.get('authorization');
${check}
  ctx.response.body = { ok: true };
});
export default app;
`;
}

describe('oak: fixes run on the real framework', () => {
  itFixes(start, {
    title: 'ctx.throw(Status.Forbidden) for a missing token becomes a thrown createHttpError(Status.Unauthorized) with headers',
    source: app(`  if (!token) ctx.throw(Status.Forbidden, 'Missing token');`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /import \{ Application, Status, createHttpError \} from '@oakserver\/oak';[^]*throw createHttpError\(Status\.Unauthorized, 'Missing token', \{ headers: \{ 'WWW-Authenticate': /,
  });

  itFixes(start, {
    title: 'ctx.response.status = 403 becomes 401 after ctx.response.headers.set',
    source: app(`  if (!token) {
    ctx.response.status = 403;
    ctx.response.body = { error: 'Missing token' };
    return;
  }`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /ctx\.response\.headers\.set\('WWW-Authenticate', [^)]+\);\n\s+ctx\.response\.status = 401;/,
  });

  itFixes(start, {
    title: 'ctx.throw(401) without a message becomes createHttpError(401, undefined, { headers })',
    source: app(`  if (token !== 'Bearer abc') ctx.throw(401);`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /throw createHttpError\(401, undefined, \{ headers: \{ 'WWW-Authenticate': /,
  });

  itFixes(start, {
    title: 'a response destructured from the context gets response.headers.set before its 401',
    source: `import { Application } from '@oakserver/oak';
const app = new Application({ logErrors: false });
app.use(async ({ request, response }, next) => {
  if (request.headers.get('authorization') !== 'Bearer abc') {
    response.status = 401;
    response.body = { message: 'Sign in first' };
    return;
  }
  await next();
});
app.use((ctx) => { ctx.response.body = { ok: true }; });
export default app;
`,
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /response\.headers\.set\('WWW-Authenticate', [^)]+\);\n\s+response\.status = 401;/,
  });
});
