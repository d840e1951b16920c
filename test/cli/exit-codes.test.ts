import assert from 'node:assert/strict';
import { CODE, linkPlugin, makeFolder, runCli } from './helpers';

const MESSAGE_LINE = /^auth-status-lint: [^\n]+\n$/;

/** Exit code 2 always comes with exactly one line on stderr naming the problem. */
function assertUsageError(args: string[], cwd: string, expected: RegExp): void {
  const run = runCli(args, cwd);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, MESSAGE_LINE);
  assert.match(run.stderr, expected);
  assert.equal(run.stdout, '');
}

describe('auth-status-lint exit codes and messages', () => {
  it('exits 0 with a summary when nothing is wrong, including the near miss', () => {
    const folder = makeFolder({ 'admin.js': CODE.permissionDenied, 'math.js': CODE.unrelated });
    const run = runCli([], folder);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /no problems in 2 files/);
    assert.equal(run.stderr, '');
  });

  it('exits 1 when an error is found', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus });
    const run = runCli(['.'], folder);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /auth\.js:3:\d+ {2}error {2}403 answers a missing credential/);
  });

  it('exits 1 for warnings over --max-warnings, with a line saying so, and 0 at the limit', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'token.js': CODE.missingChallenge });
    const warn = ['--rule', 'require-401-for-credential-failure:warn', '--rule', 'require-www-authenticate:warn'];
    const atLimit = runCli([...warn, '--max-warnings', '2'], folder);
    assert.equal(atLimit.code, 0, atLimit.stderr);
    const over = runCli([...warn, '--max-warnings', '1'], folder);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /^auth-status-lint: 2 warnings, more than --max-warnings 1 allows; fix some or raise the limit\.\n$/);
  });

  it('--quiet hides warnings and ignores them for --max-warnings', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'token.js': CODE.missingChallenge });
    const run = runCli(['--quiet', '--rule', 'require-www-authenticate:warn', '--max-warnings', '0'], folder);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /auth\.js:3/);
    assert.doesNotMatch(run.stdout, /token\.js/);
    assert.equal(run.stderr, '');
  });

  it('--rule NAME:off switches a rule off, with or without the auth-status/ prefix', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus });
    assert.equal(runCli(['--rule', 'require-401-for-credential-failure:off'], folder).code, 0);
    assert.equal(runCli(['--rule', 'auth-status/require-401-for-credential-failure:0'], folder).code, 0);
  });

  it('reports a file that does not parse as a problem at its line, and goes on with the others', () => {
    const folder = makeFolder({ 'broken.js': 'res.status(403);\nconst = ;\n', 'auth.js': CODE.wrongStatus });
    const run = runCli([], folder);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /broken\.js:2:\d+ {2}error {2}Parsing error: [^\n]+ {2}parse error/);
    assert.match(run.stdout, /auth\.js:3/);
  });

  it('skips binary and unreadable files with a note', function () {
    const binary = Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0x34, 0x30, 0x33]);
    const folder = makeFolder({ 'blob.js': binary, 'auth.js': CODE.wrongStatus });
    const run = runCli([], folder);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^auth-status-lint: skipped blob\.js: binary file\.\n$/);
    assert.match(run.stdout, /in 1 of 1 file\b/);
  });

  it('prints help and version with exit 0', () => {
    const folder = makeFolder();
    const help = runCli(['--help'], folder);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: auth-status-lint/);
    assert.match(help.stdout, /--fix-status/);
    for (const option of ['--fix-dry-run', '--suppress-all', '--suppress-rule', '--suppressions-location', '--prune-suppressions', '--pass-on-unpruned-suppressions', '--stdin', '--stdin-filename', '--cache', '--cache-location', '--print-config']) {
      assert.match(help.stdout, new RegExp(`^  ${option}\\b`, 'm'), option);
    }
    assert.match(runCli(['--version'], folder).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  describe('exits 2 with one line for', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus });

    it('an unknown option', () => assertUsageError(['--frobnicate'], folder, /unknown option --frobnicate; run auth-status-lint --help/));
    it('an option missing its value', () => assertUsageError(['--format'], folder, /--format needs a value/));
    it('an unknown format', () => assertUsageError(['-f', 'xml'], folder, /unknown format "xml": not one of stylish, json, sarif, github, nor built into ESLint \(.*\), and no package eslint-formatter-xml is installed/));
    it('a bad --max-warnings', () => assertUsageError(['--max-warnings', 'many'], folder, /--max-warnings needs a whole number/));
    it('a path that does not exist', () => assertUsageError(['src'], folder, /no such file or directory: src \(paths are relative to /));
    it('an unknown rule', () => assertUsageError(['--rule', 'no-console:off'], folder, /unknown rule "no-console"; known rules: auth-status\//));
    it('a malformed --rule', () => assertUsageError(['--rule', 'require-www-authenticate'], folder, /--rule needs NAME:SEVERITY/));
    it('--fix-status without --fix', () => assertUsageError(['--fix-status'], folder, /--fix-status only works together with --fix/));
    it('--fix with --staged', () => assertUsageError(['--fix', '--staged'], folder, /--fix cannot change staged content/));
    it('--staged outside a git repository', () => {
      const outside = makeFolder({ 'auth.js': CODE.wrongStatus });
      assertUsageError(['--staged'], outside, /--staged needs a git repository and .* is not inside one/);
    });
    it('--config naming a missing file', () => assertUsageError(['--config', 'nope.mjs'], folder, /--config: no such file nope\.mjs/));

    it('invalid rule options in the project config', () => {
      const project = makeFolder({
        'auth.js': CODE.wrongStatus,
        'eslint.config.mjs': `import authStatus from 'eslint-plugin-auth-status';
export default [authStatus.configs.recommended, { rules: { 'auth-status/require-www-authenticate': ['error', { schemes: 'Bearer' }] } }];`,
      });
      linkPlugin(project);
      assertUsageError([], project, /invalid settings for auth-status\/require-www-authenticate in the ESLint config for auth\.js: .*"schemes".*; fix them or run with --no-project-config\./);
    });

    it('a project config that does not load', () => {
      const project = makeFolder({ 'auth.js': CODE.wrongStatus, 'eslint.config.mjs': 'export default [{ rules: {\n' });
      assertUsageError([], project, /could not load the ESLint config for auth\.js: .*; fix it or run with --no-project-config\./);
      assert.equal(runCli(['--no-project-config'], project).code, 1);
    });
  });
});
