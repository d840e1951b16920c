import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const TRPC = `import { initTRPC, TRPCError } from '@trpc/server';
const t = initTRPC.context<Context>().create();
`;

/** A context function's verification failure, answered UNAUTHORIZED: the autofix and the suggestion agree. */
const FIXED_CONTEXT = `${TRPC}export const createContext = async ({ req }) => {
  const header = req.headers.authorization;
  try {
    return { user: await jwt.verify(header, secret) };
  } catch {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Invalid token" });
  }
};`;

ruleTester.run('trpc: require-401-for-credential-failure', credential, {
  valid: [
    // The right code for a missing session.
    `${TRPC}const isAuthed = t.middleware(({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' }); return next(); });`,
    // FORBIDDEN for a role check is right.
    `${TRPC}const isAdmin = t.middleware(({ ctx, next }) => { if (ctx.user.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN', message: 'Admins only' }); return next(); });`,
    // Near-miss: FORBIDDEN with nothing that says why.
    `${TRPC}const guard = t.middleware(({ ctx, next }) => { if (!ctx.flags.beta) throw new TRPCError({ code: 'FORBIDDEN' }); return next(); });`,
    // Near-miss: a TRPCError class that is not tRPC's.
    `import { TRPCError } from './errors';
const isAuthed = ({ ctx }) => { if (!ctx.user) throw new TRPCError({ code: 'FORBIDDEN', message: 'Not logged in' }); };`,
    // Near-miss: PRECONDITION_FAILED for the state of a record the signed-in user works on.
    `${TRPC}const publish = t.procedure.mutation(async ({ ctx, input }) => { const draft = await ctx.db.draft(input.id); if (draft.state !== 'ready') throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Draft is not ready' }); });`,
    // Near-miss: other codes are not the pair (BAD_REQUEST for invalid input).
    `${TRPC}const p = t.procedure.mutation(({ input }) => { if (!input.title) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Title required' }); });`,
    // Near-miss: a code tRPC does not know as a literal (computed).
    `${TRPC}const isAuthed = t.middleware(({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: denyCode, message: 'Not logged in' }); return next(); });`,
  ],
  invalid: [
    {
      code: `${TRPC}const isAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: 'FORBIDDEN', message: 'Not logged in' });
  return next({ ctx: { user: ctx.session.user } });
});`,
      errors: [
        {
          messageId: 'wrongCode',
          line: 4,
          data: {
            written: "'FORBIDDEN'",
            problem: 'a missing credential',
            evidence: "!ctx.session?.user, 'Not logged in'",
            credential: "'UNAUTHORIZED'",
          },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              data: { credential: "'UNAUTHORIZED'" },
              output: `${TRPC}const isAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Not logged in' });
  return next({ ctx: { user: ctx.session.user } });
});`,
            },
          ],
        },
      ],
    },
    {
      // A failed verification of the bearer token, fixed in place (autofix on), quotes kept; no header is added.
      code: `${TRPC}export const createContext = async ({ req }) => {
  const header = req.headers.authorization;
  try {
    return { user: await jwt.verify(header, secret) };
  } catch {
    throw new TRPCError({ code: "FORBIDDEN", message: "Invalid token" });
  }
};`,
      options: [{ autofix: true }],
      output: FIXED_CONTEXT,
      errors: [
        {
          messageId: 'wrongCode',
          data: { written: '"FORBIDDEN"', problem: 'an invalid credential', evidence: 'jwt.verify(header, secret), "Invalid token"', credential: '"UNAUTHORIZED"' },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              data: { credential: '"UNAUTHORIZED"' },
              output: FIXED_CONTEXT,
            },
          ],
        },
      ],
    },
    {
      // BAD_REQUEST is sent as 400: as wrong as 403 for a credential that failed.
      code: `${TRPC}const isAuthed = t.middleware(({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Missing session' }); return next(); });`,
      errors: [
        {
          messageId: 'wrongCode',
          data: { written: "'BAD_REQUEST'", problem: 'a missing credential', evidence: "!ctx.user, 'Missing session'", credential: "'UNAUTHORIZED'" },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `${TRPC}const isAuthed = t.middleware(({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Missing session' }); return next(); });`,
            },
          ],
        },
      ],
    },
    {
      // PRECONDITION_FAILED is sent as 412: a session that expired is no unmet precondition of the request.
      code: `${TRPC}const isAuthed = t.middleware(({ ctx, next }) => { if (ctx.session.expiresAt < Date.now()) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Session expired' }); return next(); });`,
      errors: [
        {
          messageId: 'wrongCode',
          data: { written: "'PRECONDITION_FAILED'", problem: 'an expired credential', evidence: "ctx.session.expiresAt < Date.now(), 'Session expired'", credential: "'UNAUTHORIZED'" },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `${TRPC}const isAuthed = t.middleware(({ ctx, next }) => { if (ctx.session.expiresAt < Date.now()) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Session expired' }); return next(); });`,
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('trpc: require-401-for-credential-failure (CommonJS)', credential, {
  valid: [`const { TRPCError } = require('@trpc/server');
const isAdmin = ({ ctx }) => { if (!ctx.user.isAdmin) throw new TRPCError({ code: 'FORBIDDEN' }); };`],
  invalid: [
    {
      code: `const { TRPCError } = require('@trpc/server');
const isAuthed = ({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'FORBIDDEN', message: 'You must be logged in' }); return next(); };`,
      errors: [
        {
          messageId: 'wrongCode',
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `const { TRPCError } = require('@trpc/server');
const isAuthed = ({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'You must be logged in' }); return next(); };`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('trpc: require-403-for-permission-denial', permission, {
  valid: [
    `${TRPC}const isAdmin = t.middleware(({ ctx, next }) => { if (ctx.user.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN' }); return next(); });`,
    // Near-miss: UNAUTHORIZED for a missing user is right.
    `${TRPC}const isAuthed = t.middleware(({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' }); return next(); });`,
  ],
  invalid: [
    {
      code: `${TRPC}const deletePost = t.procedure.mutation(async ({ ctx, input }) => {
  const post = await db.post.findUnique({ where: { id: input.id } });
  if (post.authorId !== ctx.user.id) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Not the owner' });
});`,
      errors: [
        {
          messageId: 'permissionDenialCode',
          line: 5,
          data: { written: "'UNAUTHORIZED'", evidence: "post.authorId !== ctx.user.id, 'Not the owner'", permission: "'FORBIDDEN'" },
          suggestions: [
            {
              messageId: 'answerPermissionCode',
              data: { permission: "'FORBIDDEN'" },
              output: `${TRPC}const deletePost = t.procedure.mutation(async ({ ctx, input }) => {
  const post = await db.post.findUnique({ where: { id: input.id } });
  if (post.authorId !== ctx.user.id) throw new TRPCError({ code: 'FORBIDDEN', message: 'Not the owner' });
});`,
            },
          ],
        },
      ],
    },
  ],
});

// tRPC's HTTP adapters send UNAUTHORIZED as 401 with no header and no place at the throw to add one
// (headers belong to `responseMeta`): the challenge rule leaves tRPC codes alone.
ruleTester.run('trpc: require-www-authenticate', challenge, {
  valid: [`${TRPC}const isAuthed = t.middleware(({ ctx, next }) => { if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' }); return next(); });`],
  invalid: withSuggestedFix([
    {
      // An HTTP 401 written elsewhere in the same file is still judged.
      code: `${TRPC}export function handler(req, res) { if (!req.headers.authorization) return res.status(401).end(); }`,
      output: `${TRPC}export function handler(req, res) { if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end(); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

/** A router whose `login` procedure checks a signed message built by `construct`, answering its failure with `code`. */
const signedLogin = (imports: string, construct: string, code: string) => `${TRPC}${imports}
export const authRouter = t.router({
  login: t.procedure.input(loginInput).mutation(async ({ input, ctx }) => {
    try {
      const signed = ${construct};
      const fields = await signed.verify({ signature: input.signature, nonce: ctx.session.nonce });
      ctx.session.address = fields.data.address;
      await ctx.session.save();
      return ctx.session.address;
    } catch (error) {
      ctx.session.nonce = undefined;
      throw new TRPCError({ code: '${code}', message: error.message });
    }
  }),
});`;

ruleTester.run('trpc: Sign-In with Ethereum, the login procedure', credential, {
  valid: [
    // The right code.
    signedLogin("import { SiweMessage } from 'siwe';", 'new SiweMessage(input.message)', 'UNAUTHORIZED'),
    // A receipt's signature checked by another library is no login of the caller.
    signedLogin("import { Receipt } from './receipts';", 'new Receipt(input.message)', 'PRECONDITION_FAILED'),
  ],
  invalid: [
    {
      code: signedLogin("import { SiweMessage } from 'siwe';", 'new SiweMessage(input.message)', 'PRECONDITION_FAILED'),
      errors: [{ messageId: 'wrongCode', line: 14, suggestions: 1 }],
    },
  ],
});
