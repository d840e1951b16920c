import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, CODE, linkPlugin, makeFolder, runCli, writeFiles, type CliRun, type JsonResult } from './helpers';
import { assertValid, validateSarif } from './schemas';

const CREDENTIAL = 'auth-status/require-401-for-credential-failure';
const CHALLENGE = 'auth-status/require-www-authenticate';

/** Runs the binary with `input` on standard input. */
function runWithInput(args: readonly string[], cwd: string, input: string): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (run: CliRun) => JSON.parse(run.stdout) as (JsonResult & { suppressedMessages: { ruleId: string }[]; output?: string })[];
const byName = (results: ReturnType<typeof json>, folder: string) =>
  Object.fromEntries(results.map((result) => [path.relative(folder, result.filePath), result]));

/** A project whose eslint.config.mjs uses the plugin from this checkout. */
function projectWithConfig(config: string, files: Record<string, string>): string {
  const folder = makeFolder({ 'eslint.config.mjs': `import authStatus from 'eslint-plugin-auth-status';\nexport default ${config};\n`, ...files });
  linkPlugin(folder);
  return folder;
}

describe('auth-status-lint bulk suppressions (ESLint\'s eslint-suppressions.json)', () => {
  const readSuppressions = (folder: string, name = 'eslint-suppressions.json') => fs.readFileSync(path.join(folder, name), 'utf8');

  it('writes counts per file and rule, then honours them, gates new errors, and prunes what no longer occurs', () => {
    const folder = makeFolder({
      'src/auth.js': CODE.wrongStatus,
      'src/token.js': CODE.missingChallenge,
      'src/admin.js': CODE.permissionDenied,
      // An entry ESLint wrote for one of its own rules: ours to keep, never to judge.
      'eslint-suppressions.json': JSON.stringify({ 'src/admin.js': { 'no-console': { count: 2 } } }),
    });

    const written = runCli(['--suppress-all'], folder);
    assert.equal(written.code, 0, written.stdout + written.stderr);
    const expected = {
      'src/admin.js': { 'no-console': { count: 2 } },
      'src/auth.js': { [CREDENTIAL]: { count: 1 } },
      'src/token.js': { [CHALLENGE]: { count: 1 } },
    };
    // ESLint's bytes: keys sorted, two-space indents, no final newline.
    assert.equal(readSuppressions(folder), JSON.stringify(expected, null, 2));

    const honoured = runCli(['--format', 'json'], folder);
    assert.equal(honoured.code, 0, honoured.stderr);
    const results = byName(json(honoured), folder);
    assert.deepEqual(results['src/auth.js'].messages, []);
    assert.deepEqual(results['src/auth.js'].suppressedMessages.map((message) => message.ruleId), [CREDENTIAL]);
    assert.equal(results['src/auth.js'].errorCount, 0);

    // A new error in a new file, and a second one where one was recorded: both fail the run.
    writeFiles(folder, { 'src/new.js': CODE.wrongStatus, 'src/auth.js': CODE.wrongStatus + CODE.wrongStatus.replace('requireAuth', 'requireAuthAgain') });
    const gated = runCli(['--format', 'json'], folder);
    assert.equal(gated.code, 1);
    const gatedResults = byName(json(gated), folder);
    assert.equal(gatedResults['src/new.js'].errorCount, 1);
    assert.equal(gatedResults['src/auth.js'].errorCount, 2, 'more errors than recorded: all are reported, as in ESLint');
    assert.equal(gatedResults['src/token.js'].errorCount, 0);

    // token.js is fixed by hand: its recorded error no longer occurs, which fails the run as ESLint does.
    writeFiles(folder, { 'src/new.js': CODE.permissionDenied, 'src/auth.js': CODE.wrongStatus, 'src/token.js': CODE.permissionDenied });
    const unused = runCli([], folder);
    assert.equal(unused.code, 2);
    assert.match(unused.stderr, /^auth-status-lint: 1 suppression\(s\) in eslint-suppressions\.json no longer occur; run with --prune-suppressions/m);
    assert.equal(runCli(['--pass-on-unpruned-suppressions'], folder).code, 0);

    const pruned = runCli(['--prune-suppressions'], folder);
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.deepEqual(JSON.parse(readSuppressions(folder)), {
      'src/admin.js': { 'no-console': { count: 2 } },
      'src/auth.js': { [CREDENTIAL]: { count: 1 } },
    });
    assert.equal(runCli([], folder).code, 0);
  });

  it('shares the file with ESLint: each honours what the other wrote', () => {
    const eslintBin = path.join(path.dirname(require.resolve('eslint')), '..', 'bin', 'eslint.js');
    const eslint = (args: string[], cwd: string) => spawnSync(process.execPath, [eslintBin, ...args], { cwd, encoding: 'utf8' });
    const config = `[{ files: ['**/*.js'], ...authStatus.configs.recommended }]`;

    const byEslint = projectWithConfig(config, { 'src/auth.js': CODE.wrongStatus, 'src/token.js': CODE.missingChallenge });
    assert.equal(eslint(['--suppress-all', 'src'], byEslint).status, 0);
    const eslintWrote = readSuppressions(byEslint);
    const honoured = runCli(['src'], byEslint);
    assert.equal(honoured.code, 0, honoured.stdout + honoured.stderr);
    assert.equal(runCli(['--suppress-all', 'src'], byEslint).code, 0);
    assert.equal(readSuppressions(byEslint), eslintWrote, 'the same findings give the same bytes');

    const byUs = projectWithConfig(config, { 'src/auth.js': CODE.wrongStatus, 'src/token.js': CODE.missingChallenge });
    assert.equal(runCli(['--suppress-all', 'src'], byUs).code, 0);
    const eslintRun = eslint(['src'], byUs);
    assert.equal(eslintRun.status, 0, eslintRun.stdout + eslintRun.stderr);
    fs.rmSync(path.join(byUs, 'eslint-suppressions.json'));
    assert.equal(eslint(['src'], byUs).status, 1, 'without the file ESLint reports the same findings');
  });

  it('SARIF keeps suppressed findings, marked as suppressed, and stays valid', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'token.js': CODE.missingChallenge });
    assert.equal(runCli(['--suppress-rule', 'require-www-authenticate'], folder).code, 1);
    const log = JSON.parse(runCli(['--format', 'sarif'], folder).stdout);
    assertValid(validateSarif, log);
    const results = log.runs[0].results as { ruleId: string; suppressions?: { kind: string }[] }[];
    assert.deepEqual(
      results.map((result) => [result.ruleId, result.suppressions?.map((suppression) => suppression.kind) ?? []]).sort(),
      [
        [CREDENTIAL, []],
        [CHALLENGE, ['external']],
      ],
    );
  });

  it('--suppress-rule records only that rule; warnings are never recorded', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'token.js': CODE.missingChallenge });
    const run = runCli(['--suppress-rule', 'require-www-authenticate'], folder);
    assert.equal(run.code, 1, 'the other rule\'s error still fails the run');
    assert.deepEqual(JSON.parse(readSuppressions(folder)), { 'token.js': { [CHALLENGE]: { count: 1 } } });

    const warnings = makeFolder({ 'auth.js': CODE.wrongStatus });
    assert.equal(runCli(['--suppress-all', '--rule', 'require-401-for-credential-failure:warn'], warnings).code, 0);
    assert.equal(readSuppressions(warnings), '{}');
  });

  it('--suppressions-location names the file; a named file that does not exist is an error unless this run writes it', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus });
    const missing = runCli(['--suppressions-location', 'baseline.json'], folder);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /the suppressions file .*baseline\.json does not exist; run with --suppress-all or --suppress-rule to create it\./);
    assert.equal(runCli(['--suppress-all', '--suppressions-location', 'baseline.json'], folder).code, 0);
    assert.deepEqual(JSON.parse(readSuppressions(folder, 'baseline.json')), { 'auth.js': { [CREDENTIAL]: { count: 1 } } });
    assert.equal(fs.existsSync(path.join(folder, 'eslint-suppressions.json')), false);
    assert.equal(runCli(['--suppressions-location', 'baseline.json'], folder).code, 0);
    assert.equal(runCli([], folder).code, 1, 'the default file is not the named one');
  });

  it('refuses the combinations ESLint refuses', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus });
    const both = runCli(['--suppress-all', '--prune-suppressions'], folder);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--suppress-all and --prune-suppressions cannot be used together/);
    const stdin = runWithInput(['--stdin', '--suppress-all'], folder, CODE.wrongStatus);
    assert.equal(stdin.code, 2);
    assert.match(stdin.stderr, /cannot be used with --stdin/);
  });
});

describe('auth-status-lint --cache', () => {
  /** Rewrites every cached message of `file`, so a run that reuses the cache shows it. */
  function markCached(cacheFile: string, file: string): void {
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, { messages: { message: string }[] }> };
    assert.ok(cache.files[file], `${file} is cached`);
    for (const message of cache.files[file].messages) message.message = 'from the cache';
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
  }
  const messagesOf = (run: CliRun) => json(run).flatMap((result) => result.messages.map((message) => message.message));

  it('reuses a file\'s results until its content or its config changes', () => {
    const folder = projectWithConfig('[]', { 'token.js': CODE.missingChallenge });
    const cacheFile = path.join(folder, '.auth-status-lint-cache');
    const first = runCli(['--cache', '--format', 'json'], folder);
    assert.equal(first.code, 1);
    assert.match(messagesOf(first)[0], /401 sent without a WWW-Authenticate header/);

    markCached(cacheFile, 'token.js');
    assert.deepEqual(messagesOf(runCli(['--cache', '--format', 'json'], folder)), ['from the cache']);
    assert.match(messagesOf(runCli(['--format', 'json'], folder))[0], /WWW-Authenticate/, 'without --cache the cache is not read');

    writeFiles(folder, { 'token.js': `${CODE.missingChallenge}// edited\n` });
    assert.match(messagesOf(runCli(['--cache', '--format', 'json'], folder))[0], /WWW-Authenticate/, 'changed content is linted again');

    markCached(cacheFile, 'token.js');
    writeFiles(folder, { 'eslint.config.mjs': `import authStatus from 'eslint-plugin-auth-status';\nexport default [{ plugins: { 'auth-status': authStatus }, rules: { '${CHALLENGE}': 'warn' } }];\n` });
    const reconfigured = byName(json(runCli(['--cache', '--format', 'json'], folder)), folder)['token.js'];
    assert.deepEqual(reconfigured.messages.map((message) => [message.severity, /WWW-Authenticate/.test(message.message)]), [[1, true]]);
  });

  it('--cache-location puts the cache in a folder, or at a file path', () => {
    const folder = makeFolder({ 'token.js': CODE.missingChallenge, 'cache/.keep': '' });
    assert.equal(runCli(['--cache', '--cache-location', 'cache/'], folder).code, 1);
    const inFolder = fs.readdirSync(path.join(folder, 'cache')).filter((name) => name !== '.keep');
    assert.equal(inFolder.length, 1);
    assert.match(inFolder[0], /^\.cache_[0-9a-f]+$/);
    assert.equal(runCli(['--cache', '--cache-location', 'lint.cache'], folder).code, 1);
    assert.ok(fs.existsSync(path.join(folder, 'lint.cache')));
    assert.equal(fs.existsSync(path.join(folder, '.auth-status-lint-cache')), false);
  });
});

describe('auth-status-lint --stdin', () => {
  const scoped = `[{ files: ['src/**'], plugins: { 'auth-status': authStatus }, rules: { '${CREDENTIAL}': 'off' } }]`;

  it('lints standard input as the named file, with that file\'s project config', () => {
    const folder = projectWithConfig(scoped, {});
    const inSrc = runWithInput(['--stdin', '--stdin-filename', 'src/auth.js', '--format', 'json'], folder, CODE.wrongStatus);
    assert.equal(inSrc.code, 0, inSrc.stderr);
    assert.deepEqual(json(inSrc).map((result) => [result.filePath, result.messages.length]), [[path.join(folder, 'src/auth.js'), 0]]);

    const elsewhere = runWithInput(['--stdin', '--stdin-filename', 'lib/auth.js', '--format', 'json'], folder, CODE.wrongStatus);
    assert.equal(elsewhere.code, 1);
    assert.deepEqual(json(elsewhere)[0].messages.map((message) => message.ruleId), [CREDENTIAL]);
    assert.equal(fs.existsSync(path.join(folder, 'lib')), false);
  });

  it('parses as the named file\'s language', () => {
    const folder = makeFolder();
    const typed = `${CODE.wrongStatus}const limit: number = 3;\n`;
    assert.deepEqual(json(runWithInput(['--stdin', '--stdin-filename', 'auth.ts', '-f', 'json'], folder, typed))[0].messages.map((m) => m.ruleId), [CREDENTIAL]);
    assert.equal(json(runWithInput(['--stdin', '--stdin-filename', 'auth.js', '-f', 'json'], folder, typed))[0].messages[0].fatal, true);
  });

  it('with --fix prints the fixed text and writes no file; text without a fix comes back unchanged', () => {
    const folder = makeFolder({ 'token.js': CODE.missingChallenge });
    const fixed = runWithInput(['--stdin', '--stdin-filename', 'token.js', '--fix'], folder, CODE.missingChallenge);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(fixed.stdout, /WWW-Authenticate/);
    assert.equal(fixed.stdout.replace(/\.set\('WWW-Authenticate', '[^']*'\)/, ''), CODE.missingChallenge);
    assert.equal(fs.readFileSync(path.join(folder, 'token.js'), 'utf8'), CODE.missingChallenge, 'the file is never written');

    const untouched = runWithInput(['--stdin', '--stdin-filename', 'auth.js', '--fix'], folder, CODE.wrongStatus);
    assert.equal(untouched.code, 1, 'the problem --fix cannot fix still fails the run');
    assert.equal(untouched.stdout, CODE.wrongStatus);
  });

  it('without --stdin-filename, lints the text as JavaScript named <text>.js', () => {
    const folder = makeFolder();
    const run = runWithInput(['--stdin', '--format', 'json'], folder, CODE.wrongStatus);
    assert.equal(run.code, 1);
    assert.deepEqual(json(run).map((result) => [path.relative(folder, result.filePath), result.messages.map((message) => message.ruleId)]), [['<text>.js', [CREDENTIAL]]]);
  });

  it('with --fix gives back input it cannot lint byte for byte, with a note', () => {
    const binary = 'const a = 1;\u0000\u0001';
    const run = runWithInput(['--stdin', '--stdin-filename', 'blob.js', '--fix'], makeFolder(), binary);
    assert.equal(run.stdout, binary);
    assert.match(run.stderr, /skipped blob\.js: binary file/);
  });

  it('refuses paths, --staged and --stdin-filename without --stdin', () => {
    const folder = makeFolder();
    assert.match(runWithInput(['--stdin', 'src'], folder, '').stderr, /--stdin lints standard input, not paths/);
    assert.match(runCli(['--stdin-filename', 'a.js'], folder).stderr, /--stdin-filename only works together with --stdin/);
  });
});

describe('auth-status-lint --fix-dry-run and the --fix summary', () => {
  it('--fix-dry-run reports the fixed text and what would change, and writes nothing', () => {
    const folder = makeFolder({ 'token.js': CODE.missingChallenge, 'auth.js': CODE.wrongStatus });
    const run = runCli(['--fix-dry-run', '--format', 'json'], folder);
    assert.equal(run.code, 1, 'auth.js still has its problem');
    assert.equal(run.stderr, `auth-status-lint: would fix 1 problem in 1 file (${CHALLENGE} 1).\n`);
    const results = byName(json(run), folder);
    assert.match(results['token.js'].output!, /WWW-Authenticate/);
    assert.equal(results['auth.js'].output, undefined);
    assert.equal(fs.readFileSync(path.join(folder, 'token.js'), 'utf8'), CODE.missingChallenge);
  });

  it('--fix says what it changed, per rule; --fix-status adds the status changes', () => {
    const folder = makeFolder({ 'token.js': CODE.missingChallenge, 'auth.js': CODE.wrongStatus });
    const run = runCli(['--fix'], folder);
    assert.equal(run.stderr, `auth-status-lint: fixed 1 problem in 1 file (${CHALLENGE} 1).\n`);
    assert.notEqual(fs.readFileSync(path.join(folder, 'token.js'), 'utf8'), CODE.missingChallenge);
    const withStatus = runCli(['--fix', '--fix-status'], folder);
    assert.equal(withStatus.stderr, `auth-status-lint: fixed 1 problem in 1 file (${CREDENTIAL} 1).\n`);
    assert.equal(runCli(['--fix'], folder).stderr, 'auth-status-lint: fixed nothing: no file had a fix to apply.\n');
  });

  it('refuses --fix with --fix-dry-run', () => {
    assert.match(runCli(['--fix', '--fix-dry-run'], makeFolder()).stderr, /--fix and --fix-dry-run cannot be used together/);
  });
});

describe('auth-status-lint --print-config', () => {
  it('prints the rules that apply to a file, project settings layered over the recommended ones', () => {
    const folder = projectWithConfig(`[{ files: ['api/**'], plugins: { 'auth-status': authStatus }, rules: { '${CHALLENGE}': ['warn', { realm: 'shop' }] } }]`, {});
    const run = runCli(['--print-config', 'api/token.js'], folder);
    assert.equal(run.code, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as { plugins: string[]; rules: Record<string, unknown[]> };
    assert.match(printed.plugins[0], /^auth-status:eslint-plugin-auth-status@\d+\.\d+\.\d+$/);
    // ESLint (9.15 and later) fills in the rule's `meta.defaultOptions` around the options the project gives.
    assert.deepEqual(printed.rules[CHALLENGE], [1, { challengers: [], realm: 'shop', scheme: 'auto' }]);
    assert.deepEqual(printed.rules[CREDENTIAL], [2]);
    const outside = JSON.parse(runCli(['--print-config', 'web/token.js'], folder).stdout) as typeof printed;
    assert.deepEqual(outside.rules[CHALLENGE], [2], 'the files-scoped setting does not apply outside api/');
  });
});

describe('auth-status-lint --format with ESLint formatters', () => {
  const files = { 'token.js': CODE.missingChallenge, 'admin.js': CODE.permissionDenied };

  it('runs a formatter built into the installed ESLint', () => {
    const folder = makeFolder(files);
    const run = runCli(['--format', 'json-with-metadata'], folder);
    assert.equal(run.code, 1);
    const { results, metadata } = JSON.parse(run.stdout) as { results: JsonResult[]; metadata: { rulesMeta: Record<string, { docs: { url: string } }> } };
    assert.deepEqual(results.map((result) => [path.basename(result.filePath), result.messages.length]), [['admin.js', 0], ['token.js', 1]]);
    assert.match(metadata.rulesMeta[CHALLENGE].docs.url, /require-www-authenticate\.md$/);
  });

  it('runs an eslint-formatter-NAME package installed in the project, and a formatter file', () => {
    const formatter = `module.exports = (results, { cwd }) => results
  .flatMap((result) => result.messages.map((message) => require('node:path').relative(cwd, result.filePath) + ' ' + message.ruleId))
  .join('|');
`;
    const folder = makeFolder({ ...files, 'node_modules/eslint-formatter-tally/index.js': formatter, 'tools/tally.cjs': formatter });
    const run = runCli(['--format', 'tally'], folder);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, `token.js ${CHALLENGE}`);
    assert.equal(runCli(['--format', './tools/tally.cjs'], folder).stdout, `token.js ${CHALLENGE}`);
  });

  it('says which package to install when a formatter is missing, before linting', () => {
    const run = runCli(['--format', 'junit'], makeFolder(files));
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^auth-status-lint: unknown format "junit": .*install it \(npm install --save-dev eslint-formatter-junit\)/);
  });
});
