import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INCREMENTAL_FROM } from '../../packages/language-server/src/features/checker';
import { LINT_WORKER_NICE } from '../../packages/language-server/src/lint/thread-priority';
import { EXPRESS_SOURCE } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

/** Nice value of each task (thread) of a process, by task id: field 19 of `/proc/<pid>/task/<tid>/stat`. */
function niceByTask(pid: number): Map<number, number> {
  const tasks = new Map<number, number>();
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    tasks.set(Number(task), Number(fields[16]));
  }
  return tasks;
}

describe('language server: the lint worker runs behind the thread that answers the editor', () => {
  it('lowers the priority of the worker thread only, once a full lint runs there', async function () {
    if (!fs.existsSync('/proc/thread-self')) this.skip();
    this.timeout(30_000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-ls-priority-'));
    const client = await LspTestClient.start({ rootPath: root });
    try {
      const pid = client.process.pid!;
      const padding = Array.from({ length: 700 }, (_, index) => `function pad${index}() { return ${index}; }`).join('\n');
      const text = `${EXPRESS_SOURCE}\n${padding}\n`;
      assert.ok(text.length >= INCREMENTAL_FROM);
      const uri = fileUri(path.join(root, 'long.js'));
      await client.open(uri, text, 'javascript');
      await client.waitForPush(uri);
      assert.deepEqual([...new Set(niceByTask(pid).values())], [0], 'no thread is lowered before the worker starts');

      // An edit inside one statement is answered incrementally; the full lint confirming it runs in the worker.
      const offset = text.indexOf('return 350;') + 'return '.length;
      const document = client.document(uri);
      await client.change(uri, [{ range: { start: document.positionAt(offset), end: document.positionAt(offset + 3) }, text: '351' }]);
      const lowered = await new Promise<number[]>((resolve, reject) => {
        const deadline = Date.now() + 15_000;
        const poll = () => {
          const found = [...niceByTask(pid)].filter(([, nice]) => nice === LINT_WORKER_NICE).map(([task]) => task);
          if (found.length > 0) resolve(found);
          else if (Date.now() > deadline) reject(new Error('no thread of the server runs at the worker priority'));
          else setTimeout(poll, 100);
        };
        poll();
      });
      assert.equal(lowered.length, 1);
      assert.notEqual(lowered[0], pid);
      assert.equal(niceByTask(pid).get(pid), 0, 'the main thread keeps its priority');
    } finally {
      assert.equal(await client.shutdown(), 0);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
