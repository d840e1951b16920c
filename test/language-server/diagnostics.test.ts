import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, DocumentDiagnosticReportKind, LSPErrorCodes, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { CHALLENGE_CODE, CREDENTIAL_CODE, CREDENTIAL_RULE, expectedSummary, EXPRESS_FINDINGS, EXPRESS_SOURCE, EXPRESS_SOURCE_FIXED, messageOf, rangeOf, summary } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-diagnostics');
let counter = 0;
const nextUri = (extension = '.ts') => fileUri(path.join(workspace, `file${++counter}${extension}`));

describe('language server: push diagnostics over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ rootPath: workspace });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('advertises its features and no pull provider to a client without pull support', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.equal(client.initializeResult.serverInfo?.name, 'auth-status-language-server');
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['authStatus.showDocumentation']);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.authStatus']);
    assert.equal(capabilities.diagnosticProvider, undefined);
  });

  it('pushes one diagnostic per finding on open, with rule, docs, severity, status range and evidence', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    const { diagnostics, version } = await client.waitForPush(uri);
    assert.equal(version, 1);
    assert.deepEqual(summary(diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
    const credential = diagnostics.find((diagnostic) => diagnostic.code === CREDENTIAL_CODE)!;
    assert.equal(credential.source, 'auth-status');
    assert.equal(credential.severity, DiagnosticSeverity.Error);
    assert.match(credential.codeDescription!.href, /\/docs\/rules\/require-401-for-credential-failure\.md$/);
    assert.match(messageOf(credential), /403 answers a missing credential/);
    const related = credential.relatedInformation!.map((info) => [info.location.uri, info.location.range, info.message]);
    assert.deepEqual(related, [
      [uri, rangeOf(EXPRESS_SOURCE, '!token'), 'missing-credential check: !token'],
      [uri, rangeOf(EXPRESS_SOURCE, 'req.headers.authorization'), 'Authorization header read here: req.headers.authorization'],
      [uri, rangeOf(EXPRESS_SOURCE, "'No token provided'"), "response message: 'No token provided'"],
    ]);
    const challenge = diagnostics.find((diagnostic) => diagnostic.code === CHALLENGE_CODE)!;
    assert.match(challenge.codeDescription!.href, /require-www-authenticate\.md$/);
  });

  it('reads naturally in a Problems row: source auth-status, the bare rule name as code, plain text without backticks', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    const { diagnostics } = await client.waitForPush(uri);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.source, diagnostic.code]).sort(), [
      ['auth-status', 'require-401-for-credential-failure'],
      ['auth-status', 'require-www-authenticate'],
    ]);
    for (const diagnostic of diagnostics) {
      assert.doesNotMatch(messageOf(diagnostic), /`/);
      for (const info of diagnostic.relatedInformation ?? []) assert.doesNotMatch(info.message, /`/);
    }
    assert.match(messageOf(diagnostics.find((diagnostic) => diagnostic.code === CREDENTIAL_CODE)!), /\(!token, 'No token provided'\)/);
  });

  it("points related information at the failing check and the credential's source, never at the enclosing function's name", async () => {
    const source = `import type { Context, Next } from 'koa';
import jwt from 'jsonwebtoken';

export async function requireAuth(ctx: Context, next: Next) {
  const header = ctx.get('Authorization');
  if (!header.startsWith('Bearer ')) {
    ctx.status = 401;
    return;
  }
  try {
    ctx.state.user = jwt.verify(header.slice(7), 'secret');
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) {
      ctx.status = 403;
      ctx.body = { error: 'token expired' };
      return;
    }
    throw err;
  }
  await next();
}

export function authenticate(ctx: Context) {
  if (!ctx.state.user) ctx.status = 403;
}
`;
    const uri = nextUri();
    await client.open(uri, source);
    const { diagnostics } = await client.waitForPush(uri);
    const rows = (needle: string, occurrence = 0) =>
      diagnostics
        .find((diagnostic) => diagnostic.range.start.line === rangeOf(source, needle, occurrence).start.line)!
        .relatedInformation!.map((info) => [info.location.range, info.message]);
    assert.deepEqual(rows('401'), [
      [rangeOf(source, "!header.startsWith('Bearer ')"), "invalid-credential check: !header.startsWith('Bearer ')"],
      [rangeOf(source, "ctx.get('Authorization')"), "Authorization header read here: ctx.get('Authorization')"],
    ]);
    // The check found nothing read from the request: no source row, and still no row for the function name.
    assert.deepEqual(rows('403'), [
      [rangeOf(source, 'err instanceof jwt.TokenExpiredError'), 'expired-credential check: err instanceof jwt.TokenExpiredError'],
      [rangeOf(source, "'token expired'"), "response message: 'token expired'"],
    ]);
    // Only its name says `authenticate` is about credentials: the row is the check, the name is not a row.
    assert.deepEqual(rows('!ctx.state.user'), [[rangeOf(source, '!ctx.state.user'), 'missing-credential check: !ctx.state.user']]);
    const names = [rangeOf(source, 'requireAuth'), rangeOf(source, 'authenticate')];
    for (const diagnostic of diagnostics) {
      for (const info of diagnostic.relatedInformation ?? []) assert.ok(!names.some((name) => JSON.stringify(name) === JSON.stringify(info.location.range)), info.message);
    }
  });

  it('re-checks after an edit and publishes for the edited version only', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    await client.waitForPush(uri);
    const since = client.pushed.length;
    const version = await client.replace(uri, EXPRESS_SOURCE_FIXED);
    const pushed = await client.waitForPush(uri, () => true, since);
    assert.equal(pushed.version, version);
    assert.deepEqual(pushed.diagnostics, []);
  });

  it('checks JavaScript, JSX, .mjs, .cjs and TSX documents with the right parser', async () => {
    const jsx = EXPRESS_SOURCE.replace("res.json({ ok: true });\n});\n\napp.get('/account'", "res.json({ page: <p>ok</p> });\n});\n\napp.get('/account'");
    const cases: [string, string, string][] = [
      ['.js', 'javascript', EXPRESS_SOURCE],
      ['.jsx', 'javascriptreact', jsx],
      ['.mjs', 'javascript', EXPRESS_SOURCE],
      ['.cjs', 'javascript', EXPRESS_SOURCE.replace("import express from 'express';", "const express = require('express');")],
      ['.tsx', 'typescriptreact', jsx.replace('(req, res)', '(req: any, res: any)')],
      ['.mts', 'typescript', EXPRESS_SOURCE.replace('(req, res)', '(req: Request, res: any)')],
    ];
    for (const [extension, languageId, text] of cases) {
      const uri = nextUri(extension);
      await client.open(uri, text, languageId);
      const { diagnostics } = await client.waitForPush(uri);
      assert.deepEqual(summary(diagnostics), expectedSummary(text, EXPRESS_FINDINGS), `${extension} ${languageId}`);
    }
  });

  it('ignores documents in other languages', async () => {
    const uri = nextUri('.py');
    await client.open(uri, 'status = 403  # no token', 'python');
    const { diagnostics } = await client.waitForPush(uri);
    assert.deepEqual(diagnostics, []);
  });

  it('leaves no stale problem when a document stops parsing, and recovers when it parses again', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    await client.waitForPush(uri, (params) => params.diagnostics.length === 2);
    let since = client.pushed.length;
    const broken = EXPRESS_SOURCE.replace("app.get('/account', (req, res) => {", "app.get('/account', (req, res) => {{{ ( ;");
    const brokenVersion = await client.replace(uri, broken);
    const cleared = await client.waitForPush(uri, () => true, since);
    assert.equal(cleared.version, brokenVersion);
    assert.deepEqual(cleared.diagnostics, []);
    const status = await client.waitForNotification('authStatus/status', (params) => (params as { message?: string }).message?.startsWith('Not checked: syntax error') === true);
    assert.equal((status as { uri: string }).uri, uri);
    since = client.pushed.length;
    await client.replace(uri, EXPRESS_SOURCE);
    const recovered = await client.waitForPush(uri, () => true, since);
    assert.deepEqual(summary(recovered.diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
  });

  it('ends an edit burst of 500 changes with the diagnostics of the final version, debounced', async () => {
    const uri = nextUri();
    const start = "import express from 'express';\nconst app = express();\n";
    await client.open(uri, start);
    await client.waitForPush(uri);
    const since = client.pushed.length;
    const handler = "\napp.get('/me', (req, res) => {\n  if (!req.headers.authorization) return res.status(403).end();\n});\n";
    const typed = `// ${'typing a comment first, then a handler; '.repeat(20)}`.slice(0, 500 - handler.length) + handler;
    let text = start;
    let version = 1;
    for (const character of typed) {
      const position = client.document(uri).positionAt(text.length);
      version = await client.change(uri, [{ range: { start: position, end: position }, text: character }]);
      text += character;
    }
    assert.equal(version, 501);
    const final = await client.waitForPush(uri, (params) => params.version === version, since);
    const finalText = start + typed;
    assert.equal(client.text(uri), finalText);
    assert.deepEqual(summary(final.diagnostics), expectedSummary(finalText, [[CREDENTIAL_RULE, '403']]));
    const burst = client.pushed.slice(since).filter((params) => params.uri === uri);
    assert.ok(burst.length <= 5, `debounced: ${burst.length} publications for 500 changes`);
    const versions = burst.map((params) => params.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'never an older version after a newer one');
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    await client.waitForPush(uri, (params) => params.diagnostics.length > 0);
    const since = client.pushed.length;
    await client.close(uri);
    const cleared = await client.waitForPush(uri, () => true, since);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('language server: pull diagnostics over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ rootPath: workspace, pull: true });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('registers a diagnostic provider and never pushes', async () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'auth-status',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    await client.pull(uri);
    assert.equal(client.pushed.filter((params) => params.uri === uri).length, 0);
  });

  it('answers a pull with the findings of the current version, then "unchanged" for the same result id', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    const report = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(summary(report.items), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
    const again = await client.pull(uri, report.resultId);
    assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId });
    await client.replace(uri, EXPRESS_SOURCE_FIXED);
    const after = (await client.pull(uri, report.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(after.kind, DocumentDiagnosticReportKind.Full);
    assert.notEqual(after.resultId, report.resultId);
    assert.deepEqual(after.items, []);
  });

  it('never answers "unchanged" for a document closed and reopened with other text at the same version', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    const first = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    await client.close(uri);
    await client.open(uri, EXPRESS_SOURCE_FIXED);
    const reopened = (await client.pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(reopened.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(reopened.items, []);
  });

  it('answers an unknown document with an empty report', async () => {
    const report = await client.pull(fileUri(path.join(workspace, 'never-opened.ts')));
    assert.deepEqual(report, { kind: DocumentDiagnosticReportKind.Full, items: [] });
  });

  it('reports the final version after an edit burst of 500 changes, cancelling superseded pulls', async () => {
    const uri = nextUri();
    await client.open(uri, EXPRESS_SOURCE);
    const pulls: Promise<unknown>[] = [];
    for (let index = 0; index < 500; index++) {
      const position = client.document(uri).positionAt(0);
      await client.change(uri, [{ range: { start: position, end: position }, text: '\n' }]);
      if (index % 50 === 0) pulls.push(client.pull(uri).catch((error: unknown) => error));
    }
    const final = '\n'.repeat(500) + EXPRESS_SOURCE;
    assert.equal(client.text(uri), final);
    const report = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    assert.deepEqual(summary(report.items), expectedSummary(final, EXPRESS_FINDINGS));
    for (const outcome of await Promise.all(pulls)) {
      if (outcome instanceof Error) {
        assert.equal((outcome as { code?: number }).code, LSPErrorCodes.ServerCancelled);
        assert.deepEqual((outcome as { data?: unknown }).data, { retriggerRequest: true });
      } else {
        assert.equal((outcome as FullDocumentDiagnosticReport).kind, DocumentDiagnosticReportKind.Full);
      }
    }
  });
});
