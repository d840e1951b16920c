import type { AnyTRPCRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { fetchListener, get, listen, loadModule } from './serve';
import { itFixesCode, observeServer } from './verify-code-fix';

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
interface Seen {
  status: number;
  code: string;
  challenged: boolean;
}

async function call(url: string, headers: Record<string, string>): Promise<Seen> {
  const response = await get(`${url}/trpc/me`, headers);
  const body = (await response.json()) as { error?: { data?: { code?: string } } };
  return { status: response.status, code: body.error?.data?.code ?? 'OK', challenged: response.headers.has('www-authenticate') };
}

/** The client's view of `me`, with `headers` and with an administrator's token. */
function observe(headers: Record<string, string>) {
  return observeServer(start, (url) => call(url, headers), (url) => call(url, { authorization: 'Bearer admin' }));
}

const PASSING: Seen = { status: 200, code: 'OK', challenged: false };

describe('tRPC: fixes run on the real fetch adapter', () => {
  itFixesCode(
    {
      title: 'FORBIDDEN for a missing user becomes UNAUTHORIZED, which tRPC sends as 401 (with no challenge)',
      source: app(`  if (!ctx.user) throw new TRPCError({ code: 'FORBIDDEN', message: 'Not logged in' });`),
      rule: 'require-401-for-credential-failure',
      before: { status: 403, code: 'FORBIDDEN', challenged: false },
      after: { status: 401, code: 'UNAUTHORIZED', challenged: false },
      uses: /new TRPCError\(\{ code: 'UNAUTHORIZED', message: 'Not logged in' \}\)/,
    },
    observe({}),
    PASSING,
  );

  itFixesCode(
    {
      title: 'UNAUTHORIZED for a role check becomes FORBIDDEN, which tRPC sends as 403',
      source: app(`  if (ctx.user.role !== 'admin') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Admins only' });`),
      rule: 'require-403-for-permission-denial',
      before: { status: 401, code: 'UNAUTHORIZED', challenged: false },
      after: { status: 403, code: 'FORBIDDEN', challenged: false },
      uses: /new TRPCError\(\{ code: 'FORBIDDEN', message: 'Admins only' \}\)/,
    },
    observe({ authorization: 'Bearer member' }),
    PASSING,
  );
});
