import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BUNDLE_INPUTS, BUNDLE_VARIABLE, BUNDLED_CLI, freshBundle } from '../../packages/cli/src/startup/bundle';
import { CODE, lintJson, makeFolder, REPO_ROOT } from './helpers';

const DIST = path.join(REPO_ROOT, 'packages/cli/dist');

/** A package folder with a bundle built at `built` from dist/a.js and ../other/b.js (outside the package). */
function packageWithBundle(built: Date): { dist: string; input: string } {
  const root = makeFolder({ 'package/dist/a.js': '', [`package/dist/${BUNDLED_CLI}`]: '', [`package/dist/${BUNDLE_INPUTS}`]: JSON.stringify({ inputs: ['dist/a.js', '../other/b.js'] }) });
  const dist = path.join(root, 'package/dist');
  const input = path.join(dist, 'a.js');
  const before = new Date(built.getTime() - 60_000);
  fs.utimesSync(input, before, before);
  fs.utimesSync(path.join(dist, BUNDLED_CLI), built, built);
  return { dist, input };
}

describe('the bundled CLI', () => {
  it('is used while none of its inputs changed after it; an input missing (the published package) does not count', () => {
    const { dist } = packageWithBundle(new Date());
    assert.equal(freshBundle(dist, {}), path.join(dist, BUNDLED_CLI));
  });

  it('is left for the compiled modules once an input is newer (a `tsc -b` without bundling), when switched off, or when absent', () => {
    const { dist, input } = packageWithBundle(new Date(Date.now() - 120_000));
    fs.utimesSync(input, new Date(), new Date());
    assert.equal(freshBundle(dist, {}), undefined);
    const fresh = packageWithBundle(new Date());
    assert.equal(freshBundle(fresh.dist, { [BUNDLE_VARIABLE]: 'off' }), undefined);
    fs.rmSync(path.join(fresh.dist, BUNDLED_CLI));
    assert.equal(freshBundle(fresh.dist, {}), undefined);
  });

  it('is built and up to date after `npm run build`', () => {
    assert.equal(freshBundle(DIST, {}), path.join(DIST, BUNDLED_CLI), 'run npm run build (tsc -b alone leaves the bundle behind)');
  });

  it('answers as the compiled modules do, with two lint threads and with fixes', function () {
    this.timeout(120_000);
    const folder = makeFolder({
      'server/require-auth.js': CODE.wrongStatus,
      'server/verify.js': CODE.missingChallenge,
      'server/admin.js': CODE.permissionDenied,
      'web/page.tsx': 'export const Page = () => <p title="Tom&apos;s">Sign in &amp; retry</p>;\n',
    });
    for (const args of [['--concurrency', '2'], ['--fix-dry-run', '--fix-status']]) {
      const lint = (env: NodeJS.ProcessEnv) => lintJson(['--no-project-config', ...args, '.'], folder, env);
      const bundled = lint({});
      const compiled = lint({ [BUNDLE_VARIABLE]: 'off' });
      assert.ok(bundled.results.some((result) => result.messages.length > 0 || 'output' in result), `findings or fixes: ${bundled.run.stdout.slice(0, 300)}`);
      assert.equal(bundled.run.stdout, compiled.run.stdout, args.join(' '));
      assert.equal(bundled.run.code, compiled.run.code);
    }
  });
});
