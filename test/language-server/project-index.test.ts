import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CJS_PROJECT, writeProject } from '../support/index-projects';
import { fileUri, LspTestClient } from './lsp-client';

// Diagnostics carry the rule's name as their code, and `auth-status` as their source.
const PERMISSION_RULE = 'require-403-for-permission-denial';
const HELPER_SENDS_403 = CJS_PROJECT['lib/reply.js']!.replace(
  'res.status(401).json({ message });\n}\n\nfunction challenge',
  'res.status(403).json({ message });\n}\n\nfunction challenge',
);

describe('language server: findings through imported modules, kept in step with their files', () => {
  let client: LspTestClient;
  let root: string;
  let helperUri: string;
  let dependantUri: string;
  const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => diagnostic.code);

  before(async () => {
    root = writeProject(CJS_PROJECT);
    helperUri = fileUri(path.join(root, 'lib/reply.js'));
    dependantUri = fileUri(path.join(root, 'routes/admin.js'));
    client = await LspTestClient.start({ rootPath: root });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports the helper call in the importing document, with the definition as related information', async () => {
    await client.open(dependantUri, CJS_PROJECT['routes/admin.js']!, 'javascript');
    const { diagnostics } = await client.waitForPush(dependantUri);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), [[PERMISSION_RULE, 3]]);
    const definition = diagnostics[0]!.relatedInformation!.find((info) => info.location.uri === helperUri);
    assert.ok(definition, 'related information points at the helper module');
    assert.equal(definition.location.range.start.line, 0);
  });

  it('re-checks the dependant when the helper changes in an open buffer, and again when the buffer closes', async () => {
    await client.open(helperUri, CJS_PROJECT['lib/reply.js']!, 'javascript');
    let since = client.pushed.length;
    await client.replace(helperUri, HELPER_SENDS_403);
    const cleared = await client.waitForPush(dependantUri, (params) => params.diagnostics.length === 0, since);
    assert.deepEqual(codes(cleared), []);
    since = client.pushed.length;
    await client.close(helperUri);
    const back = await client.waitForPush(dependantUri, (params) => params.diagnostics.length > 0, since);
    assert.deepEqual(codes(back), [PERMISSION_RULE]);
  });

  it('re-checks the dependant when the helper changes on disk', async () => {
    const since = client.pushed.length;
    fs.writeFileSync(path.join(root, 'lib/reply.js'), HELPER_SENDS_403);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: helperUri, type: FileChangeType.Changed }] });
    const cleared = await client.waitForPush(dependantUri, (params) => params.diagnostics.length === 0, since);
    assert.deepEqual(codes(cleared), []);
  });
});
