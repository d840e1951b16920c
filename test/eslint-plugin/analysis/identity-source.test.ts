import assert from 'node:assert/strict';
import { IDENTITY_SOURCE } from '../../../packages/eslint-plugin/src/analysis/vocabulary';

// Where frameworks keep the identity an earlier step authenticated: its absence means "not signed in".
const IDENTITY = [
  'ctx.user', // tRPC context, Koa apps that put the user on the context
  'ctx.session?.user', // tRPC with next-auth sessions
  'ctx.session', // tRPC: no session at all
  'ctx?.auth',
  'request.auth', // Firebase callable functions (v2)
  'context.auth', // Firebase callable functions (v1)
  'req.user',
  'req.session?.userId',
  'context.params.user', // Feathers hooks
  'params.authentication', // Feathers service methods, after the authenticate hook
  'auth.user', // AdonisJS
  'ctx.state.claims',
  'getAuth(req)', // Clerk (Express, Next.js): the request's auth state, userId null when signed out
  'ctx.state.session', // Fresh: the session a middleware put on the state
  'ctx.state.sessionId',
  'req.session.name', // the signed-in user's name kept in the session
  'this.session.username',
  'state.authenticatedUsername', // TiddlyWiki: what the authenticator established
];

// Look-alikes that are request data or unrelated objects.
const NOT_IDENTITY = ['ctx.body', 'ctx.params.user', 'req.params.user', 'searchParams.user', 'ctx.request.body.user', 'ctxUser', 'tx.user', 'ctx.users', 'ctx.sessions', 'ctx.state.sessions', 'req.session.names', 'state.sessionTimeout', 'getAuthor(req)', 'budgetAuth(req)'];

describe('IDENTITY_SOURCE', () => {
  for (const text of IDENTITY) it(`holds an identity: ${text}`, () => assert.ok(IDENTITY_SOURCE.test(text), text));
  for (const text of NOT_IDENTITY) it(`holds no identity: ${text}`, () => assert.ok(!IDENTITY_SOURCE.test(text), text));
});
