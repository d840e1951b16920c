import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fileUri, LspTestClient } from './lsp-client';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-stale');
/** The audit's F401: one require-www-authenticate finding (the 401 on line 2). */
const F401 = 'app.get("/me", (req, res) => {\n  if (!req.headers.authorization) return res.status(401).json({ error: "missing token" });\n});\n';
const CLEAN = 'app.get("/me", (req, res) => {\n  res.json({ ok: true });\n});\n';

/** `workspace/configuration` answers the test releases by hand, in the order it chooses. */
class HeldSettings {
  readonly requests: { release: () => void }[] = [];
  private readonly waiters: (() => void)[] = [];

  readonly answer = (): Promise<unknown> =>
    new Promise((resolve) => {
      this.requests.push({ release: () => resolve({}) });
      for (const wake of this.waiters.splice(0)) wake();
    });

  async nth(index: number): Promise<{ release: () => void }> {
    while (this.requests.length <= index) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.requests[index]!;
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function editCount(edit: WorkspaceEdit): number {
  return (edit.documentChanges ?? []).reduce((count, change) => count + ('edits' in change ? change.edits.length : 0), 0) + Object.values(edit.changes ?? {}).flat().length;
}

describe('language server: no stale results across a close and reopen (audit F9, over stdio)', () => {
  const clients: LspTestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) assert.equal(await client.shutdown(), 0);
  });

  /** didOpen F401 v1, hold its settings; didClose; didOpen other text v1: the audit's exact sequence. */
  async function reopenWhileSettingsLoad(uri: string): Promise<{ client: LspTestClient; held: HeldSettings; reopenedAt: number }> {
    const held = new HeldSettings();
    const client = await LspTestClient.start({ rootPath: workspace, settings: held.answer });
    clients.push(client);
    await client.open(uri, F401, 'javascript');
    await held.nth(0);
    await client.close(uri);
    const reopenedAt = client.pushed.length;
    await client.open(uri, CLEAN, 'javascript');
    await held.nth(1);
    return { client, held, reopenedAt };
  }

  it('answers in order (#1, then #2, 300 ms apart): the old text is never published for the new one', async () => {
    const uri = fileUri(path.join(workspace, 'in-order.js'));
    const { client, held, reopenedAt } = await reopenWhileSettingsLoad(uri);
    await delay(300);
    (await held.nth(0)).release();
    await delay(300);
    (await held.nth(1)).release();
    await client.waitForPush(uri, (params) => params.version === 1, reopenedAt);
    await delay(800);
    const published = client.pushed.slice(reopenedAt).filter((params) => params.uri === uri);
    assert.ok(published.length >= 1);
    assert.deepEqual(published.map((params) => params.diagnostics.length), published.map(() => 0), 'a diagnostic of the closed text was published');
  });

  it('answers out of order (#2 after 50 ms, #1 after 1,500 ms): the final state is clean and fix-all changes nothing', async () => {
    const uri = fileUri(path.join(workspace, 'out-of-order.js'));
    const { client, held, reopenedAt } = await reopenWhileSettingsLoad(uri);
    await delay(50);
    (await held.nth(1)).release();
    const first = await client.waitForPush(uri, (params) => params.version === 1, reopenedAt);
    assert.deepEqual(first.diagnostics, []);
    await delay(1450);
    (await held.nth(0)).release();
    await delay(1000);
    const published = client.pushed.slice(reopenedAt).filter((params) => params.uri === uri);
    assert.deepEqual(published.map((params) => params.diagnostics.length), published.map(() => 0), 'a diagnostic of the closed text was published');

    const fixAll = (await client.connection.sendRequest('authStatus/fixAll', { uri })) as WorkspaceEdit;
    assert.equal(editCount(fixAll), 0, `fix-all edited the clean document: ${JSON.stringify(fixAll)}`);
  });

  it('fix-all runs on the version it is answered for: its edit fits the text and the result parses', async () => {
    const client = await LspTestClient.start({ rootPath: workspace });
    clients.push(client);
    const uri = fileUri(path.join(workspace, 'fix-all-version.js'));
    await client.open(uri, CLEAN, 'javascript');
    await client.waitForPush(uri);
    // Typing F401 in, then asking for fix-all straight away (fix-on-save): the request sees version 2.
    await client.replace(uri, F401);
    const edit = (await client.connection.sendRequest('authStatus/fixAll', { uri })) as WorkspaceEdit;
    const change = edit.documentChanges?.[0] as { textDocument: { version: number }; edits: unknown[] } | undefined;
    assert.equal(change?.textDocument.version, 2);
    const fixed = await client.apply(uri, edit);
    assert.match(fixed, /res\.status\(401\)\.set\('WWW-Authenticate', 'Bearer realm="api"'\)\.json/);
    assert.doesNotThrow(() => new Function(fixed.replace(/^app\./, 'const app = { get() {} }; app.')));
  });
});
