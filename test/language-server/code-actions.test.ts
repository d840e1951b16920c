import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  ExecuteCommandRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { CHALLENGE_RULE, codeOf, CREDENTIAL_RULE, EXPRESS_FINDINGS, EXPRESS_SOURCE, EXPRESS_SOURCE_FIXED, expectedSummary, summary } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-actions');
let counter = 0;
const nextUri = () => fileUri(path.join(workspace, `actions${++counter}.ts`));

describe('language server: code actions over stdio', () => {
  let client: LspTestClient;
  let includeStatusChanges = false;
  before(async () => {
    client = await LspTestClient.start({ rootPath: workspace, settings: () => ({ fixAll: { includeStatusChanges } }) });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  /** Opens the text and returns its first pushed diagnostics. */
  async function openChecked(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = nextUri();
    await client.open(uri, text);
    const { diagnostics } = await client.waitForPush(uri);
    return { uri, diagnostics };
  }

  function actionsFor(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;
  }

  /** Applies the edit, then waits for the diagnostics of the resulting version. */
  async function applyAndRecheck(uri: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const since = client.pushed.length;
    const text = await client.apply(uri, action.edit!);
    const version = client.document(uri).version;
    const { diagnostics } = await client.waitForPush(uri, (params) => params.version === version, since);
    return { text, diagnostics };
  }

  const byCode = (diagnostics: Diagnostic[], rule: string) => diagnostics.find((diagnostic) => diagnostic.code === codeOf(rule))!;

  it('offers the suggestion (preferred), disable-for-line, documentation and fix-all for a wrong status', async () => {
    const { uri, diagnostics } = await openChecked(EXPRESS_SOURCE);
    const actions = await actionsFor(uri, byCode(diagnostics, CREDENTIAL_RULE));
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred ?? false]),
      [
        ['Respond 401 with WWW-Authenticate: Bearer realm="api"', 'quickfix', true],
        [`Disable ${CREDENTIAL_RULE} for this line`, 'quickfix', false],
        [`Show documentation for ${CREDENTIAL_RULE}`, 'quickfix', false],
        ['Fix all auth-status problems in this file', 'quickfix', false],
      ],
    );
    assert.deepEqual(actions[0]!.diagnostics, [byCode(diagnostics, CREDENTIAL_RULE)]);
  });

  it('applies the suggestion: 401 with a challenge, and no new report from any rule', async () => {
    const { uri, diagnostics } = await openChecked(EXPRESS_SOURCE);
    const [suggestion] = await actionsFor(uri, byCode(diagnostics, CREDENTIAL_RULE));
    const { text, diagnostics: after } = await applyAndRecheck(uri, suggestion!);
    assert.match(text, /return res\.status\(401\)\.set\('WWW-Authenticate', 'Bearer realm="api"'\)\.json\(\{ message: 'No token provided' \}\);/);
    assert.deepEqual(summary(after), expectedSummary(text, [[CHALLENGE_RULE, '401', 1]]));
  });

  it('applies the autofix for a 401 without a challenge (preferred) and re-checks clean', async () => {
    const { uri, diagnostics } = await openChecked(EXPRESS_SOURCE);
    const actions = await actionsFor(uri, byCode(diagnostics, CHALLENGE_RULE));
    const fix = actions[0]!;
    // Titled with what the edit writes, and only once (not also as a suggestion).
    assert.equal(fix.title, 'Add WWW-Authenticate: Bearer realm="api"');
    assert.equal(actions.filter((action) => action.title.startsWith('Add WWW-Authenticate')).length, 1);
    assert.equal(fix.isPreferred, true);
    const { text, diagnostics: after } = await applyAndRecheck(uri, fix);
    assert.match(text, /res\.status\(401\)\.set\('WWW-Authenticate', 'Bearer realm="api"'\)\.json\(\{ message: 'Unauthenticated' \}\)/);
    assert.deepEqual(summary(after), expectedSummary(text, [[CREDENTIAL_RULE, '403']]));
  });

  it('disables the rule for the line with a new comment, keeping the indentation', async () => {
    const { uri, diagnostics } = await openChecked(EXPRESS_SOURCE);
    const disable = (await actionsFor(uri, byCode(diagnostics, CREDENTIAL_RULE))).find((action) => action.title.startsWith('Disable'))!;
    const { text, diagnostics: after } = await applyAndRecheck(uri, disable);
    assert.ok(text.includes(`    // eslint-disable-next-line ${CREDENTIAL_RULE}\n    return res.status(403)`), text);
    // The first '401' is now in the comment's rule name.
    assert.deepEqual(summary(after), expectedSummary(text, [[CHALLENGE_RULE, '401', 1]]));
  });

  it('extends an existing eslint-disable-next-line comment, keeping its description', async () => {
    const source = EXPRESS_SOURCE.replace(
      "    return res.status(403).json({ message: 'No token provided' });",
      "    // eslint-disable-next-line no-console -- legacy logging\n    return res.status(403).json({ message: 'No token provided' });",
    );
    const { uri, diagnostics } = await openChecked(source);
    const disable = (await actionsFor(uri, byCode(diagnostics, CREDENTIAL_RULE))).find((action) => action.title.startsWith('Disable'))!;
    const { text, diagnostics: after } = await applyAndRecheck(uri, disable);
    assert.ok(text.includes(`    // eslint-disable-next-line no-console, ${CREDENTIAL_RULE} -- legacy logging\n    return res.status(403)`), text);
    assert.deepEqual(summary(after), expectedSummary(text, [[CHALLENGE_RULE, '401', 1]]));
  });

  it('shows documentation through a server command that asks the client to open the URL', async () => {
    const { uri, diagnostics } = await openChecked(EXPRESS_SOURCE);
    const show = (await actionsFor(uri, byCode(diagnostics, CHALLENGE_RULE))).find((action) => action.title.startsWith('Show documentation'))!;
    assert.equal(show.command?.command, 'authStatus.showDocumentation');
    assert.equal(show.command?.arguments?.[0], byCode(diagnostics, CHALLENGE_RULE).codeDescription?.href);
    const since = client.notifications.length;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: show.command!.command, arguments: show.command!.arguments });
    const request = await client.waitForNotification('window/showDocument', () => true, since);
    assert.deepEqual(request, { uri: show.command!.arguments![0], external: true });
  });

  it('resolves "fix all problems in this file" lazily: every fix and suggestion, re-checked clean', async () => {
    const { uri, diagnostics } = await openChecked(EXPRESS_SOURCE);
    const fixAll = (await actionsFor(uri, byCode(diagnostics, CREDENTIAL_RULE))).find((action) => action.title === 'Fix all auth-status problems in this file')!;
    assert.equal(fixAll.edit, undefined, 'computed on resolve, not while showing the light bulb');
    const resolved = (await client.connection.sendRequest(CodeActionResolveRequest.type, fixAll)) as CodeAction;
    const { text, diagnostics: after } = await applyAndRecheck(uri, resolved);
    assert.equal(text, EXPRESS_SOURCE_FIXED);
    assert.deepEqual(after, []);
  });

  it('fix-on-save (source.fixAll.authStatus) applies only safe fixes by default', async () => {
    const { uri, diagnostics } = await openChecked(EXPRESS_SOURCE);
    const actions = await actionsFor(uri, diagnostics[0]!, ['source.fixAll.authStatus']);
    assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.authStatus']);
    const { text, diagnostics: after } = await applyAndRecheck(uri, actions[0]!);
    assert.ok(text.includes("res.status(403).json({ message: 'No token provided' })"), 'the status change is not applied on save');
    assert.deepEqual(summary(after), expectedSummary(text, [[CREDENTIAL_RULE, '403']]));
  });

  it('fix-on-save also applies status changes when fixAll.includeStatusChanges is set', async () => {
    includeStatusChanges = true;
    try {
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const { uri, diagnostics } = await openChecked(EXPRESS_SOURCE);
      const [action] = await actionsFor(uri, diagnostics[0]!, ['source.fixAll']);
      const { text, diagnostics: after } = await applyAndRecheck(uri, action!);
      assert.equal(text, EXPRESS_SOURCE_FIXED);
      assert.deepEqual(after, []);
    } finally {
      includeStatusChanges = false;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
  });

  it('answers authStatus/fixAll with one edit that fixes the whole file', async () => {
    const { uri } = await openChecked(EXPRESS_SOURCE);
    const edit = await client.connection.sendRequest('authStatus/fixAll', { uri });
    const { text, diagnostics } = await applyAndRecheck(uri, { title: 'fix all', edit: edit as CodeAction['edit'] });
    assert.equal(text, EXPRESS_SOURCE_FIXED);
    assert.deepEqual(diagnostics, []);
  });

  it('filters by the requested kind and offers nothing where there is no problem', async () => {
    const { uri, diagnostics } = await openChecked(EXPRESS_SOURCE);
    const quickFixesOnly = await actionsFor(uri, diagnostics[0]!, ['quickfix']);
    assert.ok(quickFixesOnly.length > 0 && quickFixesOnly.every((action) => action.kind === 'quickfix'));
    const sourceOnly = await actionsFor(uri, diagnostics[0]!, ['source']);
    assert.deepEqual(sourceOnly.map((action) => action.kind), ['source.fixAll.authStatus']);
    const nearMiss = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 21, character: 23 }, end: { line: 21, character: 23 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(nearMiss, []);
    assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
  });
});
