import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CENTRAL_CHALLENGE_PROJECT, CJS_PROJECT, ESM_PROJECT, NAMED_ERRORS_PROJECT, PATHS_PROJECT, WORKSPACE_PROJECT, writeProject, type Files } from '../support/index-projects';
import { runCli } from './helpers';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number }[];
}

const roots: string[] = [];
after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

/** Runs the real binary on a project and lists `file:line rule` for every finding. */
function findings(files: Files, env: NodeJS.ProcessEnv = {}, args: readonly string[] = []): string[] {
  const root = writeProject(files);
  roots.push(root);
  const run = runCli(['--format', 'json', ...args], root, env);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  const results = JSON.parse(run.stdout) as JsonResult[];
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(root, result.filePath)}:${message.line} ${message.ruleId?.replace('auth-status/', '')}`),
  );
}

describe('auth-status-lint: findings through imported modules', () => {
  it('ESM: the imported error class is reported where it is thrown; the unresolvable import and the lookup stay silent', () => {
    const guard = findings(ESM_PROJECT).filter((finding) => finding.startsWith('src/guard.ts'));
    assert.deepEqual(guard, ['src/guard.ts:7 require-401-for-credential-failure']);
  });

  it('CommonJS: the helper call after a role check is reported; the challenging helper satisfies the challenge rule', () => {
    const routes = findings(CJS_PROJECT).filter((finding) => finding.startsWith('routes/'));
    assert.deepEqual(routes, ['routes/admin.js:4 require-403-for-permission-denial']);
  });

  it('TypeScript paths: a status enum imported through an alias', () => {
    assert.deepEqual(findings(PATHS_PROJECT), ['app/verify.ts:5 require-401-for-credential-failure']);
  });

  it('bare error classes named for their status, behind a barrel: the 401 class after a grant check, the 403 class for a missing token', () => {
    const handlers = findings(NAMED_ERRORS_PROJECT).filter((finding) => finding.startsWith('src/handlers/'));
    assert.deepEqual(handlers, ['src/handlers/grants.ts:5 require-403-for-permission-denial', 'src/handlers/grants.ts:11 require-401-for-credential-failure']);
  });

  it('a final middleware that adds the challenge to every 401: only the response sent directly is reported', () => {
    assert.deepEqual(findings(CENTRAL_CHALLENGE_PROJECT), ['lib/auth.js:10 require-www-authenticate']);
  });

  it('a workspace package and an installed package error class', () => {
    const api = findings(WORKSPACE_PROJECT).filter((finding) => finding.startsWith('packages/api/'));
    assert.deepEqual(api, ['packages/api/src/keys.js:6 require-401-for-credential-failure', 'packages/api/src/keys.js:7 require-403-for-permission-denial']);
  });

  it('the benchmark switch AUTH_STATUS_PROJECT_INDEX=off judges each file alone: the call through the import is silent', () => {
    assert.deepEqual(findings(PATHS_PROJECT, { AUTH_STATUS_PROJECT_INDEX: 'off' }), []);
    // Any other value leaves the index on.
    assert.deepEqual(findings(PATHS_PROJECT, { AUTH_STATUS_PROJECT_INDEX: 'on' }), ['app/verify.ts:5 require-401-for-credential-failure']);
  });

  it('a file whose own text names no status is parsed only when what it throws is imported from a module that may define one', () => {
    // Both files are broken after the throw: a file that is parsed reports its syntax error, one that is not stays silent.
    const broken = (module: string) => [`import { Denied } from '${module}';`, 'export function check(user) {', '  if (!user) throw new Denied();', '  return (', '}'].join('\n');
    const project: Files = {
      'errors.js': ['export class Denied extends Error {', '  constructor() {', "    super('denied');", '    this.status = 403;', '  }', '}'].join('\n'),
      'plain.js': ['export class Denied extends Error {}'].join('\n'),
      'with-status.js': broken('./errors'),
      'without-status.js': broken('./plain'),
    };
    for (const concurrency of ['off', '2']) {
      assert.deepEqual(findings(project, {}, ['--concurrency', concurrency]), ['with-status.js:5 undefined'], `--concurrency ${concurrency}`);
    }
  });

  it('worker threads share the summaries of one run through a folder that is gone when the run ends', () => {
    const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-tmp-'));
    try {
      const environment = { TMPDIR: temporary, TMP: temporary, TEMP: temporary };
      assert.deepEqual(findings(CJS_PROJECT, environment, ['--concurrency', '2']).filter((finding) => finding.startsWith('routes/')), [
        'routes/admin.js:4 require-403-for-permission-denial',
      ]);
      assert.deepEqual(fs.readdirSync(temporary).filter((entry) => entry.startsWith('auth-status-summaries-')), []);
    } finally {
      fs.rmSync(temporary, { recursive: true, force: true });
    }
  });
});
