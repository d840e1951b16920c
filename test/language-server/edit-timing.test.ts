import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { EDIT_TIMING_TRACE, EditTiming, type EditTimingEntry } from '../../packages/language-server/src/features/edit-timing';
import { loadCollector } from '../../packages/language-server/src/memory';
import { EXPRESS_SOURCE } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-edit-timing');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('language server: the server times its answers to edits', () => {
  const recorder = (workerBusy = () => false) => {
    const entries: EditTimingEntry[] = [];
    return { entries, timing: new EditTiming((entry) => entries.push(entry), workerBusy) };
  };

  it('measures from the edit to its answer, counting the collections inside it', async () => {
    const { entries, timing } = recorder();
    try {
      timing.changed('file:///a.ts', 4);
      const collect = loadCollector()!;
      const started = performance.now();
      collect();
      const collected = performance.now() - started;
      await sleep(20);
      assert.equal(timing.answered('file:///a.ts', 4), true);
      await sleep(200);
      assert.equal(entries.length, 1);
      const [entry] = entries as [EditTimingEntry];
      assert.deepEqual({ uri: entry.uri, version: entry.version, workerBusy: entry.workerBusy }, { uri: 'file:///a.ts', version: 4, workerBusy: false });
      assert.ok(entry.serverMs >= 20 + collected * 0.5, `server ${entry.serverMs} ms`);
      assert.ok(entry.majorGcs >= 1, `${entry.majorGcs} full collections`);
      assert.ok(entry.gcMs > 0 && entry.gcMs <= entry.serverMs, `GC ${entry.gcMs} ms of ${entry.serverMs} ms`);
    } finally {
      timing.dispose();
    }
  });

  it('answers for another version, or a second time, are not edits', async () => {
    const { entries, timing } = recorder(() => true);
    try {
      timing.changed('file:///a.ts', 2);
      assert.equal(timing.answered('file:///a.ts', 1), false);
      assert.equal(timing.answered('file:///b.ts', 2), false);
      assert.equal(timing.answered('file:///a.ts', 2), true);
      assert.equal(timing.answered('file:///a.ts', 2), false);
      await sleep(200);
      assert.equal(entries.length, 1);
      assert.equal(entries[0]!.workerBusy, true);
      assert.equal(entries[0]!.gcMs, 0);
    } finally {
      timing.dispose();
    }
  });

  it('over stdio: one $/logTrace entry per answered edit, and only while the client traces', async () => {
    const client = await LspTestClient.start({ rootPath: workspace, pull: true });
    try {
      const uri = fileUri(path.join(workspace, 'routes.ts'));
      await client.open(uri, EXPRESS_SOURCE);
      await client.pull(uri);
      await client.change(uri, [{ text: `${EXPRESS_SOURCE}\n` }]);
      await client.pull(uri);
      await sleep(200);
      assert.deepEqual(client.traces, [], 'traced without $/setTrace');

      await client.trace('verbose');
      const started = performance.now();
      const version = await client.change(uri, [{ text: `${EXPRESS_SOURCE}\n\n` }]);
      await client.pull(uri);
      const roundTrip = performance.now() - started;
      await client.waitForTrace(EDIT_TIMING_TRACE);
      const entries = client.traces.map((params) => JSON.parse(params.verbose!) as EditTimingEntry);
      assert.deepEqual(
        entries.map((entry) => [entry.uri, entry.version]),
        [[uri, version]],
      );
      assert.ok(entries[0]!.serverMs > 0 && entries[0]!.serverMs < roundTrip, `server ${entries[0]!.serverMs} ms, round trip ${roundTrip} ms`);
    } finally {
      await client.shutdown();
    }
  });
});
