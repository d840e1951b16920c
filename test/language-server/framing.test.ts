import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { SERVER_BIN } from './lsp-client';

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the bad bytes to the exit. */
  exitedAfter: number;
}

/**
 * Spawns the server over real stdio, initializes it (checking it answers), then writes `raw` as bytes and keeps
 * stdin open: the server must leave by itself, quickly, with a reason on stderr.
 */
function sendRaw(raw: string | Buffer, timeoutMs = 8000): Promise<Run> {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let sentAt = 0;
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server neither answered nor exited within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      if (sentAt === 0 && stdout.includes('"id":1')) {
        sentAt = performance.now();
        child.stdin.write(raw);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, exitedAfter: performance.now() - sentAt });
    });
    child.stdin.write(frame(INITIALIZE));
  });
}

describe('language server: framing errors over stdio (audit F18)', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['a body longer than its Content-Length', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"x"}', /a header name with "\\"" in it/],
    ['no Content-Length', 'Foo: 1\r\n\r\n{}', /a message without a Content-Length header/],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}', /a Content-Length that is not a byte count: "-5"/],
    ['a Content-Length that is not a number', 'Content-Length: twelve\r\n\r\n{}', /not a byte count: "twelve"/],
    ['bytes that are no header at all', Buffer.from([0xff, 0xfe, 0x00, 0x01]), /does not start with a header line .*byte 0xff/],
    ['a header line ended by a bare line feed', 'Content-Length: 2\n\n{}', /bare line feed/],
  ];
  for (const [name, raw, reason] of cases) {
    it(`exits with code 2 and one line on stderr after ${name}`, async () => {
      const run = await sendRaw(raw);
      assert.equal(run.code, 2, `exit code; stderr: ${run.stderr}`);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, run.stderr);
      assert.match(lines[0]!, /^auth-status-language-server: the client sent .*; the message stream cannot be followed any more, exiting\.$/);
      assert.match(lines[0]!, reason);
      assert.ok(run.exitedAfter < 2000, `exited ${Math.round(run.exitedAfter)} ms after the bad frame`);
    });
  }

  it('keeps serving after a well-framed body that is not JSON, and frames split at any byte', async () => {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    const answered = (id: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to request ${id}: ${stdout}`)), 8000);
        const poll = setInterval(() => {
          if (stdout.includes(`"id":${id}`)) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 10);
      });
    // One byte at a time: the check keeps its place across chunks.
    for (const byte of Buffer.from(frame(INITIALIZE))) child.stdin.write(Buffer.from([byte]));
    await answered(1);
    child.stdin.write(frame('{ this is not json'));
    child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' })));
    await answered(2);
    child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' })));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 0);
  });
});
