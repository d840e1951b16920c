import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol';
import { CHALLENGE_RULE, CREDENTIAL_RULE, EXPRESS_FINDINGS, EXPRESS_SOURCE, expectedSummary, messageOf, summary } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

const PLUGIN = path.resolve(__dirname, '../../packages/eslint-plugin');

/**
 * A workspace whose eslint.config.js sets our rules AND leaves a marker file behind when it is executed, so
 * the test can tell whether the server ran workspace code (and in which process: the marker holds its pid).
 */
function createWorkspace(rules: Record<string, unknown>): { root: string; marker: string; config: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-ls-trust-'));
  const marker = path.join(root, 'config-was-executed.marker');
  const config = path.join(root, 'eslint.config.js');
  writeConfig(config, rules);
  return { root, marker, config };
}

function writeConfig(config: string, rules: Record<string, unknown>): void {
  fs.writeFileSync(
    config,
    `require('node:fs').writeFileSync(require('node:path').join(__dirname, 'config-was-executed.marker'), String(process.pid));
const authStatus = require(${JSON.stringify(PLUGIN)});
module.exports = [{ files: ['**/*.js'], plugins: { 'auth-status': authStatus }, rules: ${JSON.stringify(rules)} }];
`,
  );
}

const WORKSPACE_RULES = { [CHALLENGE_RULE]: 'off', [CREDENTIAL_RULE]: 'warn' };

describe('language server: workspace trust and eslint.config.* over stdio', () => {
  const clients: LspTestClient[] = [];
  const workspaces: string[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) assert.equal(await client.shutdown(), 0);
    for (const root of workspaces.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  async function start(trusted: boolean, rules: Record<string, unknown> = WORKSPACE_RULES) {
    const workspace = createWorkspace(rules);
    workspaces.push(workspace.root);
    const client = await LspTestClient.start({ rootPath: workspace.root, trusted });
    clients.push(client);
    const uri = fileUri(path.join(workspace.root, 'src', 'routes.js'));
    return { ...workspace, client, uri };
  }

  it('untrusted: never executes the workspace config and uses the embedded recommended config', async () => {
    const { client, uri, marker } = await start(false);
    await client.open(uri, EXPRESS_SOURCE, 'javascript');
    const { diagnostics } = await client.waitForPush(uri);
    assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
    assert.ok(diagnostics.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error));
    assert.equal(fs.existsSync(marker), false, 'the workspace eslint.config.js was executed in an untrusted workspace');
  });

  it('trusted: honours the severities and options the workspace config gives our rules', async () => {
    const { client, uri, marker } = await start(true);
    await client.open(uri, EXPRESS_SOURCE, 'javascript');
    const { diagnostics } = await client.waitForPush(uri);
    assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, [[CREDENTIAL_RULE, '403']]));
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
    assert.ok(fs.existsSync(marker));
  });

  it("trusted: loads an eslint.config.ts with the workspace's own jiti, which the server's ESLint cannot find", async () => {
    assert.throws(() => require.resolve('jiti', { paths: [path.dirname(require.resolve('eslint'))] }), 'this test needs an ESLint without jiti beside it');
    const { client, uri, root, config } = await start(true);
    fs.rmSync(config);
    fs.writeFileSync(
      path.join(root, 'eslint.config.ts'),
      `const authStatus: { rules: object } = require(${JSON.stringify(PLUGIN)});
const rules: Record<string, string> = ${JSON.stringify(WORKSPACE_RULES)};
module.exports = [{ files: ['**/*.js'], plugins: { 'auth-status': authStatus }, rules }];
`,
    );
    fs.mkdirSync(path.join(root, 'node_modules'));
    fs.symlinkSync(path.dirname(require.resolve('project-jiti/package.json')), path.join(root, 'node_modules', 'jiti'), 'dir');
    await client.open(uri, EXPRESS_SOURCE, 'javascript');
    const { diagnostics } = await client.waitForPush(uri);
    assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, [[CREDENTIAL_RULE, '403']]));
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
  });

  it('trusted: runs the config in a process of its own that ends once idle (its memory is not kept), and loads the config again for a file opened later', async function () {
    this.timeout(30_000);
    const { client, uri, root, marker } = await start(true);
    await client.open(uri, EXPRESS_SOURCE, 'javascript');
    await client.waitForPush(uri);
    const configPid = Number(fs.readFileSync(marker, 'utf8'));
    assert.ok(configPid > 0 && configPid !== client.process.pid, `the config ran in process ${configPid}, the server is ${client.process.pid}`);
    fs.rmSync(marker);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    assert.throws(() => process.kill(configPid, 0), { code: 'ESRCH' }, 'the process that loaded the config is still alive after 4 s idle');
    const later = fileUri(path.join(root, 'src', 'later.js'));
    await client.open(later, EXPRESS_SOURCE, 'javascript');
    const { diagnostics } = await client.waitForPush(later);
    assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, [[CREDENTIAL_RULE, '403']]));
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
    assert.ok(fs.existsSync(marker), 'the config was not executed again: the worker that loaded it was still alive');
  });

  it('becomes trusted on authStatus/workspaceTrustChanged and re-checks open documents', async () => {
    const { client, uri, marker } = await start(false);
    await client.open(uri, EXPRESS_SOURCE, 'javascript');
    await client.waitForPush(uri);
    const since = client.pushed.length;
    await client.connection.sendNotification('authStatus/workspaceTrustChanged', { trusted: true });
    const trusted = await client.waitForPush(uri, () => true, since);
    assert.deepEqual(summary(trusted.diagnostics), expectedSummary(EXPRESS_SOURCE, [[CREDENTIAL_RULE, '403']]));
    assert.ok(fs.existsSync(marker));

    fs.rmSync(marker);
    const again = client.pushed.length;
    await client.connection.sendNotification('authStatus/workspaceTrustChanged', { trusted: false });
    const untrusted = await client.waitForPush(uri, () => true, again);
    assert.deepEqual(summary(untrusted.diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
    assert.equal(fs.existsSync(marker), false);
  });

  it('watches eslint.config.* and re-reads it when it changes', async () => {
    const { client, uri, config } = await start(true);
    const watcher = await client.waitForRegistration('workspace/didChangeWatchedFiles');
    // The config files, and (for the project index) the sources and manifests imports resolve through.
    assert.deepEqual(watcher.registerOptions, {
      watchers: [
        { globPattern: '**/eslint.config.{js,mjs,cjs,ts,mts,cts}' },
        { globPattern: '**/{*.js,*.jsx,*.mjs,*.cjs,*.ts,*.tsx,*.mts,*.cts,package.json,tsconfig*.json,jsconfig*.json}' },
      ],
    });
    await client.open(uri, EXPRESS_SOURCE, 'javascript');
    await client.waitForPush(uri);

    writeConfig(config, { [CREDENTIAL_RULE]: 'off', [CHALLENGE_RULE]: ['error', { realm: 'workspace' }] });
    const since = client.pushed.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: FileChangeType.Changed }] });
    const { diagnostics } = await client.waitForPush(uri, () => true, since);
    assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, [[CHALLENGE_RULE, '401']]));
    assert.match(messageOf(diagnostics[0]!), /realm="workspace"/);
  });

  it('falls back to the editor settings when the trusted config does not mention our rules', async () => {
    const { client, uri, marker } = await start(true, { 'no-console': 'error' });
    await client.open(uri, EXPRESS_SOURCE, 'javascript');
    const { diagnostics } = await client.waitForPush(uri);
    assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
    assert.ok(fs.existsSync(marker));
  });
});
