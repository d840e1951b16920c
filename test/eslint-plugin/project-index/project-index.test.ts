import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-auth-status';
import { CENTRAL_CHALLENGE_PROJECT, CJS_PROJECT, KOA_CHALLENGE_HELPER_PROJECT, ESM_PROJECT, NAMED_ERRORS_PROJECT, PATHS_PROJECT, WORKSPACE_PROJECT, writeProject, type Files } from '../../support/index-projects';

interface Report {
  file: string;
  line: number;
  rule: string;
  suggestions: { range: [number, number]; text: string }[];
}

const roots: string[] = [];
after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

/** Lints every source file of a project written to disk, as a user's eslint.config.js with the recommended config would. */
async function lintProject(files: Files): Promise<{ root: string; reports: Report[]; eslint: ESLint }> {
  const root = writeProject(files);
  roots.push(root);
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{js,ts}'], languageOptions: { parser: tsParser }, plugins: { 'auth-status': plugin }, rules: plugin.configs.recommended.rules },
    ],
  });
  const sources = Object.keys(files).filter((name) => /\.[jt]s$/.test(name) && !name.startsWith('node_modules/'));
  const results = await eslint.lintFiles(sources);
  const reports = results.flatMap((result) =>
    result.messages.map((message) => {
      assert.equal(message.fatal, undefined, `${result.filePath}: ${message.message}`);
      return {
        file: path.relative(root, result.filePath),
        line: message.line,
        rule: (message.ruleId ?? '').replace('auth-status/', ''),
        suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.fix),
      };
    }),
  );
  return { root, reports, eslint };
}

const at = (reports: Report[], file: string) => reports.filter((report) => report.file === file).map(({ line, rule }) => `${line} ${rule}`);

/** A Firebase project that keeps its error codes in a constants module. */
const FIREBASE_CODES_PROJECT: Files = {
  'package.json': JSON.stringify({ name: 'functions', private: true }),
  'src/codes.ts': `export const NEEDS_SIGN_IN = 'failed-precondition';
export const NOT_YOURS = 'permission-denied';
export const REGION = 'europe-west1';
`,
  'src/claims.ts': `import * as functions from 'firebase-functions/v1';
import { NEEDS_SIGN_IN, NOT_YOURS } from './codes';

export const setClaim = functions.https.onCall(async (data, context) => {
  if (!context.auth) {
    throw new functions.https.HttpsError(NEEDS_SIGN_IN, 'Sign in first');
  }
  if (!context.auth.token.admin) {
    throw new functions.https.HttpsError(NOT_YOURS, 'Admins only');
  }
  return { ok: true };
});
`,
};

/** A CommonJS API whose shared helper sets the status it is handed, named from a JSON table of statuses. */
const FORWARDING_PROJECT: Files = {
  'package.json': JSON.stringify({ name: 'forwarding-api' }),
  'lib/http.json': JSON.stringify({ VERSION: '3', HTTP: { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403 }, LIMITS: { MAX: 1000 } }),
  'lib/tools.js': [
    'function sendJSONStatus(res, status, title, detail) {',
    '  const body = { status };',
    '  if (title) body.message = title;',
    '  if (detail) body.detail = detail;',
    '  res.status(status).json(body);',
    '  return title;',
    '}',
    '',
    'function sendChallenged(res, status, title) {',
    "  res.set('WWW-Authenticate', 'Bearer realm=\"api\"');",
    '  res.status(status).json({ message: title });',
    '}',
    '',
    'function maybeSend(res, status) {',
    '  if (res.headersSent) return;',
    '  if (status) res.status(status).end();',
    '}',
    '',
    'module.exports = { sendJSONStatus, sendChallenged, maybeSend };',
  ].join('\n'),
  'lib/gate.js': [
    "const tools = require('./tools');",
    "const codes = require('./http.json');",
    '',
    'function authenticate(req, res) {',
    "  const token = req.get('Authorization');",
    "  if (!token) return tools.sendJSONStatus(res, codes.HTTP.UNAUTHORIZED, 'Missing or bad token');",
    "  if (!req.user.permissions.includes('write')) return tools.sendJSONStatus(res, codes.HTTP.FORBIDDEN, 'Not allowed');",
    "  if (token.length < 10) return tools.sendChallenged(res, codes.HTTP.UNAUTHORIZED, 'Bad token');",
    "  if (token === 'x') return tools.maybeSend(res, 401);",
    '}',
    '',
    'module.exports = { authenticate };',
  ].join('\n'),
  'lib/keys.js': [
    "const tools = require('./tools');",
    "const codes = require('./http.json');",
    '',
    'module.exports = function requireKey(req, res, next) {',
    "  if (!req.headers['x-api-key']) return tools.sendJSONStatus(res, codes.HTTP.FORBIDDEN, 'API key missing');",
    '  next();',
    '};',
  ].join('\n'),
};

/** A project error class carrying its status, and the handler that renders it, in other files. */
function renderedErrorsProject(handlerBranch: string): Files {
  return {
    'package.json': JSON.stringify({ name: 'functions-middleware' }),
    'src/errors/app-error.ts': [
      'export class AppError<T> extends Error {',
      '  constructor(message: string, public status: number, public body?: T) {',
      '    super(message);',
      '  }',
      '}',
    ].join('\n'),
    'src/errors/handler.ts': [
      "import { AppError } from './app-error';",
      '',
      'export function toResponse(error: unknown) {',
      '  if (error instanceof AppError) {',
      handlerBranch,
      '  }',
      "  return { status: 500, jsonBody: { message: 'Internal error' } };",
      '}',
    ].join('\n'),
    'src/auth/require-header.ts': [
      "import { AppError } from '../errors/app-error';",
      '',
      'export function requireHeader(request: Request) {',
      "  const header = request.headers.get('authorization');",
      "  if (!header) throw new AppError('Authentication required', 401);",
      '  return header;',
      '}',
    ].join('\n'),
  };
}

/** Azure Functions v3 handlers answering through plain result objects that a shared module builds. */
const AZURE_RESULTS_PROJECT: Files = {
  'package.json': JSON.stringify({ name: 'chat-api' }),
  'common/results.ts': [
    'export function ok(body: unknown = {}) {',
    '  return { status: 200, body: JSON.stringify(body) };',
    '}',
    '',
    "export function forbidden(reason = '') {",
    '  return { status: 403, body: JSON.stringify({ success: false, reason }) };',
    '}',
  ].join('\n'),
  'signin/index.ts': [
    "import { AzureFunction, Context, HttpRequest } from '@azure/functions';",
    "import { forbidden, ok } from '../common/results';",
    '',
    'const signin: AzureFunction = async function (context: Context, req: HttpRequest) {',
    '  const account = await accounts.findByName(req.body.username);',
    '  const matches = account && (await bcrypt.compare(req.body.password, account.passwordHash));',
    '  if (!matches) {',
    "    context.res = forbidden('Unknown user name or password');",
    '    return;',
    '  }',
    '  context.res = ok({ token: sign(account.id) });',
    '};',
    'export default signin;',
  ].join('\n'),
  'roles/index.ts': [
    "import { AzureFunction, Context, HttpRequest } from '@azure/functions';",
    "import { forbidden, ok } from '../common/results';",
    '',
    'const editRole: AzureFunction = async function (context: Context, req: HttpRequest) {',
    '  const caller = await session(req);',
    "  if (!caller.roles.includes('admin')) {",
    "    context.res = forbidden('Admins only');",
    '    return;',
    '  }',
    '  const denied = forbidden();',
    '  context.res = ok(denied);',
    '};',
    'export default editRole;',
  ].join('\n'),
};

describe('project index: findings through imported modules (ESLint)', () => {
  it('Azure Functions v3: a shared helper returning a 403 result object, assigned to context.res for a failed login, is reported', async () => {
    const { reports } = await lintProject(AZURE_RESULTS_PROJECT);
    assert.deepEqual(at(reports, 'signin/index.ts'), ['8 require-401-for-credential-failure']);
    // A permission check is right with it, and a result kept in a variable is not the response.
    assert.deepEqual(at(reports, 'roles/index.ts'), []);
  });

  it('a project error class its handler renders without a challenge: a 401 thrown with it lacks one', async () => {
    const { reports } = await lintProject(renderedErrorsProject('    return { status: error.status, jsonBody: error.body };'));
    assert.deepEqual(at(reports, 'src/auth/require-header.ts'), ['5 require-www-authenticate']);
  });

  it('a handler that sends the challenge, or the error\'s own headers, with the status: the thrown 401 is left to it', async () => {
    const challenged = await lintProject(
      renderedErrorsProject("    return { status: error.status, headers: error.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}, jsonBody: error.body };"),
    );
    assert.deepEqual(at(challenged.reports, 'src/auth/require-header.ts'), []);
    const copied = await lintProject(renderedErrorsProject('    return { status: error.status, headers: error.headers };'));
    assert.deepEqual(at(copied.reports, 'src/auth/require-header.ts'), []);
  });

  it('an Express error middleware sending err.status without a challenge renders a class that has no handler of its own', async () => {
    const files: Files = {
      'package.json': JSON.stringify({ name: 'layered' }),
      'lib/problem.js': ['class ProblemError extends Error {', '  constructor(status, detail) {', '    super(detail);', '    this.status = status;', '  }', '}', 'module.exports = ProblemError;'].join('\n'),
      'lib/respond.js': [
        '// Converts other errors and passes them on: it sends nothing itself.',
        'function toProblem(error, req, res, next) {',
        '  next(error.status ? error : Object.assign(error, { status: 500 }));',
        '}',
        'function respond(problem, req, res, next) {',
        '  res.status(problem.status).json({ detail: problem.message });',
        '}',
        'module.exports = { toProblem, respond };',
      ].join('\n'),
      'routes/session.js': [
        "const ProblemError = require('../lib/problem');",
        'module.exports = function requireSession(req, res, next) {',
        "  if (!req.session.accountId) return next(new ProblemError(401, 'Sign in again'));",
        '  next();',
        '};',
      ].join('\n'),
    };
    const { reports } = await lintProject(files);
    assert.deepEqual(at(reports, 'routes/session.js'), ['3 require-www-authenticate']);
    const challenged = await lintProject({
      ...files,
      'lib/respond.js': files['lib/respond.js']!.replace('res.status(problem.status)', "res.status(problem.status).set(problem.headers ?? {})"),
    });
    assert.deepEqual(at(challenged.reports, 'routes/session.js'), []);
  });

  it('a handler that renders the class with a status of its own says nothing of the class: silent', async () => {
    const { reports } = await lintProject(renderedErrorsProject("    return { status: 400, jsonBody: { message: 'Bad request' } };"));
    assert.deepEqual(at(reports, 'src/auth/require-header.ts'), []);
  });

  it('a helper setting the status it is handed: the 401 passed to it lacks the challenge, the status is fixed at the call', async () => {
    const { reports } = await lintProject(FORWARDING_PROJECT);
    // Line 7: right for a permission. Line 8: the helper sends the challenge. Line 9: the helper sends on some paths only.
    assert.deepEqual(at(reports, 'lib/gate.js'), ['6 require-www-authenticate']);
  });

  it('an error helper setting the status it is handed on the error it makes: its 401 is judged at the call', async () => {
    const { reports } = await lintProject({
      'package.json': JSON.stringify({ name: 'micro-accounts', dependencies: { micro: '^10.0.0' } }),
      'src/error.js': ['export default function error(statusCode, message) {', '  const err = new Error(message);', '  err.statusCode = statusCode;', '  throw err;', '}'].join('\n'),
      'src/accounts.js': [
        "import error from './error';",
        '',
        'export async function signUp(email, password) {',
        "  if (!validPassword(password)) error(400, 'Password too short');",
        '  return db.insert({ email, password: await hash(password) });',
        '}',
        '',
        'export async function signIn(email, password) {',
        '  const account = await db.findByEmail(email);',
        "  if (!account || !(await bcrypt.compare(password, account.passwordHash))) error(401, 'Wrong e-mail or password');",
        '  return account;',
        '}',
        '',
        'function validPassword(password) {',
        '  return (password || "").length >= 8;',
        '}',
      ].join('\n'),
    });
    // Line 4: a sign-up's format rule, which its own validPassword only measures: 400 is right.
    assert.deepEqual(at(reports, 'src/accounts.js'), ['10 require-www-authenticate']);
  });

  it('a helper setting the status it is handed: a 403 handed to it for a missing key is reported at the call, with no 401 that would lack its challenge', async () => {
    const { reports } = await lintProject(FORWARDING_PROJECT);
    const keys = reports.filter((report) => report.file === 'lib/keys.js');
    assert.deepEqual(keys.map(({ line, rule }) => `${line} ${rule}`), ['5 require-401-for-credential-failure']);
    assert.deepEqual(keys[0]!.suggestions, []);
  });

  it("reads a transport's error code kept in another module: a missing sign-in answered with it is reported", async () => {
    const { reports } = await lintProject(FIREBASE_CODES_PROJECT);
    // The second code is right for an admin check, and the module's other constant is no code at all.
    assert.deepEqual(at(reports, 'src/claims.ts'), ['6 require-401-for-credential-failure']);
  });


  it('ESM: reports an imported error class at the `new` in the importing file, through a re-export', async () => {
    const { reports } = await lintProject(ESM_PROJECT);
    // The credential check throws the class whose constructor passes 403; the ownership check (403) is right.
    assert.deepEqual(at(reports, 'src/guard.ts'), ['7 require-401-for-credential-failure']);
  });

  it('ESM: an import that does not resolve stays silent', async () => {
    const { reports } = await lintProject(ESM_PROJECT);
    assert.ok(!at(reports, 'src/guard.ts').some((report) => report.startsWith('16 ')));
  });

  it('a function that answers its status only on some paths is not a helper: its call stays silent', async () => {
    const { reports } = await lintProject(ESM_PROJECT);
    assert.ok(!at(reports, 'src/guard.ts').some((report) => report.startsWith('22 ')));
  });

  it('CommonJS: a helper sending 401 after a role check is reported at the call, with a switch to the sibling helper', async () => {
    const { reports } = await lintProject(CJS_PROJECT);
    const admin = reports.filter((report) => report.file === 'routes/admin.js');
    assert.deepEqual(admin.map(({ line, rule }) => `${line} ${rule}`), ['4 require-403-for-permission-denial']);
    assert.equal(admin[0]!.suggestions.length, 1);
    const fixed = applySuggestion(CJS_PROJECT['routes/admin.js']!, admin[0]!.suggestions[0]!);
    assert.match(fixed, /const \{ unauthorized, forbidden \} = require\('\.\.\/lib\/reply'\);/);
    assert.match(fixed, /return forbidden\(res, 'admins only'\)/);
  });

  it('CommonJS: a helper that always sends the challenge satisfies the challenge rule at the call', async () => {
    const { reports } = await lintProject(CJS_PROJECT);
    assert.deepEqual(at(reports, 'routes/session.js'), []);
  });

  it('TypeScript paths and baseUrl (from an extended tsconfig): an imported status enum counts as a status', async () => {
    const { reports } = await lintProject(PATHS_PROJECT);
    assert.deepEqual(at(reports, 'app/verify.ts'), ['5 require-401-for-credential-failure']);
  });

  it('workspace package with exports and an installed package error class', async () => {
    const { reports } = await lintProject(WORKSPACE_PROJECT);
    assert.deepEqual(at(reports, 'packages/api/src/keys.js'), ['6 require-401-for-credential-failure', '7 require-403-for-permission-denial']);
  });

  it('a bare error class named for its status answers that status: a permission check throwing the 401 class is reported', async () => {
    const { reports } = await lintProject(NAMED_ERRORS_PROJECT);
    // Line 4: the 401 class for a missing credential is right (no 403 report for a user nobody established). Line 5:
    // a grant check answered with it. Line 6: a subclass of a base that sets a status is not judged by its name. Line 11: the 403 class
    // for a missing credential. Line 12: a class that sets its own status is not judged by its name. Line 13: right.
    assert.deepEqual(at(reports, 'src/handlers/grants.ts'), ['5 require-403-for-permission-denial', '11 require-401-for-credential-failure']);
  });

  it('a GraphQL error class named for a status through a project base answers it: a signed-in non-admin refused with it is reported', async () => {
    const { reports } = await lintProject(NAMED_ERRORS_PROJECT);
    // Line 4 (nobody signed in) is right with the 401 class and stays silent.
    assert.deepEqual(at(reports, 'src/resolvers/comments.ts'), ['5 require-403-for-permission-denial']);
  });

  it('a project that adds the challenge to every 401 centrally: errors passed on are not reported, a direct response is', async () => {
    const { reports } = await lintProject(CENTRAL_CHALLENGE_PROJECT);
    assert.deepEqual(at(reports, 'lib/auth.js'), ['10 require-www-authenticate']);
  });

  it('without the central middleware the thrown and passed-on 401s lack their challenge', async () => {
    const rest = Object.fromEntries(Object.entries(CENTRAL_CHALLENGE_PROJECT).filter(([name]) => name !== 'lib/final.js'));
    const { reports } = await lintProject(rest);
    assert.deepEqual(at(reports, 'lib/auth.js'), ['4 require-www-authenticate', '9 require-www-authenticate', '10 require-www-authenticate']);
  });

  it('a Koa error middleware that appends the challenge through a helper named for it silences the 401 error classes', async () => {
    const { reports } = await lintProject(KOA_CHALLENGE_HELPER_PROJECT);
    // The class is passed on as an error and reaches the middleware; the route's own 401 response does not.
    assert.deepEqual(at(reports, 'src/errors.js'), []);
    assert.deepEqual(at(reports, 'src/routes/me.js'), ['3 require-www-authenticate']);
  });

  it('without that middleware, or with a helper whose name says nothing of the challenge, the 401 class is reported', async () => {
    const rest = Object.fromEntries(Object.entries(KOA_CHALLENGE_HELPER_PROJECT).filter(([name]) => name !== 'src/middleware/challenge.js'));
    assert.deepEqual(at((await lintProject(rest)).reports, 'src/errors.js'), ['11 require-www-authenticate']);
    const renamed = Object.fromEntries(
      Object.entries(KOA_CHALLENGE_HELPER_PROJECT).map(([name, text]) => [name, text.replaceAll('appendWwwAuthenticate', 'recordFailure')]),
    );
    assert.deepEqual(at((await lintProject(renamed)).reports, 'src/errors.js'), ['11 require-www-authenticate']);
  });

  it('an import written in another letter case than the file (a project made on macOS) is followed when one file matches', async () => {
    const files: Files = {
      'package.json': JSON.stringify({ name: 'wine-shop', private: true, type: 'module' }),
      'helper/reply.js': "export function refuse(res, message) {\n  return res.status(403).json({ message });\n}\n",
      'routes/orders.js': [
        "import { refuse } from '../Helper/Reply.js';",
        '',
        'export function listOrders(req, res) {',
        "  if (!req.headers.authorization) return refuse(res, 'sign in');",
        '  res.json([]);',
        '}',
      ].join('\n'),
    };
    assert.deepEqual(at((await lintProject(files)).reports, 'routes/orders.js'), ['4 require-401-for-credential-failure']);
    // Two files that differ only in case: which one is meant is not known.
    const ambiguous = { ...files, 'helper/Reply.js': files['helper/reply.js']!.replace('403', '401') };
    const { reports } = await lintProject({ ...ambiguous, 'routes/orders.js': files['routes/orders.js']!.replace('../Helper/Reply.js', '../helper/REPLY.js') });
    assert.deepEqual(at(reports, 'routes/orders.js'), []);
  });

  it("Deno's deps.ts: oak's Status enum re-exported by the project's file of dependencies is oak's", async () => {
    const files: Files = {
      'deps.ts': "export { Application, Router, Status } from 'https://deno.land/x/oak@v12.6.1/mod.ts';\n",
      'routes/login.ts': [
        "import { Router, Status } from '../deps.ts';",
        '',
        'export const login = new Router();',
        "login.post('/api/login', async (ctx) => {",
        "  const token = ctx.request.headers.get('Authorization');",
        '  if (!token) {',
        '    ctx.response.status = Status.Forbidden;',
        "    ctx.response.body = { error: 'sign in' };",
        '    return;',
        '  }',
        '});',
      ].join('\n'),
    };
    assert.deepEqual(at((await lintProject(files)).reports, 'routes/login.ts'), ['7 require-401-for-credential-failure']);
    // A `Status` re-exported from another package is not oak's table.
    const other = { ...files, 'deps.ts': "export { Status } from 'https://deno.land/x/some_game/mod.ts';\nexport { Router } from 'https://deno.land/x/oak@v12.6.1/mod.ts';\n" };
    assert.deepEqual(at((await lintProject(other)).reports, 'routes/login.ts'), []);
  });

  it("Egg's ctx.helper: the methods of app/extend/helper.js that set ctx.status are judged at each call", async () => {
    const files: Files = {
      'package.json': JSON.stringify({ name: 'task-board', private: true }),
      'app/extend/helper.js': [
        'module.exports.reply = {',
        "  signIn({ ctx, msg = 'sign in first', status = 401 }) {",
        '    ctx.body = { msg };',
        '    ctx.status = status;',
        '  },',
        "  refuse({ ctx, msg = 'not allowed' }) {",
        '    ctx.body = { msg };',
        '    ctx.status = 403;',
        '  },',
        '};',
      ].join('\n'),
      'app/middleware/gate.js': [
        'module.exports = () => async function gate(ctx, next) {',
        "  const token = ctx.get('authorization');",
        '  if (!token) return ctx.helper.reply.refuse({ ctx });',
        "  if (!ctx.state.user.roles.includes('planner')) return ctx.helper.reply.refuse({ ctx });",
        '  if (ctx.state.user.suspended) return ctx.helper.reply.signIn({ ctx });',
        '  await next();',
        '};',
      ].join('\n'),
    };
    const { reports } = await lintProject(files);
    assert.deepEqual(at(reports, 'app/middleware/gate.js'), [
      '3 require-401-for-credential-failure',
      '5 require-403-for-permission-denial',
    ]);
    // Without the helper file nothing is known of the calls.
    const bare = Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'app/extend/helper.js'));
    assert.deepEqual(at((await lintProject(bare)).reports, 'app/middleware/gate.js'), []);
  });

  it('a gate in another module: its null for a missing token and for a missing role is split at the check', async () => {
    const files: Files = {
      'package.json': JSON.stringify({ name: 'shop-functions', private: true }),
      'lib/auth.js': [
        "const jwt = require('jsonwebtoken');",
        'function currentAdmin(request) {',
        "  const token = request.get('authorization');",
        '  if (!token) return null;',
        '  let claims;',
        '  try {',
        '    claims = jwt.verify(token, process.env.SHOP_SECRET);',
        '  } catch {',
        '    return null;',
        '  }',
        "  if (claims.role !== 'admin') return null;",
        '  return claims;',
        '}',
        'module.exports = { currentAdmin };',
      ].join('\n'),
      'functions/prices.js': [
        "const { currentAdmin } = require('../lib/auth');",
        "const router = require('express').Router();",
        "router.put('/prices', (req, res) => {",
        '  const admin = currentAdmin(req);',
        '  if (!admin) return res.status(403).end();',
        '  res.json(updatePrices(req.body));',
        '});',
      ].join('\n'),
    };
    assert.deepEqual(at((await lintProject(files)).reports, 'functions/prices.js'), ['5 require-401-for-credential-failure']);
    // The same check where the gate refuses only a role: 403 is right.
    const roleOnly = { ...files, 'lib/auth.js': files['lib/auth.js']!.replace('  if (!token) return null;\n', '').replace('    return null;\n  }', "    throw new Error('bad token');\n  }") };
    assert.deepEqual(at((await lintProject(roleOnly)).reports, 'functions/prices.js'), []);
  });

  it('sees the central middleware stop adding the challenge on the next lint in the same process', async () => {
    const messages = await relintAfterEdit(CENTRAL_CHALLENGE_PROJECT, 'lib/final.js', (text) => text.replace('res.statusCode === 401', 'res.statusCode === 407'), 'lib/auth.js');
    assert.deepEqual(messages.map((message) => message.line), [4, 9, 10]);
  });

  it('without the imported modules the same files are silent: the status lives only in the other module', async () => {
    const lonely = (files: Files, keep: string) => Object.fromEntries(Object.entries(files).filter(([name]) => name === keep || name.endsWith('.json')));
    assert.deepEqual((await lintProject(lonely(ESM_PROJECT, 'src/guard.ts'))).reports, []);
    assert.deepEqual((await lintProject(lonely(CJS_PROJECT, 'routes/admin.js'))).reports, []);
    assert.deepEqual((await lintProject(lonely(WORKSPACE_PROJECT, 'packages/api/src/keys.js'))).reports, []);
    assert.deepEqual((await lintProject(lonely(NAMED_ERRORS_PROJECT, 'src/handlers/grants.ts'))).reports, []);
  });

  it('sees a changed dependency on the next lint in the same process', async () => {
    const edit = (text: string) => text.replace('res.status(401).json({ message });\n}\n\nfunction challenge', 'res.status(403).json({ message });\n}\n\nfunction challenge');
    assert.deepEqual(await relintAfterEdit(CJS_PROJECT, 'lib/reply.js', edit, 'routes/admin.js'), []);
  });
});

/** Lints a project, edits one of its files on disk (as a tool that saw it change would say), and lints `dependant` again in the same process. */
async function relintAfterEdit(files: Files, edited: string, edit: (text: string) => string, dependant: string) {
  const { root, eslint } = await lintProject(files);
  const file = path.join(root, edited);
  const later = new Date(Date.now() + 5000);
  fs.writeFileSync(file, edit(files[edited]!));
  fs.utimesSync(file, later, later);
  const { invalidateModule } = await import('eslint-plugin-auth-status/tooling');
  invalidateModule(file);
  const [result] = await eslint.lintFiles([dependant]);
  return result!.messages;
}

/** The text after one ESLint suggestion (ESLint merges a suggestion's fixes into one replacement). */
function applySuggestion(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}
