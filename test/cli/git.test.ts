import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, CODE, findingsOf, git, lintJson, makeBranchedRepository, makeFolder, makeRepository, REPO_ROOT, runCli, writeFiles } from './helpers';

const RULE = 'auth-status/require-401-for-credential-failure';

describe('auth-status-lint --staged', () => {
  it('judges the staged content, not the working tree', () => {
    const repository = makeRepository({ 'auth.js': CODE.permissionDenied });
    git(repository, 'add', 'auth.js');
    writeFiles(repository, { 'auth.js': CODE.wrongStatus });
    assert.deepEqual(findingsOf(lintJson(['--staged'], repository).results, repository), []);
    assert.equal(runCli([], repository).code, 1, 'the working tree does have the problem');

    git(repository, 'add', 'auth.js');
    writeFiles(repository, { 'auth.js': CODE.permissionDenied });
    assert.deepEqual(findingsOf(lintJson(['--staged'], repository).results, repository), [`auth.js:3 ${RULE}`]);
  });

  it('judges a partially staged file as it will be committed', () => {
    const base = `${CODE.permissionDenied}\n// end\n`;
    const repository = makeRepository({ 'auth.js': base });
    git(repository, 'add', 'auth.js');
    git(repository, 'commit', '--quiet', '-m', 'base');
    // Stage a new handler at the top (a finding), then leave an unstaged edit at the bottom.
    writeFiles(repository, { 'auth.js': `${CODE.wrongStatus}\n${base}` });
    git(repository, 'add', 'auth.js');
    writeFiles(repository, { 'auth.js': `${CODE.wrongStatus}\n${base}// unstaged line\n` });
    const staged = lintJson(['--staged'], repository).results;
    assert.deepEqual(findingsOf(staged, repository), [`auth.js:3 ${RULE}`]);
    assert.doesNotMatch(staged[0].source ?? '', /unstaged line/);
    assert.equal(path.relative(repository, staged[0].filePath), 'auth.js');
  });

  it('ignores unstaged new files, deleted files and files outside the given paths', () => {
    const repository = makeRepository({ 'src/a.js': CODE.wrongStatus, 'lib/b.js': CODE.wrongStatus, 'gone.js': CODE.unrelated });
    git(repository, 'add', 'src/a.js', 'lib/b.js', 'gone.js');
    git(repository, 'commit', '--quiet', '-m', 'base');
    writeFiles(repository, { 'src/a.js': `${CODE.wrongStatus}// edited\n`, 'lib/b.js': `${CODE.wrongStatus}// edited\n`, 'new.js': CODE.wrongStatus });
    git(repository, 'add', 'src/a.js', 'lib/b.js');
    git(repository, 'rm', '--quiet', 'gone.js');
    assert.deepEqual(findingsOf(lintJson(['--staged'], repository).results, repository), [`lib/b.js:3 ${RULE}`, `src/a.js:3 ${RULE}`]);
    assert.deepEqual(findingsOf(lintJson(['--staged', 'src'], repository).results, repository), [`src/a.js:3 ${RULE}`]);
    assert.deepEqual(findingsOf(lintJson(['--staged'], path.join(repository, 'lib')).results, repository), [`lib/b.js:3 ${RULE}`, `src/a.js:3 ${RULE}`]);
  });

  it('exits 0 quietly when nothing is staged, even before the first commit', () => {
    const repository = makeRepository({ 'auth.js': CODE.wrongStatus });
    const run = runCli(['--staged'], repository);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
  });
});

describe('auth-status-lint --changed', () => {
  function repositoryWithBranch() {
    const repository = makeBranchedRepository({ 'old.js': CODE.wrongStatus, 'src/keep.js': CODE.unrelated }, { 'src/committed.js': CODE.wrongStatus });
    writeFiles(repository, { 'src/untracked.ts': CODE.wrongStatus, 'src/keep.js': `${CODE.unrelated}${CODE.missingChallenge}` });
    return repository;
  }

  it('without a ref: uncommitted and untracked changes since HEAD', () => {
    const repository = repositoryWithBranch();
    assert.deepEqual(findingsOf(lintJson(['--changed'], repository).results, repository), [
      'src/keep.js:8 auth-status/require-www-authenticate',
      `src/untracked.ts:3 ${RULE}`,
    ]);
  });

  it('with a ref: everything since the branch left it, as a pull request sees it', () => {
    const repository = repositoryWithBranch();
    const expected = ['src/committed.js:3', 'src/keep.js:8', 'src/untracked.ts:3'];
    const lines = (args: string[]) => findingsOf(lintJson(args, repository).results, repository).map((finding) => finding.split(' ')[0]);
    assert.deepEqual(lines(['--changed', 'main']), expected);
    assert.deepEqual(lines(['--changed=main']), expected);
    assert.deepEqual(lines(['--changed', 'main', 'src']), expected);
    // A path after --changed is a path, not a ref.
    assert.deepEqual(lines(['--changed', 'src']), ['src/keep.js:8', 'src/untracked.ts:3']);
  });

  it('exits 2 for a ref that does not exist', () => {
    const repository = repositoryWithBranch();
    const run = runCli(['--changed=origin/nope'], repository);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^auth-status-lint: --changed: "origin\/nope" is not a commit in this repository; fetch it or name another ref\.\n$/);
  });
});

describe('auth-status-lint --install-hook', () => {
  /** A folder on PATH where `auth-status-lint` runs this checkout's binary, as a global install would. */
  function binFolder(): string {
    const folder = makeFolder({ 'auth-status-lint': `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n` });
    fs.chmodSync(path.join(folder, 'auth-status-lint'), 0o755);
    return folder;
  }

  function commit(repository: string, message: string) {
    const env = { ...process.env, PATH: `${binFolder()}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' };
    return spawnSync('git', ['commit', '--quiet', '-m', message], { cwd: repository, env, encoding: 'utf8' });
  }

  it('writes an executable pre-commit hook that blocks a commit with a finding and lets a clean one through', () => {
    const repository = makeRepository({ 'auth.js': CODE.wrongStatus });
    const install = runCli(['--install-hook'], repository);
    assert.equal(install.code, 0, install.stderr);
    const hook = path.join(repository, '.git/hooks/pre-commit');
    assert.match(install.stderr, new RegExp(`^auth-status-lint: wrote ${hook}; commits now run auth-status-lint --staged\\.\\n$`));
    assert.ok(fs.statSync(hook).mode & 0o111, 'the hook is executable');

    git(repository, 'add', 'auth.js');
    const blocked = commit(repository, 'wrong status');
    assert.notEqual(blocked.status, 0);
    assert.match(blocked.stdout + blocked.stderr, /auth\.js:3:\d+ {2}error {2}403 answers a missing credential/);

    writeFiles(repository, { 'auth.js': CODE.permissionDenied });
    git(repository, 'add', 'auth.js');
    const allowed = commit(repository, 'right status');
    assert.equal(allowed.status, 0, allowed.stdout + allowed.stderr);
  });

  it('refuses to replace an existing hook without --force', () => {
    const repository = makeRepository();
    const hook = path.join(repository, '.git/hooks/pre-commit');
    writeFiles(repository, { '.git/hooks/pre-commit': '#!/bin/sh\nnpm test\n' });
    const refused = runCli(['--install-hook'], repository);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^auth-status-lint: a pre-commit hook already exists at .*pre-commit; add "auth-status-lint --staged" to it, or pass --force to replace it\.\n$/);
    assert.equal(fs.readFileSync(hook, 'utf8'), '#!/bin/sh\nnpm test\n');

    assert.equal(runCli(['--install-hook', '--force'], repository).code, 0);
    assert.match(fs.readFileSync(hook, 'utf8'), /auth-status-lint --staged/);
  });

  it('honours core.hooksPath and exits 2 outside a repository', () => {
    const repository = makeRepository();
    git(repository, 'config', 'core.hooksPath', '.githooks');
    assert.equal(runCli(['--install-hook'], repository).code, 0);
    assert.ok(fs.existsSync(path.join(repository, '.githooks/pre-commit')));

    const outside = runCli(['--install-hook'], makeFolder());
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^auth-status-lint: --install-hook needs a git repository/);
  });

  it('counts a dangling symbolic link as an existing hook, and --force replaces the link, not its target (F13)', () => {
    const repository = makeRepository();
    const hook = path.join(repository, '.git/hooks/pre-commit');
    const target = path.join(repository, 'created-by-hook');
    fs.mkdirSync(path.dirname(hook), { recursive: true });
    fs.symlinkSync(target, hook);
    const refused = runCli(['--install-hook'], repository);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^auth-status-lint: a pre-commit hook already exists at [^\n]*pre-commit; [^\n]*--force to replace it\.\n$/);
    assert.equal(fs.existsSync(target), false);

    const forced = runCli(['--install-hook', '--force'], repository);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(fs.existsSync(target), false, 'nothing is written where the link pointed');
    const stats = fs.lstatSync(hook);
    assert.ok(stats.isFile() && (stats.mode & 0o111) !== 0, 'an executable file replaced the link');
    assert.match(fs.readFileSync(hook, 'utf8'), /auth-status-lint --staged/);
  });

  it('core.hooksPath naming a file is one clear line, exit 2', () => {
    const repository = makeRepository({ somefile: 'user data\n' });
    git(repository, 'config', 'core.hooksPath', 'somefile');
    const run = runCli(['--install-hook'], repository);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^auth-status-lint: git's hooks folder [^\n]*somefile \(core\.hooksPath\) is not a folder; [^\n]*\n$/);
    git(repository, 'config', 'core.hooksPath', 'somefile/hooks');
    const below = runCli(['--install-hook'], repository);
    assert.equal(below.code, 2);
    assert.match(below.stderr, /^auth-status-lint: git's hooks folder [^\n]*somefile\/hooks \(core\.hooksPath\) is not a folder; [^\n]*\n$/);
    assert.equal(fs.readFileSync(path.join(repository, 'somefile'), 'utf8'), 'user data\n');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('runs auth-status-lint from the npm package at this version, on JS/TS files, in one process', () => {
    const manifest = fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };
    assert.match(manifest, /^- id: auth-status-lint$/m);
    assert.match(manifest, /^ {2}entry: auth-status-lint$/m);
    assert.match(manifest, /^ {2}language: node$/m);
    assert.match(manifest, new RegExp(`^  additional_dependencies: \\['auth-status-cli@${version.replace(/\./g, '\\.')}'\\]$`, 'm'));
    const files = new RegExp(/^ {2}files: (.+)$/m.exec(manifest)![1]);
    for (const name of ['a.js', 'b.jsx', 'c.mjs', 'd.cjs', 'e.ts', 'f.tsx', 'g.mts', 'h.cts']) assert.match(name, files);
    assert.doesNotMatch('notes.json', files);
    assert.match(manifest, /^ {2}require_serial: true$/m);
  });

  it("lets pre-commit pack the repository root: it reads the tarball's name from npm pack's output", () => {
    const root = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string; scripts: Record<string, string> };
    assert.match(root.version ?? '', /^\d+\.\d+\.\d+/, 'npm pack refuses a package without a version');
    for (const script of ['prepare', 'prepack', 'postpack']) {
      assert.equal(root.scripts[script], undefined, `npm pack prints the ${script} script's banner into the tarball name`);
    }
  });
});
