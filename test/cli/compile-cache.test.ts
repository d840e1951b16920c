import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { COMPILE_CACHE_VARIABLE } from '../../packages/cli/src/startup/compile-cache';
import { CODE, makeFolder, REPO_ROOT, runCli } from './helpers';

const COMPILE_CACHE = path.join(REPO_ROOT, 'packages/cli/dist/startup/compile-cache.js');

/** Every cache entry under a cache folder, with its bytes. */
function entriesOf(cache: string): Map<string, Buffer> {
  if (!fs.existsSync(cache)) return new Map();
  return new Map(
    fs
      .readdirSync(cache, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [path.join(entry.parentPath, entry.name), fs.readFileSync(path.join(entry.parentPath, entry.name))]),
  );
}

/** Requires `modulePath` in a fresh Node with the compile cache in `cache`, and prints what it exports (awaited). */
function requireThroughCache(cache: string, modulePath: string): string {
  const script =
    `const c = require(${JSON.stringify(COMPILE_CACHE)}); c.installCompileCache(c.compileCacheFolder(process.env, __dirname));` +
    `Promise.resolve(require(${JSON.stringify(modulePath)})).then((value) => process.stdout.write(String(value)));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, [COMPILE_CACHE_VARIABLE]: cache } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('auth-status-lint keeps V8\'s compiled code of the modules it loads', () => {
  const project = () => makeFolder({ 'token.ts': CODE.missingChallenge.replace('module.exports =', 'export default'), 'admin.js': CODE.permissionDenied });
  const lint = (folder: string, cache: string) => runCli(['--no-project-config', '-f', 'json', '.'], folder, { [COMPILE_CACHE_VARIABLE]: cache });

  it('writes the cache on the first run, reads it on the next, and the report never changes', function () {
    this.timeout(60_000);
    const folder = project();
    const cache = path.join(makeFolder(), 'cache');
    const uncached = lint(folder, 'off');
    assert.equal(uncached.code, 1);
    assert.deepEqual(entriesOf(cache), new Map(), 'off writes nothing');

    const first = lint(folder, cache);
    const written = entriesOf(cache);
    assert.ok(written.size >= 5, `only ${written.size} modules cached`);
    const second = lint(folder, cache);
    assert.deepEqual(entriesOf(cache), written, 'accepted entries are not written again');
    for (const run of [first, second]) assert.deepEqual({ ...run, stdout: JSON.parse(run.stdout) }, { ...uncached, stdout: JSON.parse(uncached.stdout) });
  });

  it('replaces corrupt entries and runs as usual; an unwritable cache is no error', function () {
    this.timeout(60_000);
    const folder = project();
    const expected = lint(folder, 'off');
    const cache = path.join(makeFolder(), 'cache');
    lint(folder, cache);
    const garbage = Buffer.from('not V8 code cache data');
    for (const file of entriesOf(cache).keys()) fs.writeFileSync(file, garbage);
    assert.deepEqual(lint(folder, cache), expected);
    assert.ok([...entriesOf(cache).values()].every((bytes) => !bytes.equals(garbage)), 'corrupt entries are rewritten');

    const notAFolder = path.join(makeFolder({ 'cache-file': 'a file where the cache folder would go' }), 'cache-file');
    assert.deepEqual(lint(folder, notAFolder), expected);
  });

  it('never runs a module\'s old code after the module changed, even at the same length', () => {
    const modules = makeFolder();
    const cache = path.join(makeFolder(), 'cache');
    const modulePath = path.join(modules, 'big.js');
    const padding = `// ${'x'.repeat(20 * 1024)}\n`;
    fs.writeFileSync(modulePath, `${padding}module.exports = 'first';\n`);
    assert.equal(requireThroughCache(cache, modulePath), 'first');
    assert.equal(entriesOf(cache).size, 1);
    assert.equal(requireThroughCache(cache, modulePath), 'first');
    // Same size; a later modification time, as an editor or a reinstall leaves it.
    fs.writeFileSync(modulePath, `${padding}module.exports = 'other';\n`);
    fs.utimesSync(modulePath, new Date(), new Date(Date.now() + 5000));
    assert.equal(requireThroughCache(cache, modulePath), 'other');
  });

  it('leaves a module that calls import() to Node, where the call works, and remembers that in an empty entry; one that only names it in a comment, type or string is cached', () => {
    const modules = makeFolder();
    const cache = path.join(makeFolder(), 'cache');
    const padding = `/** @type {import('node:path').PlatformPath} */\n// ${'x'.repeat(20 * 1024)}\n`;
    const importing = path.join(modules, 'importing.js');
    fs.writeFileSync(importing, `${padding}module.exports = import('node:path').then((path) => path.basename('/x/imported'));\n`);
    const mentioning = path.join(modules, 'mentioning.js');
    fs.writeFileSync(mentioning, `${padding}module.exports = { text: "import(" }.text + 'x)';\n`);
    assert.equal(requireThroughCache(cache, importing), 'imported');
    assert.deepEqual([...entriesOf(cache).values()].map((bytes) => bytes.length), [0]);
    assert.equal(requireThroughCache(cache, importing), 'imported', 'the empty entry leaves it to Node again');
    assert.equal(requireThroughCache(cache, mentioning), 'import(x)');
    assert.deepEqual([...entriesOf(cache).values()].map((bytes) => bytes.length > 0).sort(), [false, true]);
  });
});
