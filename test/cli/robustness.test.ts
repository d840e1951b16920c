import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_NESTING_DEPTH } from 'eslint-plugin-auth-status/tooling';
import { BIN, CODE, findingsOf, git, lintJson, makeBranchedRepository, makeFolder, makeRepository, REPO_ROOT, runCli, runCliUnprivileged, type CliRun } from './helpers';

const MESSAGE_LINE = /^auth-status-lint: [^\n]+\n$/;
const CREDENTIAL = 'auth-status/require-401-for-credential-failure';

/** Like runCli, but bounded: a hang shows as `code: null` instead of a stuck suite. */
function runBounded(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeout = 30000): CliRun & { ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

/** Exit 2 with exactly one line on stderr, matching `expected`. */
function assertOneLineFailure(run: CliRun, expected: RegExp): void {
  assert.equal(run.code, 2, `exit ${run.code}; stderr: ${run.stderr}`);
  assert.match(run.stderr, MESSAGE_LINE);
  assert.match(run.stderr, expected);
}

describe('auth-status-lint: a project config that misbehaves never passes silently', function () {
  this.timeout(90000);
  const quick = { AUTH_STATUS_LINT_CONFIG_TIMEOUT: '1' };

  it('a config that loops forever stops the run with exit 2 and one line once the timeout passes', function () {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'eslint.config.js': 'while (true) {}\n' });
    const run = runBounded([], folder, quick);
    assertOneLineFailure(run, /took longer than 1 s .*AUTH_STATUS_LINT_CONFIG_TIMEOUT.*--no-project-config/);
    assert.equal(run.stdout, '');
    assert.ok(run.ms < 15000, `took ${run.ms} ms`);
  });

  it('near miss: a config that is slow but within the timeout is used', function () {
    const slow = 'const until = Date.now() + 300; while (Date.now() < until) {}\nmodule.exports = [];\n';
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'eslint.config.js': slow });
    const run = runBounded(['--format', 'json'], folder, { AUTH_STATUS_LINT_CONFIG_TIMEOUT: '20' });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout)[0].messages[0].ruleId, CREDENTIAL);
  });

  it('a config that exports a promise that never settles, or awaits one at the top level, is exit 2, not a silent 0', function () {
    for (const [name, text] of [
      ['eslint.config.js', 'module.exports = new Promise(() => {});\n'],
      ['eslint.config.mjs', 'await new Promise(() => {});\nexport default [];\n'],
    ]) {
      const folder = makeFolder({ 'auth.js': CODE.wrongStatus, [name]: text });
      const run = runBounded([], folder, quick);
      assertOneLineFailure(run, /took longer than 1 s/);
    }
  });

  it('a config that leaves a timer running does not keep the process alive after the report', function () {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'eslint.config.js': 'setInterval(() => {}, 1000);\nmodule.exports = [];\n' });
    const run = runBounded([], folder, {}, 20000);
    assert.equal(run.code, 1, `exit ${run.code} after ${run.ms} ms; stderr: ${run.stderr}`);
    assert.match(run.stdout, /1 problem \(1 error/);
  });

  it('a config that calls process.exit() is exit 2 with one line', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'eslint.config.js': 'process.exit(0);\n' });
    assertOneLineFailure(runBounded([], folder), /could not load .*process\.exit\(0\)/);
  });

  it('an empty config ([]) lints with the built-in settings and prints no ESLintEmptyConfigWarning', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'eslint.config.js': 'module.exports = [];\n' });
    const run = runBounded([], folder);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
  });

  it('a timeout that is not a positive number is a usage error', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'eslint.config.js': 'module.exports = [];\n' });
    assertOneLineFailure(runBounded([], folder, { AUTH_STATUS_LINT_CONFIG_TIMEOUT: 'soon' }), /AUTH_STATUS_LINT_CONFIG_TIMEOUT needs a positive number/);
  });

  it('when the event loop drains before the run finishes, the exit is 2 with one line; a finished run keeps its code', () => {
    const script = (result: string) =>
      `require(${JSON.stringify(path.join(REPO_ROOT, 'packages/cli/dist/process.js'))}).runAsProcess(() => ${result}, []);`;
    const never = spawnSync(process.execPath, ['-e', script('new Promise(() => {})')], { encoding: 'utf8', timeout: 10000 });
    assert.equal(never.status, 2);
    assert.match(never.stderr, /^auth-status-lint: stopped before finishing [^\n]*\n$/);
    const done = spawnSync(process.execPath, ['-e', script('Promise.resolve(1)')], { encoding: 'utf8', timeout: 10000 });
    assert.equal(done.status, 1);
    assert.equal(done.stderr, '');
  });
});

describe('auth-status-lint: what is skipped is said and counted', function () {
  this.timeout(90000);
  it('counts skipped files in the summary; the near miss without skipped files says nothing of it', () => {
    const big = `${CODE.wrongStatus}${'// padding line for a large file\n'.repeat(40000)}`;
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus, 'bundle.js': big });
    const run = runCli([], folder);
    assert.match(run.stdout, /in 1 of 1 file; 1 file skipped\n/);
    const clean = runCli(['auth.js'], folder);
    assert.match(clean.stdout, /in 1 of 1 file\n/);
  });

  it('names and counts a folder it cannot read, like an unreadable file', function () {
    const folder = makeFolder({ 'a.js': CODE.wrongStatus, 'secret/s.js': CODE.wrongStatus });
    fs.chmodSync(folder, 0o755);
    fs.chmodSync(path.join(folder, 'secret'), 0o000);
    try {
      const result = runCliUnprivileged([], folder);
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stderr, 'auth-status-lint: skipped folder secret: unreadable (EACCES).\n');
      assert.match(result.stdout, /in 1 of 1 file; 1 folder skipped\n/);
    } finally {
      fs.chmodSync(path.join(folder, 'secret'), 0o755);
    }
  });
});

describe('auth-status-lint: standard output that goes away', function () {
  this.timeout(90000);
  const many = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`f${index}.js`, CODE.wrongStatus]));

  it('a reader that stops early (| head -1) ends the output quietly, keeping the exit code', () => {
    const folder = makeFolder(many);
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" . | head -1 >/dev/null; echo "exit \${PIPESTATUS[0]}" >&2`], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(result.stderr, 'exit 1\n');
  });

  it('a full disk (/dev/full) is exit 2 with one line, no stack trace; the near miss (a pipe that reads all) is exit 1', () => {
    const folder = makeFolder({ 'a.js': CODE.wrongStatus, 'b.js': CODE.wrongStatus });
    const full = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" . > /dev/full`], { cwd: folder, encoding: 'utf8' });
    assert.equal(full.status, 2);
    assert.equal(full.stderr, 'auth-status-lint: could not write to standard output (ENOSPC); the report is incomplete.\n');
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" . | cat`], { cwd: folder, encoding: 'utf8' });
    assert.equal(piped.stderr, '');
    assert.match(piped.stdout, /2 problems/);
  });
});

describe('auth-status-lint: extensions in any case, and files that are not JavaScript', function () {
  this.timeout(90000);
  const variants = ['a.js', 'b.JS', 'c.Js', 'd.JSX', 'e.TS', 'f.Ts', 'g.TSX', 'h.MJS', 'i.Mjs', 'j.CJS', 'k.MTS', 'l.CTS'];

  it('lints upper-case extensions exactly like lower-case ones, whatever comes first', () => {
    const typed = CODE.wrongStatus.replace('(req, res, next)', '(req: any, res: any, next: any)');
    const files = Object.fromEntries(variants.map((name) => [name, /\.[mc]?ts/i.test(name) ? typed : CODE.wrongStatus]));
    const expected = variants.map((name) => `${name}:3 ${CREDENTIAL}`).sort();
    const folder = makeFolder(files);
    assert.deepEqual(findingsOf(lintJson([], folder).results, folder), expected);
    // Upper-case first, then each alone: the normalised config must not depend on which file came first.
    assert.deepEqual(findingsOf(lintJson([...variants].reverse(), folder).results, folder), expected);
    for (const name of ['b.JS', 'g.TSX', 'd.JSX']) {
      assert.deepEqual(findingsOf(lintJson(['--no-prefilter', name], folder).results, folder), [`${name}:3 ${CREDENTIAL}`]);
    }
  });

  it('says so when a file named on the command line is not JavaScript or TypeScript; the walk skips it quietly', () => {
    const folder = makeFolder({ 'notes.txt': CODE.wrongStatus, 'auth.js': CODE.permissionDenied });
    const named = runCli(['notes.txt'], folder);
    assert.equal(named.code, 0);
    assert.match(named.stderr, /^auth-status-lint: skipped notes\.txt: not a JavaScript or TypeScript file \(linted: \.js .*\)\.\n$/);
    assert.match(named.stdout, /no problems in 0 files; 1 file skipped/);
    const walked = runCli([], folder);
    assert.equal(walked.stderr, '');
    assert.match(walked.stdout, /no problems in 1 file\n/);
  });

  it('standard input (/dev/stdin) is a note, not a silent pass', () => {
    const folder = makeFolder();
    const command = `echo 'res.status(401).json({})' | "${process.execPath}" "${BIN}" /dev/stdin`;
    const result = spawnSync('bash', ['-c', command], { cwd: folder, encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.match(result.stderr, /^auth-status-lint: skipped \/dev\/stdin: a pipe, not a regular file \(nothing was read\)\.\n$/);
  });
});

describe('auth-status-lint: special files, encodings and sizes', function () {
  this.timeout(90000);
  it('skips a FIFO and a device named on the command line with a note, without reading them', function () {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus });
    execFileSync('mkfifo', [path.join(folder, 'pipe.js')]);
    const run = runBounded(['pipe.js', '/dev/zero', 'auth.js'], folder, {}, 15000);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stderr,
      'auth-status-lint: skipped pipe.js: a pipe, not a regular file (nothing was read).\n' +
        'auth-status-lint: skipped /dev/zero: a device, not a regular file (nothing was read).\n',
    );
    assert.match(run.stdout, /in 1 of 1 file; 2 files skipped/);
    // Near miss: inside a walked folder a FIFO is not a candidate at all.
    const walked = runBounded([], folder, {}, 15000);
    assert.equal(walked.stderr, '');
  });

  it('calls UTF-16 text an unsupported encoding; binary stays binary', () => {
    const folder = makeFolder({
      'le.js': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CODE.wrongStatus, 'utf16le')]),
      'no-bom.js': Buffer.from(CODE.wrongStatus, 'utf16le'),
      'blob.js': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00]),
    });
    const run = runCli([], folder);
    assert.equal(
      run.stderr,
      'auth-status-lint: skipped blob.js: binary file.\n' +
        'auth-status-lint: skipped le.js: UTF-16 text (unsupported encoding; save it as UTF-8).\n' +
        'auth-status-lint: skipped no-bom.js: UTF-16 text (unsupported encoding; save it as UTF-8).\n',
    );
  });

  it('lints a large file named on the command line (the walk skips it); over the hard cap it is a note and counted', function () {
    const large = `${CODE.wrongStatus}${'// a comment line to make the file large\n'.repeat(30000)}`;
    const huge = `${CODE.wrongStatus}${'// a comment line to make the file huge\n'.repeat(140000)}`;
    assert.ok(large.length > 1024 * 1024 && huge.length > 5 * 1024 * 1024);
    const folder = makeFolder({ 'large.js': large, 'huge.js': huge });
    const named = lintJson(['large.js'], folder);
    assert.deepEqual(findingsOf(named.results, folder), [`large.js:3 ${CREDENTIAL}`]);
    assert.equal(named.run.stderr, '');
    const walked = runCli([], folder);
    assert.equal(walked.code, 0);
    assert.match(walked.stdout, /no problems in 0 files; 2 files skipped/);
    for (const args of [['huge.js'], ['--no-default-ignores', '.']]) {
      const run = runCli(args, folder);
      assert.match(run.stderr, /skipped huge\.js: larger than 5 MB, the limit for any file\./, args.join(' '));
    }
  });
});

describe('auth-status-lint: .gitignore as git reads it', function () {
  this.timeout(90000);
  /** What git itself would list as untracked and not ignored, for comparison. */
  const gitListed = (repository: string) => git(repository, 'ls-files', '--others', '--exclude-standard').split('\n').filter((name) => name.endsWith('.js')).sort();
  const linted = (repository: string) =>
    lintJson([], repository)
      .results.map((result) => path.relative(repository, result.filePath))
      .sort();

  it('applies patterns to names that start with "..", as git does', () => {
    const repository = makeRepository({ '.gitignore': '..dd.js\n', '..dd.js': CODE.wrongStatus, '..ee.js': CODE.wrongStatus });
    assert.deepEqual(linted(repository), ['..ee.js']);
    assert.deepEqual(linted(repository), gitListed(repository));
  });

  it('matches case-sensitively unless core.ignorecase is true', () => {
    const repository = makeRepository({ '.gitignore': 'up.js\n', 'UP.js': CODE.wrongStatus, 'up.js': CODE.wrongStatus });
    git(repository, 'config', 'core.ignorecase', 'false');
    assert.deepEqual(linted(repository), ['UP.js']);
    assert.deepEqual(linted(repository), gitListed(repository));
    git(repository, 'config', 'core.ignorecase', 'true');
    assert.deepEqual(linted(repository), []);
  });

  it('skips a pattern it cannot compile with a note naming the file and line, and keeps the others', () => {
    const repository = makeRepository({
      '.gitignore': `skip.js\n${'a'.repeat(40000)}\n`,
      'skip.js': CODE.wrongStatus,
      'auth.js': CODE.wrongStatus,
    });
    const run = runCli([], repository);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^auth-status-lint: ignored line 2 of \.gitignore: the pattern cannot be used \(Regular expression too large\)\.\n$/);
    assert.ok(run.stderr.length < 400, run.stderr);
    assert.match(run.stdout, /auth\.js:3/);
    assert.doesNotMatch(run.stdout, /skip\.js/);
  });
});

describe('auth-status-lint: deeply nested code is contained to its file', function () {
  this.timeout(90000);
  const deepIfs = (depth: number) =>
    `${CODE.wrongStatus}${'if (a) {\n'.repeat(depth)}res.status(403).send('no token');\n${'}\n'.repeat(depth)}`;

  it('2,000 nested blocks become one parse-style error for that file; the other files are still linted', () => {
    const folder = makeFolder({ 'deep.js': deepIfs(2000), 'auth.js': CODE.wrongStatus });
    const { run, results } = lintJson([], folder);
    assert.equal(run.code, 1, run.stderr);
    // CODE.wrongStatus is 6 lines; the first `if (a) {` past the limit is on the line after it.
    assert.deepEqual(findingsOf(results, folder), [`auth.js:3 ${CREDENTIAL}`, `deep.js:${6 + MAX_NESTING_DEPTH + 1} fatal`]);
    const deep = results.find((result) => result.filePath.endsWith('deep.js'))!;
    assert.equal(deep.messages[0].message, `nesting deeper than ${MAX_NESTING_DEPTH} levels; not linted`);
  });

  it('near miss: 400 nested blocks are linted as usual', () => {
    const folder = makeFolder({ 'nested.js': deepIfs(400) });
    const findings = findingsOf(lintJson([], folder).results, folder);
    assert.ok(findings.includes(`nested.js:3 ${CREDENTIAL}`), findings.join());
    assert.ok(!findings.some((finding) => finding.endsWith('fatal')));
  });

  it('a stack overflow inside ESLint (3,000-deep JSX) is that file\'s error, not "please report it"', () => {
    const jsx = `res.status(403).send('No token provided');\nconst view = ${'<a>\n'.repeat(3000)}x${'</a>\n'.repeat(3000)};\n`;
    const folder = makeFolder({ 'view.jsx': jsx, 'auth.js': CODE.wrongStatus });
    const { run, results } = lintJson([], folder);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    const view = results.find((result) => result.filePath.endsWith('view.jsx'))!;
    assert.match(view.messages[0].message, /^nesting too deep for the parser and ESLint .*; not linted$/);
    assert.equal(findingsOf(results, folder)[0], `auth.js:3 ${CREDENTIAL}`);
  });
});

describe('auth-status-lint --changed in shallow clones and with odd words', function () {
  this.timeout(90000);
  const origin = () => makeBranchedRepository({ 'base.js': CODE.unrelated }, { 'auth.js': CODE.wrongStatus });
  const clone = (source: string, ...args: string[]) => {
    const target = path.join(makeFolder(), 'clone');
    git(path.dirname(target), 'clone', '--quiet', ...args, `file://${source}`, target);
    return target;
  };

  it('in a shallow clone, a missing ref says the history is too shallow and how to fetch it', () => {
    const shallow = clone(origin(), '--depth', '1', '--branch', 'feature');
    for (const args of [['--changed', 'origin/main'], ['--changed=origin/main']]) {
      const run = runCli(args, shallow);
      assertOneLineFailure(run, /shallow clone: fetch the history \(git fetch --unshallow, or fetch-depth: 0/);
    }
    assert.match(runCli(['--changed', 'origin/main'], shallow).stderr, /"origin\/main" is not a ref or a path/);
    git(shallow, 'fetch', '--quiet', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
    assertOneLineFailure(runCli(['--changed', 'origin/main'], shallow), /history of this shallow clone is too short .*git fetch --unshallow/);
  });

  it('near miss: a full clone finds the merge base and lints the change', () => {
    const full = clone(origin(), '--branch', 'feature');
    const { results } = lintJson(['--changed', 'origin/main'], full);
    assert.deepEqual(findingsOf(results, full), [`auth.js:3 ${CREDENTIAL}`]);
  });

  it('a word after --changed that is neither a ref nor a path says so (no shallow hint in a full clone)', () => {
    const repository = origin();
    const run = runCli(['--changed', 'no-such-thing'], repository);
    assertOneLineFailure(run, /--changed: "no-such-thing" is not a ref or a path \(paths are relative to .*\); fetch the ref, or name one that exists\./);
    assert.doesNotMatch(run.stderr, /shallow/);
  });
});

describe('auth-status-lint: odd file names', function () {
  this.timeout(90000);
  it('a name that is not valid UTF-8 is skipped with a note showing its bytes, and counted', () => {
    const folder = makeFolder({ 'auth.js': CODE.wrongStatus });
    fs.writeFileSync(Buffer.from(`${folder}/\xff\xfe-bad.js`, 'latin1'), CODE.wrongStatus);
    const run = runCli([], folder);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, 'auth-status-lint: skipped \\xff\\xfe-bad.js: its name is not valid UTF-8; rename it to lint it.\n');
    assert.match(run.stdout, /in 1 of 1 file; 1 file skipped/);
  });

  it('--changed says the same of a listed name that is not valid UTF-8 (not "unreadable"); a Unicode name is linted', () => {
    const repository = makeRepository({ 'café.js': CODE.wrongStatus });
    git(repository, 'commit', '--quiet', '--allow-empty', '-m', 'base');
    fs.writeFileSync(Buffer.from(`${repository}/\xff-bad.js`, 'latin1'), CODE.wrongStatus);
    const run = runCli(['--changed'], repository);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, 'auth-status-lint: skipped \\xff-bad.js: its name is not valid UTF-8; rename it to lint it.\n');
    assert.match(run.stdout, /^café\.js:3:/m);
    assert.match(run.stdout, /in 1 of 1 file; 1 file skipped/);
  });

  it('escapes control characters of file names in stylish output; a plain Unicode name is printed as it is', () => {
    const hostile = 'x\u001b[2J\u001b]0;owned\u0007\nline.js';
    const folder = makeFolder({ [hostile]: CODE.wrongStatus, 'café.js': CODE.wrongStatus });
    const run = runCli([], folder);
    assert.equal(run.code, 1);
    // eslint-disable-next-line no-control-regex -- no control character but the line breaks may reach the terminal
    assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f]/);
    assert.match(run.stdout, /^x\\x1b\[2J\\x1b\]0;owned\\x07\\nline\.js:3:\d+ {2}error/m);
    assert.match(run.stdout, /^café\.js:3:\d+ {2}error/m);
  });
});

describe('auth-status-lint: minor messages', function () {
  this.timeout(90000);
  it('--max-warnings -1 says the number must be 0 or more; --max-warnings 0 is accepted', () => {
    const folder = makeFolder({ 'auth.js': CODE.permissionDenied });
    assertOneLineFailure(runCli(['--max-warnings', '-1'], folder), /--max-warnings needs a whole number of 0 or more, not "-1"\./);
    assert.equal(runCli(['--max-warnings', '0'], folder).code, 0);
  });

  it('--config naming a folder says it needs a file, without internal paths', () => {
    const folder = makeFolder({ 'auth.js': CODE.permissionDenied, 'configs/eslint.config.js': 'module.exports = [];\n' });
    assertOneLineFailure(runCli(['--config', 'configs'], folder), /^auth-status-lint: --config needs an ESLint config file, and configs is a folder\.\n$/);
    assert.equal(runCli(['--config', 'configs/eslint.config.js'], folder).code, 0);
  });
});
