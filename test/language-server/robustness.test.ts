import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, HoverRequest, MessageType, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { EXPRESS_FINDINGS, EXPRESS_SOURCE, expectedSummary, summary } from './fixtures';
import { fileUri, LspTestClient, SERVER_BIN } from './lsp-client';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-robustness');
const FAULT_INJECTION = path.join(__dirname, 'fault-injection.cjs');

describe('language server: robustness over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ rootPath: workspace, pull: true, nodeOptions: ['--require', FAULT_INJECTION] });
  });
  after(async () => {
    if (client) assert.equal(await client.shutdown(), 0);
  });

  it('logs an exception inside a rule, shows no problems for that file, and keeps serving', async () => {
    const crashing = fileUri(path.join(workspace, 'crash.ts'));
    await client.open(crashing, `${EXPRESS_SOURCE}\n// CRASH_AUTH_STATUS\n`);
    const report = (await client.pull(crashing)) as { kind: string; items: [] };
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items, []);
    const log = await client.waitForLog(/A rule failed on .*crash\.ts/);
    assert.equal(log.type, MessageType.Error);
    assert.match(log.message, /injected rule failure/);
    await client.waitForNotification('authStatus/status', (params) => (params as { state: string }).state === 'error');

    const healthy = fileUri(path.join(workspace, 'healthy.ts'));
    await client.open(healthy, EXPRESS_SOURCE);
    const healthyReport = (await client.pull(healthy)) as FullDocumentDiagnosticReport;
    assert.deepEqual(summary(healthyReport.items), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
  });

  it('answers requests about unknown or closed documents with empty results', async () => {
    const uri = fileUri(path.join(workspace, 'closed.ts'));
    await client.open(uri, EXPRESS_SOURCE);
    assert.equal(((await client.pull(uri)) as FullDocumentDiagnosticReport).items.length, 2);
    await client.close(uri);
    const position = { line: 7, character: 24 };
    assert.deepEqual(await client.pull(uri), { kind: 'full', items: [] });
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), null);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    assert.deepEqual(await client.connection.sendRequest('authStatus/fixAll', { uri }), {});
  });
});

describe('language server: lifecycle over stdio', () => {
  it('exits with code 0 after shutdown and exit', async () => {
    const client = await LspTestClient.start();
    const uri = fileUri(path.join(workspace, 'lifecycle.ts'));
    await client.open(uri, EXPRESS_SOURCE);
    await client.waitForPush(uri);
    assert.equal(await client.shutdown(), 0);
  });

  it('explains how to start it when no transport is given, and prints its version', () => {
    const bare = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8' });
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /choose how the editor talks to the server\.\n\nUsage: auth-status-language-server --stdio \| --node-ipc \| --socket=<port>/);
    const version = spawnSync(process.execPath, [SERVER_BIN, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(SERVER_BIN, '../../package.json'), 'utf8')) as { version: string }).version);
  });

  it('exits with code 1 on exit without shutdown, as LSP requires', async () => {
    const client = await LspTestClient.start();
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited(), 1);
  });
});
