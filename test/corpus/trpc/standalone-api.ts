import { initTRPC, TRPCError } from '@trpc/server';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import jwt from 'jsonwebtoken';
import { z } from 'zod';

interface User {
  id: string;
  roles: string[];
}

async function createContext({ req }: { req: import('http').IncomingMessage }) {
  const header = req.headers.authorization;
  if (!header) return { req, user: null as User | null };
  try {
    const user = jwt.verify(header.replace(/^Bearer /, ''), process.env.JWT_SECRET!) as User;
    return { req, user };
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Token expired' }); // expect: require-401-for-credential-failure
    }
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid token' }); // expect: require-401-for-credential-failure
  }
}

const t = initTRPC.context<typeof createContext>().create();

const authed = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return next({ ctx: { user: ctx.user } });
});

const apiKeyProcedure = t.procedure.use(async ({ ctx, next }) => {
  const key = ctx.req.headers['x-api-key'];
  if (!key) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'API key required' }); // expect: require-401-for-credential-failure
  }
  return next();
});

const appRouter = t.router({
  me: authed.query(({ ctx }) => ctx.user),

  auditLog: authed.query(({ ctx }) => {
    if (!ctx.user.roles.includes('auditor')) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Missing auditor role' });
    }
    return [];
  }),

  billing: authed.query(({ ctx }) => {
    if (!ctx.user.roles.includes('billing')) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'You do not have permission to view billing' }); // expect: require-403-for-permission-denial
    }
    return { plan: 'pro' };
  }),

  rename: authed.input(z.object({ name: z.string() })).mutation(({ input }) => {
    if (input.name.length > 64) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Name too long' });
    return { ok: true };
  }),

  metrics: apiKeyProcedure.query(() => ({ uptime: process.uptime() })),

  // Rate limits and maintenance windows are neither sign-in nor permission.
  export: authed.mutation(() => {
    if (Date.now() % 2 === 0) throw new TRPCError({ code: 'TOO_MANY_REQUESTS' });
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Exports are disabled during maintenance' });
  }),
});

createHTTPServer({ router: appRouter, createContext }).listen(3000);
