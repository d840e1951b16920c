import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, CODE, git, makeRepository, type CliRun } from './helpers';

/** PATH without any node_modules/.bin, so only the hook's own lookup can find the CLI. */
function pathWithoutInstalledBins(): string {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((folder) => !folder.split(path.sep).includes('node_modules'))
    .join(path.delimiter);
}

/** Installs this checkout's CLI into `<folder>/node_modules` as npm does: the package, and a link in .bin. */
function installCliInto(folder: string): string {
  const bin = path.join(folder, 'node_modules/.bin');
  fs.mkdirSync(bin, { recursive: true });
  fs.symlinkSync(BIN, path.join(bin, 'auth-status-lint'));
  return path.join(bin, 'auth-status-lint');
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, PATH: pathWithoutInstalledBins(), NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('auth-status-lint --install-hook in a monorepo', () => {
  it('the hook finds the CLI installed in the package it was installed from, for commits from the root and from a subfolder', () => {
    const repository = makeRepository({ 'packages/app/src/auth.js': CODE.wrongStatus, 'packages/app/src/admin.js': CODE.permissionDenied, 'README.md': 'demo\n' });
    fs.writeFileSync(path.join(repository, '.gitignore'), 'node_modules\n');
    const app = path.join(repository, 'packages/app');
    const installed = installCliInto(app);

    const install = run(process.execPath, [installed, '--install-hook'], app);
    assert.equal(install.code, 0, install.stderr);

    git(repository, 'add', 'packages/app/src/auth.js');
    const fromRoot = run('git', ['commit', '--quiet', '-m', 'wrong status'], repository);
    assert.equal(fromRoot.code, 1, 'the hook ran and blocked the commit');
    assert.match(fromRoot.stdout + fromRoot.stderr, /packages\/app\/src\/auth\.js:3:\d+ {2}error {2}403 answers a missing credential/);

    const fromSubfolder = run('git', ['commit', '--quiet', '-m', 'wrong status'], path.join(app, 'src'));
    assert.equal(fromSubfolder.code, 1);
    assert.match(fromSubfolder.stdout + fromSubfolder.stderr, /auth\.js:3:\d+ {2}error/);
    assert.doesNotMatch(fromSubfolder.stderr, /not installed/);

    git(repository, 'reset', '--quiet');
    git(repository, 'add', 'packages/app/src/admin.js', 'README.md');
    const clean = run('git', ['commit', '--quiet', '-m', 'right status'], path.join(app, 'src'));
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  });

  it('falls back to a copy at the repository root, and says so when there is none anywhere', () => {
    const repository = makeRepository({ 'packages/app/auth.js': CODE.wrongStatus });
    fs.writeFileSync(path.join(repository, '.gitignore'), 'node_modules\n');
    const rootCli = installCliInto(repository);
    assert.equal(run(process.execPath, [rootCli, '--install-hook'], path.join(repository, 'packages/app')).code, 0);
    git(repository, 'add', '.');
    const blocked = run('git', ['commit', '--quiet', '-m', 'x'], path.join(repository, 'packages'));
    assert.equal(blocked.code, 1);
    assert.match(blocked.stdout + blocked.stderr, /packages\/app\/auth\.js:3/);

    fs.rmSync(path.join(repository, 'node_modules'), { recursive: true });
    const missing = run('git', ['commit', '--quiet', '-m', 'x'], repository);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /auth-status-lint is not installed: run npm install --save-dev auth-status-cli/);
  });
});
