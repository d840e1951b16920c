import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, workspacePackages } from './packages';

const SCRIPT = path.join(ROOT, 'scripts/release.mjs');

/** A copy of the files the release script edits, so the test never touches the checkout. */
function copyOfRepository(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-release-'));
  const files = ['package.json', 'package-lock.json', 'README.md', '.pre-commit-hooks.yaml'];
  for (const { folder } of workspacePackages()) files.push(`${folder}/package.json`, `${folder}/CHANGELOG.md`);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
  }
  return copy;
}

function release(root: string, version: string) {
  return spawnSync(process.execPath, [SCRIPT, version, '--date', '2026-12-24', '--root', root], { encoding: 'utf8' });
}

const read = (root: string, file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const json = (root: string, file: string) => JSON.parse(read(root, file)) as Record<string, unknown> & { version: string };

describe('scripts/release.mjs', function () {
  this.timeout(30000);
  let root: string;
  let current: string;
  const next = '9.8.7';

  before(() => {
    root = copyOfRepository();
    current = json(root, 'package.json').version;
    const result = release(root, next);
    assert.equal(result.status, 0, result.stderr);
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('moves every package, and the plugin pins of the CLI and language server, to the new version', () => {
    assert.equal(json(root, 'package.json').version, next);
    for (const { folder } of workspacePackages()) {
      const manifest = json(root, `${folder}/package.json`) as { version: string; dependencies?: Record<string, string> };
      assert.equal(manifest.version, next, folder);
      const pin = manifest.dependencies?.['eslint-plugin-auth-status'];
      if (pin !== undefined) assert.equal(pin, next, folder);
    }
    const lock = json(root, 'package-lock.json') as { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
    assert.equal(lock.packages['packages/cli'].version, next);
    assert.equal(lock.packages['packages/cli'].dependencies?.['eslint-plugin-auth-status'], next);
  });

  it('turns each Unreleased section into the release, with a fresh one above it', () => {
    for (const { folder } of workspacePackages()) {
      const original = read(ROOT, `${folder}/CHANGELOG.md`);
      const released = read(root, `${folder}/CHANGELOG.md`);
      const headings = released.match(/^## .*$/gm) ?? [];
      assert.deepEqual(headings.slice(0, 3), ['## Unreleased', `## ${next} (2026-12-24)`, `## ${current}`], folder);
      const section = released.split(`## ${next} (2026-12-24)\n`)[1].split('\n## ')[0].trim();
      const pending = original.split('## Unreleased\n')[1].split('\n## ')[0].trim();
      if (pending !== '- Nothing yet.') assert.equal(section, pending, folder);
      else assert.match(section, /released with the other packages/, folder);
    }
  });

  it('points the pre-commit hook and the README at the new tag and tarballs', () => {
    const hooks = read(root, '.pre-commit-hooks.yaml');
    assert.ok(hooks.includes(`rev: v${next}`) && hooks.includes(`auth-status-cli@${next}`));
    assert.ok(!hooks.includes(current));
    const readme = read(root, 'README.md');
    assert.ok(readme.includes(`rev: v${next}`));
    assert.ok(readme.includes(`auth-status-cli-${next}.tgz`));
    assert.ok(!readme.includes(`v${current}`) && !readme.includes(`-${current}.tgz`));
  });

  it('refuses a version that is not later, or not a version, and changes nothing then', () => {
    for (const version of [next, '1.0', 'latest']) {
      const before = read(root, 'package.json');
      const result = release(root, version);
      assert.equal(result.status, 2, version);
      assert.match(result.stderr, /^release: /, version);
      assert.equal(read(root, 'package.json'), before, version);
    }
  });
});
