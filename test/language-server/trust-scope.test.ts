import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, HoverRequest } from 'vscode-languageserver-protocol';
import { CHALLENGE_RULE } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

const PLUGIN = path.resolve(__dirname, '../../packages/eslint-plugin');
/** The audit's F401: one require-www-authenticate finding, an error under the embedded configuration. */
const F401 = 'app.get("/me", (req, res) => {\n  if (!req.headers.authorization) return res.status(401).json({ error: "missing token" });\n});\n';

/**
 * The audit's F6 layout: A/ and B/ each hold a.js and an eslint.config.js; P/eslint.config.js with P/C/a.js.
 * Every config appends its folder's name to one marker file when it is executed, and makes our rule a warning
 * (the embedded configuration makes it an error), so a test sees both whether a config ran and whether it was used.
 */
function createLayout(): { root: string; marker: string; dir: (name: string) => string; executed: () => string[] } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-ls-scope-')));
  const marker = path.join(root, 'executed.txt');
  const dir = (name: string) => path.join(root, name);
  for (const [folder, files] of [
    ['A', ['a.js', 'sub/a.js']],
    ['B', ['a.js']],
    ['P', []],
    ['P/C', ['a.js']],
  ] as const) {
    fs.mkdirSync(dir(folder), { recursive: true });
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(dir(folder), file)), { recursive: true });
      fs.writeFileSync(path.join(dir(folder), file), F401);
    }
  }
  for (const folder of ['A', 'B', 'P']) {
    fs.writeFileSync(
      path.join(dir(folder), 'eslint.config.js'),
      `require('node:fs').appendFileSync(${JSON.stringify(marker)}, ${JSON.stringify(`${folder}\n`)});
module.exports = [{ plugins: { 'auth-status': require(${JSON.stringify(PLUGIN)}) }, rules: { ${JSON.stringify(CHALLENGE_RULE)}: 'warn' } }];
`,
    );
  }
  const executed = () => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').split('\n').filter(Boolean).sort() : []);
  return { root, marker, dir, executed };
}

describe('language server: trust covers the workspace folders only (audit F6, over stdio)', () => {
  const clients: LspTestClient[] = [];
  const roots: string[] = [];
  let layout: ReturnType<typeof createLayout>;
  beforeEach(() => {
    layout = createLayout();
    roots.push(layout.root);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) assert.equal(await client.shutdown(), 0);
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  async function start(trusted: boolean, folder: string | undefined): Promise<LspTestClient> {
    const client = await LspTestClient.start({ trusted, rootPath: folder && layout.dir(folder) });
    clients.push(client);
    return client;
  }

  /** Opens the file and returns the severity of its one finding. */
  async function severityOf(client: LspTestClient, file: string): Promise<DiagnosticSeverity | undefined> {
    const uri = fileUri(path.join(layout.root, file));
    await client.open(uri, F401, 'javascript');
    const { diagnostics } = await client.waitForPush(uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    return diagnostics[0]!.severity;
  }

  it('trusted, folders [A]: A/a.js and A/sub/a.js use A\'s config; B/a.js runs no config and uses the embedded one', async () => {
    const client = await start(true, 'A');
    assert.equal(await severityOf(client, 'B/a.js'), DiagnosticSeverity.Error);
    assert.deepEqual(layout.executed(), [], 'B was never trusted');
    assert.equal(await severityOf(client, 'A/a.js'), DiagnosticSeverity.Warning);
    assert.equal(await severityOf(client, 'A/sub/a.js'), DiagnosticSeverity.Warning);
    assert.deepEqual(layout.executed(), ['A']);
  });

  it('trusted, folders [P/C]: P/C/a.js never runs the config of P, the folder above the workspace', async () => {
    const client = await start(true, 'P/C');
    assert.equal(await severityOf(client, 'P/C/a.js'), DiagnosticSeverity.Error);
    assert.deepEqual(layout.executed(), []);
  });

  it('trusted, no folders: a loose B/a.js runs no config', async () => {
    const client = await start(true, undefined);
    assert.equal(await severityOf(client, 'B/a.js'), DiagnosticSeverity.Error);
    assert.deepEqual(layout.executed(), []);
  });

  it('not trusted by anything but a boolean true in initializationOptions.workspaceTrusted, nor by bogus trust notifications', async () => {
    for (const initializationOptions of [{ workspaceTrusted: 'true' }, { workspaceTrusted: 1 }, { workspaceTrusted: undefined }, { settings: { workspaceTrusted: true } }]) {
      const client = await LspTestClient.start({ rootPath: layout.dir('A'), initializationOptions });
      clients.push(client);
      assert.equal(await severityOf(client, 'A/a.js'), DiagnosticSeverity.Error, JSON.stringify(initializationOptions));
      for (const payload of [{ trusted: 'true' }, { trusted: 1 }, {}, null]) {
        const since = client.pushed.length;
        await client.connection.sendNotification('authStatus/workspaceTrustChanged', payload);
        const { diagnostics } = await client.waitForPush(fileUri(path.join(layout.root, 'A/a.js')), () => true, since);
        assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Error, JSON.stringify(payload));
      }
      assert.deepEqual(layout.executed(), [], JSON.stringify(initializationOptions));
    }
  });

  it('untrusted, folders [A]: neither A/a.js nor B/a.js runs a config', async () => {
    const client = await start(false, 'A');
    assert.equal(await severityOf(client, 'A/a.js'), DiagnosticSeverity.Error);
    assert.equal(await severityOf(client, 'B/a.js'), DiagnosticSeverity.Error);
    assert.deepEqual(layout.executed(), []);
  });
});

describe('language server: a trusted config that hangs does not freeze the server (audit F16, over stdio)', () => {
  const TIMEOUT_MS = 1500;
  const clients: LspTestClient[] = [];
  const roots: string[] = [];
  let saved: string | undefined;
  before(() => {
    saved = process.env.AUTH_STATUS_CONFIG_TIMEOUT_MS;
    process.env.AUTH_STATUS_CONFIG_TIMEOUT_MS = String(TIMEOUT_MS);
  });
  after(() => {
    if (saved === undefined) delete process.env.AUTH_STATUS_CONFIG_TIMEOUT_MS;
    else process.env.AUTH_STATUS_CONFIG_TIMEOUT_MS = saved;
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) assert.equal(await client.shutdown(), 0);
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  for (const [name, config] of [
    ['loops for ever', 'while (true) {}\n'],
    ['exports a promise that never settles', 'module.exports = new Promise(() => {});\n'],
    ['keeps a timer running and never settles', 'setInterval(() => {}, 1000);\nmodule.exports = new Promise(() => {});\n'],
  ] as const) {
    it(`a config that ${name}: other requests are answered meanwhile, then one log line and the embedded rules`, async () => {
      const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-ls-hang-')));
      roots.push(root);
      fs.writeFileSync(path.join(root, 'eslint.config.js'), config);
      const client = await LspTestClient.start({ trusted: true, rootPath: root });
      clients.push(client);
      const hanging = fileUri(path.join(root, 'a.js'));
      const openedAt = performance.now();
      await client.open(hanging, F401, 'javascript');

      // While the config is being loaded: another document (an untitled buffer, no config) and a hover are answered.
      const untitled = 'untitled:Untitled-1';
      await client.open(untitled, F401, 'javascript');
      const other = await client.waitForPush(untitled);
      assert.equal(other.diagnostics.length, 1);
      const hoverSentAt = performance.now();
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: untitled }, position: other.diagnostics[0]!.range.start });
      assert.ok(performance.now() - hoverSentAt < 1000, 'the hover waited for the config');
      assert.ok(performance.now() - openedAt < TIMEOUT_MS, 'answered before the config timed out');

      const { diagnostics } = await client.waitForPush(hanging);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Error, 'the embedded configuration');
      assert.ok(performance.now() - openedAt >= TIMEOUT_MS);
      const logs = client.logs.filter((log) => log.message.includes('eslint.config.js'));
      assert.equal(logs.length, 1, JSON.stringify(logs));
      assert.match(logs[0]!.message, /^Not using .*eslint\.config\.js for .*a\.js: it did not finish loading within 1\.5 s .*; using the editor settings and the embedded rules until it changes\.$/);

      // A second file under the same config is not held up again, nor logged again.
      const second = fileUri(path.join(root, 'b.js'));
      const secondAt = performance.now();
      await client.open(second, F401, 'javascript');
      await client.waitForPush(second);
      assert.ok(performance.now() - secondAt < TIMEOUT_MS);
      assert.equal(client.logs.filter((log) => log.message.includes('eslint.config.js')).length, 1);
    });
  }
});
