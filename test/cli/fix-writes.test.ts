import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TEMPORARY_SUFFIX, writeFileAtomic } from '../../packages/cli/src/files/atomic-write';
import { BIN, CODE, git, makeFolder, makeRepository, runCli, runCliUnprivileged, type CliRun } from './helpers';
import { mountTmpfs, unmountAll } from './tmpfs';

/** CODE.missingChallenge as `--fix` writes it. */
const FIXED = CODE.missingChallenge.replace(
  'res.status(401).json',
  `res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').json`,
);
const read = (folder: string, name: string) => fs.readFileSync(path.join(folder, name));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/**
 * Files for `PREFIX/z/`: a project config there runs `sideEffect` when ESLint loads it, which happens when
 * `z/z.js` is linted: after every file sorted before `z` was read, before any fix is written. That is the window
 * in which an editor or a user changes files while a run goes on, made deterministic.
 */
function changeDuringRun(prefix: string, sideEffect: string): Record<string, string> {
  return {
    [path.join(prefix, 'z/z.js')]: CODE.missingChallenge,
    [path.join(prefix, 'z/eslint.config.mjs')]:
      `import fs from 'node:fs';\nimport path from 'node:path';\nconst here = import.meta.dirname;\n${sideEffect}\nexport default [];\n`,
  };
}

/** runCli without blocking this process, for a run that needs something else here to go on meanwhile. */
function runCliAsync(args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const leftovers = (folder: string) => fs.readdirSync(folder, { recursive: true }).map(String).filter((name) => name.endsWith(TEMPORARY_SUFFIX));

describe('auth-status-lint --fix writes', () => {
  after(unmountAll);

  describe('writeFileAtomic', () => {
    it('replaces the content, keeps the mode bits, and leaves no temporary file', () => {
      const folder = makeFolder({ 'a.js': 'old\n' });
      fs.chmodSync(path.join(folder, 'a.js'), 0o640);
      writeFileAtomic(path.join(folder, 'a.js'), 'new\n');
      assert.equal(read(folder, 'a.js').toString(), 'new\n');
      assert.equal(fs.statSync(path.join(folder, 'a.js')).mode & 0o7777, 0o640);
      assert.deepEqual(fs.readdirSync(folder), ['a.js']);
    });

    it('keeps the owner when running as root', function () {
      if (!isRoot) this.skip();
      const folder = makeFolder({ 'a.js': 'old\n' });
      fs.chownSync(path.join(folder, 'a.js'), NOBODY, NOBODY);
      writeFileAtomic(path.join(folder, 'a.js'), 'new\n');
      const { uid, gid } = fs.statSync(path.join(folder, 'a.js'));
      assert.deepEqual([uid, gid], [NOBODY, NOBODY]);
    });

    it('on an error before the rename, throws, removes the temporary file and leaves the target as it was', () => {
      const folder = makeFolder({ 'a.js': 'old\n' });
      assert.throws(
        () => writeFileAtomic(path.join(folder, 'a.js'), 'new\n', { beforeReplace: () => { throw new Error('stop'); } }),
        /stop/,
      );
      assert.equal(read(folder, 'a.js').toString(), 'old\n');
      assert.deepEqual(fs.readdirSync(folder), ['a.js']);
    });

    it('replaces a symbolic link by the file instead of writing through it', () => {
      const folder = makeFolder({ 'target.txt': 'target\n' });
      fs.symlinkSync('target.txt', path.join(folder, 'link.txt'));
      writeFileAtomic(path.join(folder, 'link.txt'), 'new\n');
      assert.equal(read(folder, 'target.txt').toString(), 'target\n');
      assert.ok(fs.lstatSync(path.join(folder, 'link.txt')).isFile());
    });

    it('refuses a pipe (or device) with EINVAL instead of replacing it', () => {
      const folder = makeFolder();
      execFileSync('mkfifo', [path.join(folder, 'pipe')]);
      assert.throws(() => writeFileAtomic(path.join(folder, 'pipe'), 'new\n'), { code: 'EINVAL' });
      assert.ok(fs.lstatSync(path.join(folder, 'pipe')).isFIFO());
      assert.deepEqual(fs.readdirSync(folder), ['pipe']);
    });

    it('refuses a folder with EISDIR', () => {
      const folder = makeFolder({ 'd/keep.txt': 'x' });
      assert.throws(() => writeFileAtomic(path.join(folder, 'd'), 'new\n'), { code: 'EISDIR' });
      assert.deepEqual(fs.readdirSync(folder), ['d']);
    });
  });

  it('--fix keeps the mode bits (and, as root, the owner) of a fixed file', () => {
    const folder = makeFolder({ 'token.js': CODE.missingChallenge });
    const file = path.join(folder, 'token.js');
    fs.chmodSync(file, 0o604);
    if (isRoot) fs.chownSync(file, NOBODY, NOBODY);
    const run = runCli(['--fix', '--no-project-config'], folder);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(read(folder, 'token.js').toString(), FIXED);
    const stats = fs.statSync(file);
    assert.equal(stats.mode & 0o7777, 0o604);
    if (isRoot) assert.deepEqual([stats.uid, stats.gid], [NOBODY, NOBODY]);
    assert.deepEqual(leftovers(folder), []);
  });

  it('does not overwrite a file edited after it was linted, nor bring back a deleted one (F3)', () => {
    const folder = makeFolder({
      'a.js': CODE.missingChallenge,
      'b.js': CODE.missingChallenge,
      'c.js': CODE.missingChallenge,
      ...changeDuringRun('', `fs.appendFileSync(path.join(here, '../a.js'), '// USER EDIT made during the run\\n');\nfs.rmSync(path.join(here, '../b.js'));`),
    });
    const run = runCli(['--fix'], folder);
    assert.equal(read(folder, 'a.js').toString(), `${CODE.missingChallenge}// USER EDIT made during the run\n`);
    assert.equal(fs.existsSync(path.join(folder, 'b.js')), false, 'b.js stays deleted');
    assert.equal(read(folder, 'c.js').toString(), FIXED, 'the unchanged file is fixed');
    assert.equal(read(folder, 'z/z.js').toString(), FIXED);
    assert.match(run.stderr, /^auth-status-lint: a\.js changed since it was linted; not fixed\.$/m);
    assert.match(run.stderr, /^auth-status-lint: b\.js was deleted since it was linted; not fixed \(and not recreated\)\.$/m);
    // What was not written is reported as it was linted: the problems in a.js and b.js remain.
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^\S*a\.js:7:\d+ {2}error {2}401 sent without/m);
    assert.match(run.stdout, /^\S*b\.js:7:\d+ /m);
    assert.doesNotMatch(run.stdout, /c\.js/);
  });

  it('never writes through a symbolic link to a file: the link is linted, not fixed (F5)', () => {
    const folder = makeFolder({ 'outside/victim.js': CODE.missingChallenge, 'tree/own.js': CODE.missingChallenge });
    fs.symlinkSync('../outside/victim.js', path.join(folder, 'tree/link.js'));
    const run = runCli(['--fix', '--no-project-config', 'tree'], folder);
    assert.equal(read(folder, 'outside/victim.js').toString(), CODE.missingChallenge);
    assert.ok(fs.lstatSync(path.join(folder, 'tree/link.js')).isSymbolicLink());
    assert.equal(read(folder, 'tree/own.js').toString(), FIXED);
    assert.match(run.stderr, /^auth-status-lint: tree\/link\.js is a symbolic link; linked files are linted but never fixed/m);
    assert.match(run.stdout, /link\.js:7:\d+ {2}error/);
    assert.equal(run.code, 1);
  });

  it('--changed --fix does not write through a committed symbolic link (F5, git)', () => {
    const folder = makeFolder({ 'elsewhere/victim.js': CODE.missingChallenge });
    const repository = path.join(folder, 'repository');
    fs.mkdirSync(repository);
    git(repository, 'init', '--quiet');
    fs.symlinkSync('../elsewhere/victim.js', path.join(repository, 'link.js'));
    git(repository, 'add', 'link.js');
    const run = runCli(['--changed', '--fix', '--no-project-config'], repository);
    assert.equal(read(folder, 'elsewhere/victim.js').toString(), CODE.missingChallenge);
    assert.match(run.stderr, /link\.js is a symbolic link/);
  });

  it('never writes outside the paths it linted, even when a folder on the way became a link', () => {
    // During the run `tree/a/` is swapped for a link to a folder outside the tree holding the same bytes: the file
    // is a regular file with the content that was linted, and only its real path shows it is not the one named.
    const folder = makeFolder({
      'outside/x.js': CODE.missingChallenge,
      'tree/a/x.js': CODE.missingChallenge,
      ...changeDuringRun(
        'tree',
        `fs.renameSync(path.join(here, '../a'), path.join(here, '../a-moved'));\nfs.symlinkSync('../outside', path.join(here, '../a'));`,
      ),
    });
    const run = runCli(['--fix', 'tree'], folder);
    assert.equal(read(folder, 'outside/x.js').toString(), CODE.missingChallenge, 'the file outside is untouched');
    assert.equal(read(folder, 'tree/a-moved/x.js').toString(), CODE.missingChallenge);
    assert.equal(read(folder, 'tree/z/z.js').toString(), FIXED);
    assert.match(run.stderr, /^auth-status-lint: tree\/a\/x\.js lies outside the paths that were linted \(its real path is \S*\/outside\/x\.js\); not fixed\.$/m);
  });

  it('--changed --fix from a subfolder fixes files under it only', () => {
    const repository = makeRepository({ 'app/token.js': CODE.missingChallenge, 'lib/token.js': CODE.missingChallenge });
    const run = runCli(['--changed', '--fix', '--no-project-config'], path.join(repository, 'app'));
    assert.equal(read(repository, 'app/token.js').toString(), FIXED);
    assert.equal(read(repository, 'lib/token.js').toString(), CODE.missingChallenge);
    assert.match(run.stderr, /^auth-status-lint: \.\.\/lib\/token\.js lies outside the paths that were linted/m);
  });

  it('does not split hard links: a file with several is linted, not fixed', () => {
    const folder = makeFolder({ 'outside/a.js': CODE.missingChallenge, 'tree/b.js': CODE.missingChallenge });
    fs.linkSync(path.join(folder, 'outside/a.js'), path.join(folder, 'tree/a.js'));
    const run = runCli(['--fix', '--no-project-config', 'tree'], folder);
    assert.equal(read(folder, 'outside/a.js').toString(), CODE.missingChallenge);
    assert.equal(fs.statSync(path.join(folder, 'tree/a.js')).ino, fs.statSync(path.join(folder, 'outside/a.js')).ino);
    assert.equal(read(folder, 'tree/b.js').toString(), FIXED);
    assert.match(run.stderr, /^auth-status-lint: tree\/a\.js has 2 hard links, which a fix would split \(it replaces the file\); not fixed\.$/m);
  });

  it('lints a file that is not valid UTF-8 but never rewrites it (F4)', () => {
    const latin1 = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${CODE.missingChallenge}`)]);
    const folder = makeFolder({ 'l.js': latin1, 'token.js': CODE.missingChallenge });
    const run = runCli(['--fix', '--no-project-config'], folder);
    assert.deepEqual(read(folder, 'l.js'), latin1);
    assert.equal(read(folder, 'token.js').toString(), FIXED);
    assert.match(run.stderr, /^auth-status-lint: l\.js is not valid UTF-8; it is linted but never rewritten/m);
    assert.match(run.stdout, /l\.js:8:\d+ {2}error {2}401 sent without/);
    assert.equal(run.code, 1);
  });

  it('a read-only file is a note; the other fixes are written and the report printed (F10)', function () {
    const folder = makeFolder({ 'a.js': CODE.missingChallenge, 'b-readonly.js': CODE.missingChallenge, 'c.js': CODE.missingChallenge });
    fs.chmodSync(path.join(folder, 'b-readonly.js'), 0o444);
    const run = runCliUnprivileged(['--fix', '--no-project-config', '.'], folder);
    assert.equal(
      run.stderr,
      'auth-status-lint: could not write b-readonly.js: EACCES (permission denied); not fixed.\n' +
        'auth-status-lint: fixed 2 problems in 2 files (auth-status/require-www-authenticate 2).\n',
    );
    assert.equal(read(folder, 'a.js').toString(), FIXED);
    assert.equal(read(folder, 'c.js').toString(), FIXED);
    assert.equal(read(folder, 'b-readonly.js').toString(), CODE.missingChallenge);
    assert.match(run.stdout, /b-readonly\.js:7:\d+ {2}error {2}401 sent without/);
    assert.equal(run.code, 1, 'a fix that could not be written leaves a problem');
    assert.deepEqual(leftovers(folder), []);
  });

  it('a full disk is a note per file and never truncates a file (F2)', function () {
    const disk = mountTmpfs(this, 64);
    // One small file whose fix fits in what is left, one larger than what is left.
    const padding = '// important user content line\n'.repeat(400);
    const big = `${CODE.missingChallenge}${padding}// LAST LINE OF USER FILE\n`;
    fs.writeFileSync(path.join(disk, 'a-big.js'), big);
    fs.writeFileSync(path.join(disk, 'b-small.js'), CODE.missingChallenge);
    fillUpTo(disk, 8 * 1024);
    const run = runCli(['--fix', '--no-project-config', 'a-big.js', 'b-small.js'], disk);
    assert.equal(read(disk, 'a-big.js').toString(), big);
    assert.equal(read(disk, 'b-small.js').toString(), FIXED);
    assert.equal(
      run.stderr,
      'auth-status-lint: could not write a-big.js: ENOSPC (no space left on device); not fixed.\n' +
        'auth-status-lint: fixed 1 problem in 1 file (auth-status/require-www-authenticate 1).\n',
    );
    assert.match(run.stdout, /a-big\.js:7:\d+ {2}error/);
    assert.equal(run.code, 1);
    assert.deepEqual(leftovers(disk), []);
  });

  it('-o writes the report through a temporary file, and an unwritable path is one line, exit 2', () => {
    const folder = makeFolder({ 'token.js': CODE.missingChallenge, 'out/keep.txt': '' });
    fs.writeFileSync(path.join(folder, 'report.json'), 'old');
    fs.chmodSync(path.join(folder, 'report.json'), 0o600);
    const run = runCli(['-f', 'json', '-o', 'report.json', '--no-project-config', 'token.js'], folder);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(JSON.parse(read(folder, 'report.json').toString())[0].messages.length, 1);
    assert.equal(fs.statSync(path.join(folder, 'report.json')).mode & 0o777, 0o600);
    const intoFolder = runCli(['-o', 'out', '--no-project-config', 'token.js'], folder);
    assert.equal(intoFolder.code, 2);
    assert.match(intoFolder.stderr, /^auth-status-lint: cannot write out: EISDIR[^\n]*\.\n$/);
    assert.deepEqual(leftovers(folder), []);
  });

  it('-o follows a link the user named, and writes into a pipe instead of replacing it', async () => {
    const folder = makeFolder({ 'token.js': CODE.missingChallenge, 'artifacts/report.json': 'old' });
    fs.symlinkSync('artifacts/report.json', path.join(folder, 'report.json'));
    const linked = runCli(['-f', 'json', '-o', 'report.json', '--no-project-config', 'token.js'], folder);
    assert.equal(linked.code, 1, linked.stderr);
    assert.ok(fs.lstatSync(path.join(folder, 'report.json')).isSymbolicLink(), 'the link is kept');
    assert.equal(JSON.parse(read(folder, 'artifacts/report.json').toString())[0].messages.length, 1);

    execFileSync('mkfifo', [path.join(folder, 'pipe')]);
    const reader = spawn('cat', ['pipe'], { cwd: folder });
    const received = new Promise<string>((resolve) => {
      let text = '';
      reader.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      reader.on('close', () => resolve(text));
    });
    const piped = await runCliAsync(['-f', 'json', '-o', 'pipe', '--no-project-config', 'token.js'], folder);
    assert.equal(piped.code, 1, piped.stderr);
    assert.equal(JSON.parse(await received)[0].messages.length, 1);
    assert.ok(fs.lstatSync(path.join(folder, 'pipe')).isFIFO(), 'the pipe is still a pipe');
  });
});

/** Fills a disk until `free` bytes (rounded to pages) are left. */
function fillUpTo(disk: string, free: number): void {
  const { bavail, bsize } = fs.statfsSync(disk);
  const fill = bavail * bsize - free;
  if (fill > 0) fs.writeFileSync(path.join(disk, 'filler.bin'), Buffer.alloc(fill));
}
