import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, MessageType, type Diagnostic, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { CHALLENGE_CODE, CHALLENGE_RULE, CREDENTIAL_CODE, CREDENTIAL_RULE, expectedSummary, EXPRESS_FINDINGS, EXPRESS_SOURCE, EXPRESS_SOURCE_FIXED, messageOf, summary } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-configuration');
let counter = 0;
const nextUri = () => fileUri(path.join(workspace, `configured${++counter}.ts`));

describe('language server: configuration over stdio (workspace/configuration, section authStatus)', () => {
  let client: LspTestClient;
  let settings: Record<string, unknown> = {};
  before(async () => {
    client = await LspTestClient.start({ rootPath: workspace, settings: () => settings });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  /** Changes the settings the client answers with, tells the server, and waits for the re-check of `uri`. */
  async function reconfigure(uri: string, next: Record<string, unknown>) {
    settings = next;
    const since = client.pushed.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    return client.waitForPush(uri, () => true, since);
  }

  afterEach(() => {
    settings = {};
  });

  it('registers for configuration changes and asks per document', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    await client.waitForPush(uri);
    assert.deepEqual((await client.waitForRegistration('workspace/didChangeConfiguration')).registerOptions, { section: 'authStatus' });
    const asked = client.configurationRequests.flatMap((request) => (request as { items: { scopeUri?: string; section?: string }[] }).items);
    assert.ok(asked.some((item) => item.scopeUri === uri && item.section === 'authStatus'));
  });

  it('rejects a realm with a line break (audit F19): one log line, and the fix uses the default realm and parses', async () => {
    const uri = nextUri();
    settings = { challenge: { realm: 'a\nb', scheme: 'Bearer' } };
    await client.open(uri, EXPRESS_SOURCE);
    const { diagnostics } = await client.waitForPush(uri);
    const challenge = diagnostics.find((diagnostic) => diagnostic.code === CHALLENGE_CODE)!;
    assert.match(messageOf(challenge), /Bearer realm="api"/);
    const logs = client.logs.filter((log) => log.message.startsWith('authStatus.challenge.realm'));
    assert.equal(logs.length, 1, JSON.stringify(logs));
    assert.equal(logs[0]!.type, MessageType.Warning);
    assert.match(logs[0]!.message, /^authStatus\.challenge\.realm must be text a quoted-string can hold .*, got "a\\nb"; using the default\.$/);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: challenge.range,
      context: { diagnostics: [challenge] },
    })) as { title: string; edit?: { documentChanges?: { edits: { newText: string }[] }[] } }[];
    const fix = actions.find((action) => action.title === 'Add WWW-Authenticate: Bearer realm="api"')!;
    assert.equal(fix.edit!.documentChanges![0]!.edits[0]!.newText, ".set('WWW-Authenticate', 'Bearer realm=\"api\"')");
  });

  it('applies per-rule severity, turns rules off, and re-checks open documents when settings change', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    const initial = await client.waitForPush(uri);
    assert.ok(initial.diagnostics.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error));

    const warned = await reconfigure(uri, { rules: { 'require-401-for-credential-failure': 'warn' } });
    assert.deepEqual(summary(warned.diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
    const severities = Object.fromEntries(warned.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]));
    assert.deepEqual(severities, { [CREDENTIAL_CODE]: DiagnosticSeverity.Warning, [CHALLENGE_CODE]: DiagnosticSeverity.Error });

    const off = await reconfigure(uri, { rules: { 'auth-status/require-www-authenticate': 'off' } });
    assert.deepEqual(summary(off.diagnostics), expectedSummary(EXPRESS_SOURCE, [[CREDENTIAL_RULE, '403']]));

    const disabled = await reconfigure(uri, { enable: false });
    assert.deepEqual(disabled.diagnostics, []);
  });

  it('passes challenge.scheme and challenge.realm, and per-rule options, to the fixes', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    await client.waitForPush(uri);
    const realm = await reconfigure(uri, { challenge: { scheme: 'Bearer', realm: 'shop' } });
    const challenge = realm.diagnostics.find((diagnostic) => diagnostic.code === CHALLENGE_CODE)!;
    assert.match(messageOf(challenge), /WWW-Authenticate: Bearer realm="shop"/);
    // Quick-fix titles name the values their edits write.
    const titles = async (diagnostic: Diagnostic) =>
      ((await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as { title: string }[]).map(
        (action) => action.title,
      );
    assert.equal((await titles(challenge))[0], 'Add WWW-Authenticate: Bearer realm="shop"');
    const credential = realm.diagnostics.find((diagnostic) => diagnostic.code === CREDENTIAL_CODE)!;
    assert.equal((await titles(credential))[0], 'Respond 401 with WWW-Authenticate: Bearer realm="shop"');
    const ruleOptions = await reconfigure(uri, {
      challenge: { realm: 'shop' },
      rules: { 'require-www-authenticate': ['warn', { realm: 'admin' }] },
    });
    const overridden = ruleOptions.diagnostics.find((diagnostic) => diagnostic.code === CHALLENGE_CODE)!;
    assert.match(messageOf(overridden), /realm="admin"/);
    assert.equal(overridden.severity, DiagnosticSeverity.Warning);
  });

  it('reports wrong settings in the log and keeps working with defaults', async () => {
    const uri = nextUri();
    settings = { run: 'sometimes', maxFileSize: -1, rules: { 'no-such-rule': 'error', 'require-www-authenticate': ['error', { realm: 5 }], 'require-401-for-credential-failure': 'loud' } };
    await client.open(uri, EXPRESS_SOURCE);
    const { diagnostics } = await client.waitForPush(uri);
    assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
    await client.waitForLog(/authStatus\.run must be "onType" or "onSave", got "sometimes"/);
    await client.waitForLog(/authStatus\.maxFileSize must be a positive number of bytes/);
    await client.waitForLog(/unknown rule "no-such-rule"/);
    await client.waitForLog(/Options for auth-status\/require-www-authenticate are invalid/);
    const loud = await client.waitForLog(/authStatus\.rules\.require-401-for-credential-failure must be "off", "warn", "error"/);
    assert.equal(loud.type, MessageType.Warning);
  });

  it('with run: onSave, checks on open and save but not while typing', async () => {
    settings = { run: 'onSave' };
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    const opened = await client.waitForPush(uri);
    assert.equal(opened.diagnostics.length, 2);
    const since = client.pushed.length;
    await client.replace(uri, EXPRESS_SOURCE_FIXED);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(client.pushed.slice(since).filter((params) => params.uri === uri).length, 0, 'no check while typing');
    await client.save(uri);
    const saved = await client.waitForPush(uri, () => true, since);
    assert.deepEqual(saved.diagnostics, []);
  });

  it('skips a document over maxFileSize with a single log line, however often it changes', async () => {
    settings = { maxFileSize: 200 };
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    const { diagnostics } = await client.waitForPush(uri);
    assert.deepEqual(diagnostics, []);
    for (let edit = 0; edit < 3; edit++) {
      const since = client.pushed.length;
      await client.replace(uri, `${EXPRESS_SOURCE}\n// edit ${edit}\n`);
      await client.waitForPush(uri, () => true, since);
    }
    const lines = client.logs.filter((log) => log.message.includes(uri) && log.message.includes('maxFileSize'));
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.match(lines[0]!.message, /^Skipping .*: larger than authStatus\.maxFileSize \(200 bytes\)\.$/);
  });
});

describe('language server: configuration for pull clients and clients without workspace/configuration', () => {
  it('pull + run: onSave keeps the saved result while typing, and asks for a refresh on save', async () => {
    const client = await LspTestClient.start({ rootPath: workspace, pull: true, settings: () => ({ run: 'onSave' }) });
    try {
      const uri = nextUri();
      await client.open(uri, EXPRESS_SOURCE);
      const first = (await client.pull(uri)) as FullDocumentDiagnosticReport;
      assert.deepEqual(summary(first.items), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
      await client.replace(uri, EXPRESS_SOURCE_FIXED);
      assert.deepEqual(await client.pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
      const since = client.notifications.length;
      await client.save(uri);
      await client.waitForNotification('workspace/diagnostic/refresh', () => true, since);
      const saved = (await client.pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
      assert.equal(saved.kind, 'full');
      assert.deepEqual(saved.items, []);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('pull: a settings change asks the client to pull again', async () => {
    let settings: Record<string, unknown> = {};
    const client = await LspTestClient.start({ rootPath: workspace, pull: true, settings: () => settings });
    try {
      const uri = nextUri();
      await client.open(uri, EXPRESS_SOURCE);
      const before = (await client.pull(uri)) as FullDocumentDiagnosticReport;
      assert.equal(before.items.length, 2);
      settings = { rules: { 'require-401-for-credential-failure': 'off' } };
      const since = client.notifications.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitForNotification('workspace/diagnostic/refresh', () => true, since);
      const after = (await client.pull(uri, before.resultId)) as FullDocumentDiagnosticReport;
      assert.deepEqual(summary(after.items), expectedSummary(EXPRESS_SOURCE, [[CHALLENGE_RULE, '401']]));
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('takes settings from initializationOptions and didChangeConfiguration when the client cannot be asked', async () => {
    const client = await LspTestClient.start({
      rootPath: workspace,
      capabilities: { textDocument: { publishDiagnostics: {} } },
      initializationOptions: { settings: { rules: { 'require-www-authenticate': 'off' } } },
    });
    try {
      const uri = nextUri();
      await client.open(uri, EXPRESS_SOURCE);
      const { diagnostics } = await client.waitForPush(uri);
      assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, [[CREDENTIAL_RULE, '403']]));
      assert.equal(client.configurationRequests.length, 0);
      const since = client.pushed.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { authStatus: { rules: { 'require-www-authenticate': 'warn' } } } });
      const changed = await client.waitForPush(uri, () => true, since);
      assert.deepEqual(summary(changed.diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
      assert.equal(changed.diagnostics.find((diagnostic) => diagnostic.code === CHALLENGE_CODE)!.severity, DiagnosticSeverity.Warning);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
