import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CJS_PROJECT, NAMED_ERRORS_PROJECT, writeProject, type Files } from '../support/index-projects';
import { INCREMENTAL_FROM } from '../../packages/language-server/src/features/checker';
import { fileUri, LspTestClient } from './lsp-client';

// Diagnostics carry the rule's name as their code, and `auth-status` as their source.
const PERMISSION_RULE = 'require-403-for-permission-denial';
const HELPER_SENDS_403 = CJS_PROJECT['lib/reply.js']!.replace(
  'res.status(401).json({ message });\n}\n\nfunction challenge',
  'res.status(403).json({ message });\n}\n\nfunction challenge',
);

/** Writes `files` and starts a server on them for the enclosing suite (stopped and removed after it); call the result inside hooks or tests. */
function serverOn(files: Files): () => { client: LspTestClient; root: string } {
  let started: { client: LspTestClient; root: string } | undefined;
  before(async () => {
    const root = writeProject(files);
    started = { client: await LspTestClient.start({ rootPath: root }), root };
  });
  after(async () => {
    assert.equal(await started!.client.shutdown(), 0);
    fs.rmSync(started!.root, { recursive: true, force: true });
  });
  return () => started!;
}

describe('language server: findings through imported modules, kept in step with their files', () => {
  const server = serverOn(CJS_PROJECT);
  let client: LspTestClient;
  let root: string;
  let helperUri: string;
  let dependantUri: string;
  const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => diagnostic.code);

  before(() => {
    ({ client, root } = server());
    helperUri = fileUri(path.join(root, 'lib/reply.js'));
    dependantUri = fileUri(path.join(root, 'routes/admin.js'));
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

  it('confirms an edit of a long dependant with the open buffer of its helper, not the file on disk', async function () {
    this.timeout(30_000);
    // Long enough that edits are answered incrementally and confirmed by a full lint in the worker thread.
    const padding = Array.from({ length: 700 }, (_, index) => `function pad${index}() { return ${index}; }`).join('\n');
    const longDependant = `${CJS_PROJECT['routes/admin.js']!}\n${padding}\n`;
    assert.ok(longDependant.length >= INCREMENTAL_FROM);
    fs.writeFileSync(path.join(root, 'lib/reply.js'), CJS_PROJECT['lib/reply.js']!);
    const longUri = fileUri(path.join(root, 'routes/long-admin.js'));
    await client.open(longUri, longDependant, 'javascript');
    assert.deepEqual(codes(await client.waitForPush(longUri)), [PERMISSION_RULE]);

    await client.open(helperUri, CJS_PROJECT['lib/reply.js']!, 'javascript');
    let since = client.pushed.length;
    await client.replace(helperUri, HELPER_SENDS_403);
    await client.waitForPush(longUri, (params) => params.diagnostics.length === 0, since);

    since = client.pushed.length;
    const document = client.document(longUri);
    const offset = longDependant.indexOf('return 350;') + 'return '.length;
    await client.change(longUri, [{ range: { start: document.positionAt(offset), end: document.positionAt(offset + 3) }, text: '351' }]);
    await client.waitForPush(longUri, (params) => params.diagnostics.length === 0, since);
    // The confirming full lint runs in the worker: with the helper as it is on disk, it would bring the finding back.
    await assert.rejects(
      client.waitForPush(longUri, (params) => params.diagnostics.length > 0, since, 5000),
      'the confirming lint read the helper from disk instead of its open buffer',
    );
    await client.close(helperUri);
    await client.close(longUri);
  });

  it('re-checks the dependant when the helper changes on disk', async () => {
    const since = client.pushed.length;
    fs.writeFileSync(path.join(root, 'lib/reply.js'), HELPER_SENDS_403);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: helperUri, type: FileChangeType.Changed }] });
    const cleared = await client.waitForPush(dependantUri, (params) => params.diagnostics.length === 0, since);
    assert.deepEqual(codes(cleared), []);
  });
});

describe('language server: a bare error class named for its status, kept in step with its file', () => {
  const server = serverOn(NAMED_ERRORS_PROJECT);
  let client: LspTestClient;
  let classUri: string;
  let handlerUri: string;
  const lines = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${String(diagnostic.code)}`);

  before(() => {
    const started = server();
    client = started.client;
    classUri = fileUri(path.join(started.root, 'src/errors/UnauthorizedError.ts'));
    handlerUri = fileUri(path.join(started.root, 'src/handlers/grants.ts'));
  });

  it('reports the grant check answered with the 401 class, and drops it once the class sets a status of its own', async () => {
    await client.open(handlerUri, NAMED_ERRORS_PROJECT['src/handlers/grants.ts']!, 'typescript');
    const { diagnostics } = await client.waitForPush(handlerUri);
    assert.deepEqual(lines({ uri: handlerUri, diagnostics }), [`5 ${PERMISSION_RULE}`, '11 require-401-for-credential-failure']);
    await client.open(classUri, NAMED_ERRORS_PROJECT['src/errors/UnauthorizedError.ts']!, 'typescript');
    const since = client.pushed.length;
    await client.replace(classUri, 'export class UnauthorizedError extends Error {\n  statusCode = 500;\n}\n');
    const changed = await client.waitForPush(handlerUri, (params) => params.diagnostics.length === 1, since);
    assert.deepEqual(lines(changed), ['11 require-401-for-credential-failure']);
  });
});
