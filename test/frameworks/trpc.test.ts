import assert from 'node:assert/strict';
import type { AnyTRPCRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { fixWith, type RuleName } from './apply-fix';
import { fetchListener, get, listen, loadModule, withServer } from './serve';

/** A tRPC app whose `me` procedure runs `guard` on a context with `user` set when a bearer token is sent. */
function app(guard: string): string {
  return `import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.context().create();
const guarded = t.middleware(({ ctx, next }) => {
${guard}
  return next();
});
export const appRouter = t.router({ me: t.procedure.use(guarded).query(({ ctx }) => ctx.user) });
`;
}

/** Serves the app's router with tRPC's fetch adapter on 127.0.0.1. */
async function start(source: string) {
  const { appRouter } = await loadModule<{ appRouter: AnyTRPCRouter }>(source);
  return listen(
    fetchListener((req) =>
      fetchRequestHandler({
        endpoint: '/trpc',
        req,
        router: appRouter,
        createContext: () => {
          const token = req.headers.get('authorization');
          return { user: token ? { id: 'u1', role: token === 'Bearer admin' ? 'admin' : 'member' } : null };
        },
      }),
    ),
  );
}

/** What a tRPC client sees: the HTTP status, the error code in the body, and whether a challenge came along. */
async function call(url: string, headers: Record<string, string> = {}) {
  const response = await get(`${url}/trpc/me`, headers);
  const body = (await response.json()) as { error?: { data?: { code?: string } } };
  return { status: response.status, code: body.error?.data?.code ?? 'OK', challenged: response.headers.has('www-authenticate') };
}

interface Case {
  title: string;
  source: string;
  rule: RuleName;
  /** The failing request, and what the client sees before and after the fix. */
  headers: Record<string, string>;
  before: { status: number; code: string };
  after: { status: number; code: string };
  uses: RegExp;
}

function itFixesTrpc(fixCase: Case): void {
  it(fixCase.title, async () => {
    const { output } = fixWith(fixCase.source, fixCase.rule, 'suggestion');
    assert.match(output, fixCase.uses);
    for (const [source, expected] of [[fixCase.source, fixCase.before], [output, fixCase.after]] as const) {
      await withServer(
        () => start(source),
        async (url) => {
          assert.deepEqual(await call(url, fixCase.headers), { ...expected, challenged: false });
          // A signed-in administrator passes before and after.
          assert.deepEqual(await call(url, { authorization: 'Bearer admin' }), { status: 200, code: 'OK', challenged: false });
        },
      );
    }
  });
}

describe('tRPC: fixes run on the real fetch adapter', () => {
  itFixesTrpc({
    title: "FORBIDDEN for a missing user becomes UNAUTHORIZED, which tRPC sends as 401",
    source: app(`  if (!ctx.user) throw new TRPCError({ code: 'FORBIDDEN', message: 'Not logged in' });`),
    rule: 'require-401-for-credential-failure',
    headers: {},
    before: { status: 403, code: 'FORBIDDEN' },
    after: { status: 401, code: 'UNAUTHORIZED' },
    uses: /new TRPCError\(\{ code: 'UNAUTHORIZED', message: 'Not logged in' \}\)/,
  });

  itFixesTrpc({
    title: 'UNAUTHORIZED for a role check becomes FORBIDDEN, which tRPC sends as 403',
    source: app(`  if (ctx.user.role !== 'admin') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Admins only' });`),
    rule: 'require-403-for-permission-denial',
    headers: { authorization: 'Bearer member' },
    before: { status: 401, code: 'UNAUTHORIZED' },
    after: { status: 403, code: 'FORBIDDEN' },
    uses: /new TRPCError\(\{ code: 'FORBIDDEN', message: 'Admins only' \}\)/,
  });
});
