/**
 * Multi-file projects for the project index (ESM, CommonJS, TypeScript `paths`, a workspace package, a package's
 * error class), shared by the ESLint, CLI and language-server suites. Each decision in another file is called from a
 * credential check (must be reported at the call) and from a permission check (its near-miss, must stay silent or
 * be reported by the other rule), and one import does not resolve at all (silent).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Files = Record<string, string>;

/** ESM TypeScript: error classes whose status lives in their own module, imported with `.js` specifiers. */
export const ESM_PROJECT: Files = {
  'package.json': JSON.stringify({ name: 'esm-app', type: 'module' }),
  'src/errors/base.ts': [
    'export class AppError extends Error {',
    '  constructor(message: string, readonly status: number) {',
    '    super(message);',
    '  }',
    '}',
  ].join('\n'),
  'src/errors/index.ts': "export * from './session.js';\n",
  'src/errors/session.ts': [
    "import { AppError } from './base.js';",
    '',
    'export class SessionGoneError extends AppError {',
    '  constructor() {',
    "    super('Session gone', 403);",
    '  }',
    '}',
    '',
    'export class OwnershipError extends AppError {',
    '  constructor() {',
    "    super('Only the owner may do this', 403);",
    '  }',
    '}',
  ].join('\n'),
  'src/identity.ts': [
    "import { AppError } from './errors/base.js';",
    '',
    'const known = new Map<string, string>();',
    '',
    'export function userForToken(token: string): string {',
    '  const user = known.get(token);',
    '  if (user) return user;',
    "  throw new AppError('No such user', 401);",
    '}',
  ].join('\n'),
  'src/guard.ts': [
    "import { OwnershipError, SessionGoneError } from './errors/index.js';",
    "import { LostError } from './nowhere.js';",
    "import { userForToken } from './identity.js';",
    '',
    'export function requireSession(req: { headers: Record<string, string> }) {',
    '  const token = req.headers.authorization;',
    '  if (!token) throw new SessionGoneError();',
    '}',
    '',
    'export function requireOwner(user: { id: string }, post: { authorId: string }) {',
    '  if (post.authorId !== user.id) throw new OwnershipError();',
    '}',
    '',
    'export function requireOther(req: { headers: Record<string, string> }) {',
    '  const token = req.headers.authorization;',
    '  if (!token) throw new LostError();',
    '}',
    '',
    'export function whoIs(req: { headers: Record<string, string> }) {',
    '  const token = req.headers.authorization;',
    '  if (!token) return null;',
    '  return userForToken(token);',
    '}',
  ].join('\n'),
};

/** CommonJS: response helpers in a shared module, one of which always sends the challenge. */
export const CJS_PROJECT: Files = {
  'package.json': JSON.stringify({ name: 'cjs-app' }),
  'lib/reply.js': [
    'function unauthorized(res, message) {',
    '  return res.status(401).json({ message });',
    '}',
    '',
    'function challenge(res, message) {',
    "  res.set('WWW-Authenticate', 'Bearer realm=\"api\"');",
    '  return res.status(401).json({ message });',
    '}',
    '',
    'function forbidden(res, message) {',
    '  return res.status(403).json({ message });',
    '}',
    '',
    'module.exports = { unauthorized, challenge, forbidden };',
  ].join('\n'),
  'routes/admin.js': [
    "const { unauthorized } = require('../lib/reply');",
    '',
    'function adminOnly(req, res, next) {',
    "  if (req.user.role !== 'admin') return unauthorized(res, 'admins only');",
    '  next();',
    '}',
    '',
    'module.exports = { adminOnly };',
  ].join('\n'),
  'routes/session.js': [
    "const reply = require('../lib/reply');",
    '',
    'function requireToken(req, res, next) {',
    '  if (!req.headers.authorization) return reply.challenge(res, "missing token");',
    "  if (req.user.role !== 'admin') return reply.forbidden(res, 'admins only');",
    '  next();',
    '}',
    '',
    'module.exports = { requireToken };',
  ].join('\n'),
};

/** TypeScript `paths` and `baseUrl` (set in an extended tsconfig), and a status enum of the project. */
export const PATHS_PROJECT: Files = {
  'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@core/*': ['core/*'] } } }),
  'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json', compilerOptions: { strict: true } }),
  'core/http-code.ts': ['export enum HttpCode {', '  Unauthorized = 401,', '  Forbidden = 403,', '}'].join('\n'),
  'app/verify.ts': [
    "import { HttpCode } from '@core/http-code';",
    '',
    'export function verify(req: any, res: any) {',
    '  const header = req.headers.authorization;',
    '  if (!header) return res.status(HttpCode.Forbidden).json({ error: "no token" });',
    "  if (!req.user.permissions.includes('write')) return res.status(HttpCode.Forbidden).json({ error: 'read only' });",
    '}',
  ].join('\n'),
};

/** A workspace package (linked into node_modules, with `exports`) and an installed package's error class. */
export const WORKSPACE_PROJECT: Files = {
  'package.json': JSON.stringify({ name: 'monorepo', private: true, workspaces: ['packages/*'] }),
  'packages/shared/package.json': JSON.stringify({ name: '@acme/shared', exports: { '.': './src/index.js' } }),
  'packages/shared/src/index.js': "export { KeyRejected as ApiKeyError } from './errors.js';\n",
  'packages/shared/src/errors.js': ['export class KeyRejected extends Error {', '  statusCode = 400;', '}'].join('\n'),
  'node_modules/tidy-errors/package.json': JSON.stringify({ name: 'tidy-errors', main: 'lib/index.js' }),
  'node_modules/tidy-errors/lib/index.js': [
    "'use strict';",
    'class HttpError extends Error {}',
    'class Unauthorized extends HttpError {',
    '  constructor(message) {',
    '    super(message);',
    '    this.status = 401;',
    '  }',
    '}',
    'exports.Unauthorized = Unauthorized;',
  ].join('\n'),
  'packages/api/package.json': JSON.stringify({ name: '@acme/api', type: 'module' }),
  'packages/api/src/keys.js': [
    "import { ApiKeyError } from '@acme/shared';",
    "import { Unauthorized } from 'tidy-errors';",
    '',
    'export function checkKey(req) {',
    "  const key = req.headers['x-api-key'];",
    '  if (!key) throw new ApiKeyError();',
    "  if (!req.user.roles.includes('admin')) throw new Unauthorized('admins only');",
    '}',
  ].join('\n'),
};

/**
 * Bare error classes named for their status (`class UnauthorizedError extends Error {}`) behind a barrel, which the
 * project's error handler maps to statuses: the name is their status. A class that sets a status of its own, or
 * whose base sets one, is not judged by its name.
 */
export const NAMED_ERRORS_PROJECT: Files = {
  'package.json': JSON.stringify({ name: 'grants', private: true }),
  'src/errors/index.ts': ["export * from './UnauthorizedError';", "export * from './ForbiddenError';", "export * from './OddErrors';", ''].join('\n'),
  'src/errors/UnauthorizedError.ts': 'export class UnauthorizedError extends Error {}\n',
  'src/errors/ForbiddenError.ts': ["export class ForbiddenError extends Error {", "  name = 'ForbiddenError';", '}', ''].join('\n'),
  'src/errors/OddErrors.ts': [
    'class DomainError extends Error {',
    '  statusCode = 500;',
    '}',
    '// Named for 403 but answered 418 by its own field: the name is not its status.',
    'export class ForbiddenTeapotError extends Error {',
    '  statusCode = 418;',
    '}',
    '// Named for 401 but its base sets a status of its own: the name is not its status.',
    'export class UnauthorizedDomainError extends DomainError {}',
  ].join('\n'),
  'src/errors/graphql.ts': [
    "import { GraphQLError } from 'graphql';",
    '',
    'class CodedError extends GraphQLError {',
    '  constructor(message: string, kind: string) {',
    '    super(message, { extensions: { kind } });',
    '  }',
    '}',
    '',
    'export class Unauthorized extends CodedError {',
    '  constructor(message: string) {',
    "    super(message, 'Unauthorized');",
    '  }',
    '}',
  ].join('\n'),
  'src/resolvers/comments.ts': [
    "import { Unauthorized } from '../errors/graphql';",
    '',
    'export async function editComment(_: unknown, args: { id: string }, req: any) {',
    "  if (!req.remoteUser) throw new Unauthorized('Log in to edit comments');",
    "  if (!req.remoteUser.isAdmin(args.id)) throw new Unauthorized('Only host admins may edit comments');",
    '  return { id: args.id };',
    '}',
  ].join('\n'),
  'src/middleware/errorHandler.ts': [
    "import { ForbiddenError, UnauthorizedError } from '../errors';",
    '',
    'export function statusFor(error: unknown): number {',
    '  if (error instanceof UnauthorizedError) return 401;',
    '  if (error instanceof ForbiddenError) return 403;',
    '  return 500;',
    '}',
  ].join('\n'),
  'src/handlers/grants.ts': [
    "import { ForbiddenError, ForbiddenTeapotError, UnauthorizedDomainError, UnauthorizedError } from '../errors';",
    '',
    'export async function editGrant(req: any, res: any) {',
    '  if (!req.headers.authorization) throw new UnauthorizedError();',
    "  if (!(await hasGrantPermission(req.user, req.params.id, 'edit'))) throw new UnauthorizedError();",
    "  if (req.user.role !== 'admin') throw new UnauthorizedDomainError();",
    '  res.json({ ok: true });',
    '}',
    '',
    'export function readGrant(req: any, res: any) {',
    '  if (!req.headers.authorization) throw new ForbiddenError();',
    '  if (!req.session.user) throw new ForbiddenTeapotError();',
    "  if (req.user.role !== 'admin') throw new ForbiddenError();",
    '  res.json({ ok: true });',
    '}',
  ].join('\n'),
};

/**
 * A project whose final middleware adds the challenge to every 401 it sends: errors thrown or passed to `next` reach
 * it, a response sent directly does not. The file that throws imports nothing from the middleware.
 */
export const CENTRAL_CHALLENGE_PROJECT: Files = {
  'package.json': JSON.stringify({ name: 'registry', private: true }),
  'lib/final.js': [
    'module.exports = function final(body, req, res) {',
    "  if (res.statusCode === 401 && !res.getHeader('WWW-Authenticate')) {",
    "    res.header('WWW-Authenticate', 'Basic, Bearer');",
    '  }',
    '  res.send(body);',
    '};',
  ].join('\n'),
  'lib/auth.js': [
    "const createError = require('http-errors');",
    '',
    'exports.decode = function (header) {',
    "  if (!header) throw createError(401, 'no token');",
    "  return header.split(' ')[1];",
    '};',
    '',
    'exports.gate = function (req, res, next) {',
    "  if (!req.headers.authorization) return next(createError(401, 'no token'));",
    "  if (!req.cookies.session) return res.status(401).send('no session');",
    '  next();',
    '};',
  ].join('\n'),
};

/**
 * A Koa service whose error classes declare 401 and whose error middleware appends the challenge, through a helper
 * named for it, when an error it catches carries 401.
 */
export const KOA_CHALLENGE_HELPER_PROJECT: Files = {
  'package.json': JSON.stringify({ name: 'token-service', private: true, type: 'module' }),
  'src/errors.js': [
    'export class ServiceError extends Error {',
    '  constructor(status, code) {',
    '    super(code);',
    '    this.status = status;',
    '    this.expose = true;',
    '  }',
    '}',
    '',
    'export class ExpiredAccessToken extends ServiceError {',
    '  constructor() {',
    "    super(401, 'invalid_token');",
    '  }',
    '}',
  ].join('\n'),
  'src/www-authenticate.js': [
    'export function appendWwwAuthenticate(ctx, scheme, params) {',
    "  const fields = Object.entries(params).map(([key, value]) => `${key}=\"${value}\"`).join(', ');",
    "  ctx.append('WWW-Authenticate', `${scheme} ${fields}`);",
    '}',
  ].join('\n'),
  'src/middleware/challenge.js': [
    "import { appendWwwAuthenticate } from '../www-authenticate.js';",
    '',
    'export async function challengeFailures(ctx, next) {',
    '  try {',
    '    await next();',
    '  } catch (failure) {',
    "    if (failure.status === 401) appendWwwAuthenticate(ctx, 'Bearer', { realm: 'tokens', error: failure.message });",
    '    throw failure;',
    '  }',
    '}',
  ].join('\n'),
  'src/routes/me.js': [
    'export async function me(ctx) {',
    '  if (!ctx.state.user) {',
    '    ctx.status = 401;',
    "    ctx.body = { error: 'sign in' };",
    '    return;',
    '  }',
    '  ctx.body = ctx.state.user;',
    '}',
  ].join('\n'),
};

/** Writes a project into a fresh temporary folder (real path), linking workspace packages into node_modules. */
export function writeProject(files: Files): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-index-')));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  if (files['packages/shared/package.json']) {
    fs.mkdirSync(path.join(root, 'node_modules/@acme'), { recursive: true });
    fs.symlinkSync(path.join(root, 'packages/shared'), path.join(root, 'node_modules/@acme/shared'), 'dir');
  }
  return root;
}
