import { initTRPC, TRPCError } from '@trpc/server';
import type { CreateNextContextOptions } from '@trpc/server/adapters/next';
import { getServerSession } from 'next-auth';
import superjson from 'superjson';
import { z } from 'zod';
import { authOptions } from './auth';
import { db } from './db';

export async function createContext({ req, res }: CreateNextContextOptions) {
  const session = await getServerSession(req, res, authOptions);
  return { session, db };
}

type Context = Awaited<ReturnType<typeof createContext>>;

const t = initTRPC.context<Context>().create({ transformer: superjson });

export const router = t.router;
export const publicProcedure = t.procedure;

// The session is absent: the caller has not signed in.
const enforceUserIsAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.session?.user) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You must be signed in' }); // expect: require-401-for-credential-failure
  }
  return next({ ctx: { session: { ...ctx.session, user: ctx.session.user } } });
});

export const protectedProcedure = t.procedure.use(enforceUserIsAuthed);

// A signed-in user without the admin role.
const enforceAdmin = t.middleware(({ ctx, next }) => {
  if (ctx.session?.user.role !== 'admin') {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Admins only' }); // expect: require-403-for-permission-denial
  }
  return next();
});

export const adminProcedure = protectedProcedure.use(enforceAdmin);

export const postRouter = router({
  byId: publicProcedure.input(z.object({ id: z.string() })).query(async ({ ctx, input }) => {
    const post = await ctx.db.post.findUnique({ where: { id: input.id } });
    if (!post) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such post' });
    return post;
  }),

  update: protectedProcedure
    .input(z.object({ id: z.string(), title: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => {
      const post = await ctx.db.post.findUnique({ where: { id: input.id } });
      if (post?.authorId !== ctx.session.user.id) {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the author can edit this post' });
      }
      return ctx.db.post.update({ where: { id: input.id }, data: { title: input.title } });
    }),

  delete: protectedProcedure.input(z.object({ id: z.string() })).mutation(async ({ ctx, input }) => {
    const post = await ctx.db.post.findUnique({ where: { id: input.id } });
    if (post?.authorId !== ctx.session.user.id) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Not the owner' }); // expect: require-403-for-permission-denial
    }
    return ctx.db.post.delete({ where: { id: input.id } });
  }),

  publish: adminProcedure.input(z.object({ id: z.string() })).mutation(async ({ ctx, input }) => {
    const post = await ctx.db.post.findUnique({ where: { id: input.id } });
    if (post?.status === 'archived') {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Archived posts cannot be published' });
    }
    return ctx.db.post.update({ where: { id: input.id }, data: { published: true } });
  }),
});
