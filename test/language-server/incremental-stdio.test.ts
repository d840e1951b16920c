import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { typescriptModule } from '../../packages/language-server/bench/corpus';
import { INCREMENTAL_FROM } from '../../packages/language-server/src/features/checker';
import { CONFIRM_AFTER_MS } from '../../packages/language-server/src/features/publisher';
import { LintEngine } from '../../packages/language-server/src/lint/engine';
import { parseTargetOf } from '../../packages/language-server/src/lint/languages';
import { rulesFromSettings } from '../../packages/language-server/src/lint/rules';
import { defaultSettings } from '../../packages/language-server/src/settings';
import { CHALLENGE_CODE, codeOf, summary } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-incremental');
const CROSS_STATEMENT_INJECTION = path.join(__dirname, 'cross-statement-injection.cjs');
const SLOW_FULL_LINT_INJECTION = path.join(__dirname, 'slow-full-lint.cjs');
let counter = 0;
const nextUri = () => fileUri(path.join(workspace, `long${++counter}.ts`));

/** About 600 lines of routes, services and auth middleware: long enough for incremental checks. */
const LONG = typescriptModule(600);
const MISSING_TOKEN_403 = "return res.status(403).json({ message: 'No token provided' })";
/** Offset of the `403` in the middle of LONG (inside one middleware function). */
const STATUS_AT = LONG.indexOf(MISSING_TOKEN_403, LONG.length / 2) + 'return res.status('.length;

/** Rule and range of every problem a full lint of the text finds, as `summary` prints diagnostics. */
function fullLintSummary(text: string): string[] {
  const outcome = new LintEngine().lint(text, parseTargetOf('typescript', '/workspace/long.ts')!, rulesFromSettings(defaultSettings()).rules);
  assert.equal(outcome.kind, 'problems');
  const document = TextDocument.create('file:///long.ts', 'typescript', 0, text);
  const diagnostics = (outcome.kind === 'problems' ? outcome.problems : []).map(
    (problem): Diagnostic => ({ code: codeOf(problem.ruleId), range: { start: document.positionAt(problem.start), end: document.positionAt(problem.end) }, message: '' }),
  );
  return summary(diagnostics);
}

function statusRange(client: LspTestClient, uri: string) {
  const document = client.document(uri);
  return { start: document.positionAt(STATUS_AT), end: document.positionAt(STATUS_AT + 3) };
}

/** How many full lints of `uri` the server has announced (`authStatus/status` "linting"). */
function fullLints(client: LspTestClient, uri: string): number {
  return client.notifications.filter(
    (entry) => entry.method === 'authStatus/status' && (entry.params as { state: string; uri?: string }).state === 'linting' && (entry.params as { uri?: string }).uri === uri,
  ).length;
}

const refreshes = (client: LspTestClient) => client.notifications.filter((entry) => entry.method === 'workspace/diagnostic/refresh').length;

describe('language server: incremental answers over stdio (pull)', () => {
  let client: LspTestClient;
  before(async () => {
    assert.ok(LONG.length >= INCREMENTAL_FROM, 'the document is long enough for incremental checks');
    client = await LspTestClient.start({ rootPath: workspace, pull: true });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('answers an edit inside one statement without a full lint, exactly, then confirms it when idle', async () => {
    const uri = nextUri();
    await client.open(uri, LONG);
    const first = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    assert.deepEqual(summary(first.items), fullLintSummary(LONG));
    const lintsBefore = fullLints(client, uri);
    await client.change(uri, [{ range: statusRange(client, uri), text: '401' }]);
    const answer = (await client.pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
    assert.equal(fullLints(client, uri), lintsBefore, 'no full lint before the first answer');
    assert.deepEqual(summary(answer.items), fullLintSummary(client.text(uri)));
    assert.notDeepEqual(summary(answer.items), summary(first.items));

    await client.waitForNotification('authStatus/status', (params) => (params as { state: string; uri?: string }).uri === uri && (params as { state: string }).state === 'idle', client.notifications.length);
    assert.equal(fullLints(client, uri), lintsBefore + 1, 'the confirming full lint ran once the edits paused');
    assert.equal(refreshes(client), 0, 'it agreed with the first answer: nothing to refresh');
    const again = await client.pull(uri, answer.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: answer.resultId });
  });

  it('ends a burst of 500 edits inside a statement on the diagnostics of the final text', async () => {
    const uri = nextUri();
    await client.open(uri, LONG);
    await client.pull(uri);
    const pulls: Promise<unknown>[] = [];
    // A comment line typed above the status, one character at a time (the line is commented out until the line
    // break), then the status toggled three times.
    const comment = `${`// ${'checking the token before anything else; '.repeat(13)}`.slice(0, 496)}\n`;
    const insertAt = LONG.lastIndexOf('\n', STATUS_AT) + 1;
    for (let index = 0; index < 500; index++) {
      const document = client.document(uri);
      if (index < 497) {
        const position = document.positionAt(insertAt + index);
        await client.change(uri, [{ range: { start: position, end: position }, text: comment[index]! }]);
      } else {
        const at = STATUS_AT + comment.length;
        const range = { start: document.positionAt(at), end: document.positionAt(at + 3) };
        await client.change(uri, [{ range, text: index === 498 ? '403' : '401' }]);
      }
      if (index % 50 === 0) pulls.push(client.pull(uri).catch((error: unknown) => error));
    }
    await Promise.all(pulls);
    const final = client.text(uri);
    assert.ok(final.includes(`${comment}${LONG.slice(insertAt, STATUS_AT)}401`));
    const report = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    assert.deepEqual(summary(report.items), fullLintSummary(final));
  });
});

describe('language server: a keystroke during the confirming full lint (pull)', () => {
  /** How long each confirming full lint holds its thread (see the injection). */
  const HOLD_MS = 3000;
  let client: LspTestClient;
  before(async () => {
    process.env.SLOW_FULL_LINT_MS = String(HOLD_MS);
    try {
      client = await LspTestClient.start({ rootPath: workspace, pull: true, nodeOptions: ['--require', SLOW_FULL_LINT_INJECTION] });
    } finally {
      delete process.env.SLOW_FULL_LINT_MS;
    }
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('is answered from the incremental check, exactly, without waiting for that lint', async function () {
    this.timeout(120_000);
    const uri = nextUri();
    await client.open(uri, LONG);
    await client.pull(uri);
    await client.change(uri, [{ range: statusRange(client, uri), text: '401' }]);
    await client.pull(uri);
    // The user pauses until the confirming full lint of that answer has begun (its notification may only leave
    // once the lint is done, so the pause is timed)…
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_AFTER_MS + 300));
    // …and types again while it runs.
    const typed = performance.now();
    await client.change(uri, [{ range: statusRange(client, uri), text: '403' }]);
    const answer = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    const waited = performance.now() - typed;
    assert.ok(waited < HOLD_MS / 2, `the keystroke was answered ${Math.round(waited)} ms later, behind the ${HOLD_MS} ms lint`);
    assert.deepEqual(summary(answer.items), fullLintSummary(client.text(uri)));
  });
});

describe('language server: incremental answers over stdio (push)', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ rootPath: workspace });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('ends a burst of 500 edits on one publication of the final version with the diagnostics of a full lint', async () => {
    const uri = nextUri();
    await client.open(uri, LONG);
    await client.waitForPush(uri);
    const since = client.pushed.length;
    let version = 1;
    for (let index = 0; index < 500; index++) {
      const text = index % 2 === 0 ? '401' : '403';
      version = await client.change(uri, [{ range: statusRange(client, uri), text }]);
    }
    const final = await client.waitForPush(uri, (params) => params.version === version, since);
    assert.deepEqual(summary(final.diagnostics), fullLintSummary(client.text(uri)));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const burst = client.pushed.slice(since).filter((params) => params.uri === uri);
    assert.ok(burst.length <= 5, `debounced: ${burst.length} publications`);
    assert.equal(burst.at(-1), final, 'the confirming full lint agreed: no second publication');
  });
});

describe('language server: a first answer corrected by the confirming full lint', () => {
  /** A statement nothing refers to, which the injected rule behaviour depends on (see the injection). */
  const SILENCED = `${LONG}\nexport const SILENCE_CHALLENGES = true;\n`;
  const challengeProblems = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === CHALLENGE_CODE);

  it('pull: asks the client to pull again, and the next pull has the full lint', async () => {
    const client = await LspTestClient.start({ rootPath: workspace, pull: true, nodeOptions: ['--require', CROSS_STATEMENT_INJECTION] });
    try {
      const uri = nextUri();
      await client.open(uri, SILENCED);
      const first = (await client.pull(uri)) as FullDocumentDiagnosticReport;
      assert.deepEqual(challengeProblems(first.items), []);
      await client.change(uri, [{ range: statusRange(client, uri), text: '401' }]);
      const answer = (await client.pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
      assert.equal(challengeProblems(answer.items).length, 1, 'the first answer cannot see the statement that silences the rule');
      await client.waitForNotification('workspace/diagnostic/refresh');
      const corrected = (await client.pull(uri, answer.resultId)) as FullDocumentDiagnosticReport;
      assert.equal(corrected.kind, 'full');
      assert.deepEqual(challengeProblems(corrected.items), []);
      assert.equal(corrected.items.length, answer.items.length - 1);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('push: publishes the same version again with the full lint', async () => {
    const client = await LspTestClient.start({ rootPath: workspace, nodeOptions: ['--require', CROSS_STATEMENT_INJECTION] });
    try {
      const uri = nextUri();
      await client.open(uri, SILENCED);
      await client.waitForPush(uri);
      const since = client.pushed.length;
      const version = await client.change(uri, [{ range: statusRange(client, uri), text: '401' }]);
      const answer = await client.waitForPush(uri, (params) => params.version === version, since);
      assert.equal(challengeProblems(answer.diagnostics).length, 1);
      const corrected = await client.waitForPush(uri, (params) => params.version === version && params !== answer, since);
      assert.deepEqual(challengeProblems(corrected.diagnostics), []);
      assert.equal(corrected.diagnostics.length, answer.diagnostics.length - 1);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
