import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { packedFiles, publishedPackages, ROOT, workspacePackages, type PackageJson } from './packages';
import { BUNDLE_ENTRIES } from '../../packages/cli/src/startup/bundle';

const REPOSITORY = 'https://github.com/auth-status/auth-status';
/** What may stand at the top of a published tarball; anything else (tests, sources, configs) is a stray file. */
const TOP_LEVEL = new Set(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin', 'dist', 'docs']);

/** Every file the manifest points at: main, types, bin and export targets. */
function entryPoints(manifest: PackageJson): string[] {
  const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {})];
  for (const target of Object.values(manifest.exports ?? {})) {
    targets.push(...(typeof target === 'string' ? [target] : Object.values(target)));
  }
  return targets.filter((target): target is string => typeof target === 'string').map((target) => path.posix.normalize(target));
}

describe('published packages', () => {
  it('every package and the repository carry a README and a LICENSE, every package a CHANGELOG', () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'LICENSE')));
    for (const { folder } of workspacePackages()) {
      for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) {
        assert.ok(fs.existsSync(path.join(ROOT, folder, file)), `${folder}/${file}`);
      }
    }
  });

  it('every manifest says where the code, its home page and its issues are', () => {
    for (const { folder, manifest } of workspacePackages()) {
      assert.equal(manifest.repository?.directory, folder, manifest.name);
      assert.ok(manifest.repository?.url?.includes(`${REPOSITORY.replace('https://', '')}.git`), manifest.name);
      assert.ok(manifest.homepage?.startsWith(`${REPOSITORY}/tree/`), manifest.name);
      assert.equal(manifest.bugs?.url, `${REPOSITORY}/issues`, manifest.name);
    }
  });

  for (const { folder, manifest } of publishedPackages()) {
    describe(`${manifest.name} tarball`, () => {
      let files: string[];
      before(function () {
        this.timeout(60000);
        files = packedFiles(manifest.name);
      });

      it('holds the README, LICENSE, CHANGELOG and every entry point the manifest names', () => {
        for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json', ...entryPoints(manifest)]) {
          assert.ok(files.includes(file), `${file} is not in the tarball`);
        }
      });

      it('holds no source maps, whose sources are not shipped', () => {
        assert.deepEqual(files.filter((file) => file.endsWith('.map')), []);
      });

      it('holds nothing but the built code, its docs and the package files', () => {
        assert.deepEqual(files.filter((file) => !TOP_LEVEL.has(file.split('/')[0])), []);
      });

      it('ships no built file whose source is gone (a stale build)', () => {
        // A bundle stands for the module it starts from.
        const sourceOf = (file: string) => (BUNDLE_ENTRIES[file.replace(/^dist\//, '')] ? `dist/${BUNDLE_ENTRIES[file.replace(/^dist\//, '')]}` : file);
        const stale = files
          .filter((file) => file.startsWith('dist/') && /\.(js|d\.ts)$/.test(file))
          .filter((file) => !fs.existsSync(path.join(ROOT, folder, sourceOf(file).replace(/^dist\//, 'src/').replace(/(\.d)?\.ts$|\.js$/, '.ts'))));
        assert.deepEqual(stale, []);
      });
    });
  }
});
