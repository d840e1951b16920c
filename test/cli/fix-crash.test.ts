import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TEMPORARY_SUFFIX } from '../../packages/cli/src/files/atomic-write';
import { BIN, CODE, makeFolder, runCli } from './helpers';
import { mountTmpfs, unmountAll } from './tmpfs';
import { seededRandom } from '../support/seeded-random';

const ARGS = ['--fix', '--fix-status', '--no-project-config', '--concurrency', 'off', '.'];
const BOM = '\uFEFF';

/** A tree of fixable files of several shapes and sizes (some with a BOM), plus files with nothing to fix. */
function treeFiles(count: number, padLines: (index: number) => number): Record<string, string> {
  const shapes = [CODE.missingChallenge, CODE.wrongStatus, CODE.permissionDenied, `${BOM}${CODE.wrongStatus}`];
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) {
    const padding = `// user content ${index}, kept byte for byte\n`.repeat(padLines(index));
    files[`f${String(index).padStart(4, '0')}.js`] = `${shapes[index % shapes.length]}${padding}// end of f${index}\n`;
  }
  return files;
}

function copyTree(files: Record<string, string>, folder = makeFolder()): string {
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

/** What a complete run writes: the reference each file must match if it is not the original. */
/** `writeMs`: from the first write to the end (NaN when no write was seen). */
async function referenceRun(files: Record<string, string>): Promise<{ fixed: Map<string, string>; writeMs: number; totalMs: number }> {
  const folder = copyTree(files);
  let firstWrite: number | undefined;
  const watcher = watchWrites(folder, () => (firstWrite ??= Date.now()));
  const start = Date.now();
  const ended = await killedRun(folder, Infinity, 'spawn');
  const end = Date.now();
  watcher.close();
  assert.equal(ended, 0);
  const fixed = new Map(Object.keys(files).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));
  const changed = [...fixed].filter(([name, text]) => text !== files[name]).length;
  assert.ok(changed >= Object.keys(files).length / 2, `the reference run fixes most files (${changed})`);
  return { fixed, writeMs: firstWrite === undefined ? NaN : end - firstWrite, totalMs: end - start };
}

/** Every file is its original bytes or exactly the reference's; the only other entries are temporary files. */
function assertConsistent(folder: string, files: Record<string, string>, fixed: Map<string, string>): { original: number; fixed: number } {
  const counts = { original: 0, fixed: 0 };
  for (const name of Object.keys(files)) {
    const now = fs.readFileSync(path.join(folder, name), 'utf8');
    if (now === files[name]) counts.original++;
    else if (now === fixed.get(name)) counts.fixed++;
    else assert.fail(`${name} is neither its original nor its fixed text:\n${now}`);
  }
  const strangers = fs.readdirSync(folder).filter((name) => !(name in files) && !name.endsWith(TEMPORARY_SUFFIX) && name !== 'filler.bin');
  assert.deepEqual(strangers, []);
  return counts;
}

/** Calls `onWrite` when a temporary file of a fix appears in the folder: a write has begun. */
function watchWrites(folder: string, onWrite: () => void): fs.FSWatcher {
  return fs.watch(folder, (_event, name) => {
    if (name?.endsWith(TEMPORARY_SUFFIX)) onWrite();
  });
}

/** Starts the CLI, kills it with SIGKILL `delayMs` after `startAt` (the spawn, or the first write); resolves how it ended. */
function killedRun(folder: string, delayMs: number, startAt: 'spawn' | 'first-write'): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...ARGS], { cwd: folder, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= Number.isFinite(delayMs) ? setTimeout(() => child.kill('SIGKILL'), delayMs) : undefined);
    const watcher = startAt === 'first-write' ? watchWrites(folder, arm) : undefined;
    if (startAt === 'spawn') arm();
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      resolve(signal ?? code);
    });
  });
}

describe('auth-status-lint --fix crash consistency', function () {
  this.timeout(15 * 60 * 1000);
  after(unmountAll);

  it('SIGKILL at random points leaves every file original or fully fixed', async () => {
    const files = treeFiles(160, (index) => (index * 7) % 40);
    const { fixed, writeMs, totalMs } = await referenceRun(files);
    assert.ok(writeMs >= 0, 'the reference run was seen writing');
    const fixable = [...fixed].filter(([name, text]) => text !== files[name]).length;
    const outcomes: string[] = [];
    let killedWhileWriting = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const random = seededRandom(seed);
      // Half the seeds kill anywhere in the run, half inside the write phase, where a kill can do harm.
      const startAt = seed % 2 === 0 ? 'first-write' : 'spawn';
      const delay = Math.floor(random() * (startAt === 'spawn' ? totalMs : writeMs));
      const folder = copyTree(files);
      const ended = await killedRun(folder, delay, startAt);
      const counts = assertConsistent(folder, files, fixed);
      if (counts.fixed > 0 && counts.fixed < fixable) killedWhileWriting++;
      outcomes.push(`seed ${seed} ${startAt}+${delay}ms: ${String(ended)}, ${counts.fixed} fixed`);
      fs.rmSync(folder, { recursive: true, force: true });
    }
    // Without a kill between the first and the last write, this test would prove nothing about the write phase.
    assert.ok(killedWhileWriting > 0, `no kill landed between writes (write phase ${writeMs} ms): ${outcomes.join('; ')}`);
  });

  it('after a kill, running --fix again finishes the job: the tree equals the complete run', async () => {
    const files = treeFiles(80, (index) => index % 10);
    const { fixed, writeMs } = await referenceRun(files);
    const folder = copyTree(files);
    await killedRun(folder, Math.floor(writeMs / 3), 'first-write');
    assertConsistent(folder, files, fixed);
    const again = runCli(ARGS, folder);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    for (const [name, text] of fixed) assert.equal(fs.readFileSync(path.join(folder, name), 'utf8'), text, name);
  });

  it('on a full disk every file is original or fully fixed, each refusal is a note, and the report is printed', async function () {
    const disk = mountTmpfs(this, 64);
    // Files of one to four pages; with about two pages free, the small ones can be replaced and the large ones not.
    const files = treeFiles(8, (index) => [5, 120, 10, 240, 2, 180, 8, 60][index]);
    const { fixed } = await referenceRun(files);
    copyTree(files, disk);
    const { bavail, bsize } = fs.statfsSync(disk);
    fs.writeFileSync(path.join(disk, 'filler.bin'), Buffer.alloc(Math.max(0, bavail * bsize - 2 * 4096)));
    const run = runCli(ARGS, disk);
    const counts = assertConsistent(disk, files, fixed);
    const refused = run.stderr.match(/^auth-status-lint: could not write f\d+\.js: ENOSPC \(no space left on device\); not fixed\.$/gm) ?? [];
    assert.ok(counts.fixed > 0 && refused.length > 0, `some fixes fit and some do not: ${counts.fixed} fixed; ${run.stderr}`);
    // Besides the refusals, one line: the summary, which counts only the files written.
    const summary = new RegExp(`^auth-status-lint: fixed \\d+ problems? in ${counts.fixed} files? \\(auth-status/[^)]+\\)\\.$`, 'm');
    assert.match(run.stderr, summary);
    assert.equal(run.stderr.split('\n').filter(Boolean).length, refused.length + 1, run.stderr);
    assert.equal(counts.original, refused.length + Object.keys(files).filter((name) => fixed.get(name) === files[name]).length);
    assert.match(run.stdout, /problems? \(\d+ errors?, \d+ warnings?\) in \d+ of 8 files/);
    assert.equal(run.code, 1);
    assert.deepEqual(fs.readdirSync(disk).filter((name) => name.endsWith(TEMPORARY_SUFFIX)), []);
  });
});
