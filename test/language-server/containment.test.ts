import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, HoverRequest, type CodeAction, type Hover, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { typescriptModule } from '../../packages/language-server/bench/corpus';
import { OFF_THREAD_FROM } from '../../packages/language-server/src/features/checker';
import { LintEngine } from '../../packages/language-server/src/lint/engine';
import { parseTargetOf } from '../../packages/language-server/src/lint/languages';
import { rulesFromSettings } from '../../packages/language-server/src/lint/rules';
import { defaultSettings } from '../../packages/language-server/src/settings';
import { CHALLENGE_CODE, CHALLENGE_RULE, codeOf, expectedSummary, EXPRESS_FINDINGS, EXPRESS_SOURCE, summary } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-containment');
const BROKEN_FIX_INJECTION = path.join(__dirname, 'broken-fix-injection.cjs');
const F401 = 'app.get("/me", (req, res) => {\n  if (!req.headers.authorization) return res.status(401).json({ error: "missing token" });\n});\n';

/** The audit's F8 file: a finding, then 2,000 nested `if` blocks (ESLint aborts the process on Node 20). */
function nestedIfs(depth: number): string {
  const wrap = (text: string) => text.replace(/(.{100})/g, '$1\n');
  return `app.get("/x",(req,res)=>{ if(!req.headers.authorization) return res.status(403).send("No token provided"); });\n${wrap(
    `${'if(a){'.repeat(depth)}res.status(403).send("no token");${'}'.repeat(depth)}`,
  )}\n`;
}

/** Exactly 1,000 KB (UTF-8) of TypeScript routes with about 1,200 findings. */
function thousandKilobytes(): string {
  const code = typescriptModule(30_000);
  const size = 1000 * 1024;
  const filler = size - Buffer.byteLength(code) - '\n//\n'.length;
  assert.ok(filler >= 0);
  return `${code}\n//${' '.repeat(filler)}\n`;
}

describe('language server: containment over stdio (audit F8, F23)', () => {
  let client: LspTestClient;
  let counter = 0;
  const nextUri = (extension = 'js') => fileUri(path.join(workspace, `contained${++counter}.${extension}`));
  before(async () => {
    client = await LspTestClient.start({ rootPath: workspace, nodeOptions: ['--require', BROKEN_FIX_INJECTION] });
  });
  after(async () => {
    if (client) assert.equal(await client.shutdown(), 0);
  });

  it('skips a document nested 2,000 deep with one log line, and keeps serving', async () => {
    const deep = nextUri();
    await client.open(deep, nestedIfs(2000), 'javascript');
    const { diagnostics } = await client.waitForPush(deep);
    assert.deepEqual(diagnostics, []);
    const log = await client.waitForLog(/Skipping .*contained\d+\.js: its code nests more than 1000 levels deep/);
    assert.doesNotMatch(log.message, /\n/);

    // Still alive, and an edit that keeps it deep is not logged again.
    const since = client.pushed.length;
    await client.change(deep, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' }]);
    await client.waitForPush(deep, () => true, since);
    assert.equal(client.logs.filter((entry) => entry.message.includes(deep.slice(-16)) && /nests more than/.test(entry.message)).length, 1);

    const healthy = nextUri('ts');
    await client.open(healthy, EXPRESS_SOURCE);
    const report = await client.waitForPush(healthy);
    assert.deepEqual(summary(report.diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
  });

  it('checks a document nested 900 deep as usual', async () => {
    const uri = nextUri();
    await client.open(uri, nestedIfs(900), 'javascript');
    const { diagnostics } = await client.waitForPush(uri);
    assert.ok(diagnostics.length >= 1, JSON.stringify(diagnostics));
  });

  it('never offers a quick fix whose result does not parse, and fix-all leaves such a file alone', async () => {
    const uri = nextUri();
    const text = `${F401}// BREAK_THE_FIX\n`;
    await client.open(uri, text, 'javascript');
    const { diagnostics } = await client.waitForPush(uri);
    const diagnostic = diagnostics.find((candidate) => candidate.code === CHALLENGE_CODE)!;
    assert.ok(diagnostic);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => action.title),
      [`Disable ${CHALLENGE_RULE} for this line`, `Show documentation for ${CHALLENGE_RULE}`],
    );
    const fixAll = (await client.connection.sendRequest('authStatus/fixAll', { uri })) as WorkspaceEdit;
    const edits = (fixAll.documentChanges ?? []).flatMap((change) => ('edits' in change ? change.edits : []));
    assert.deepEqual(edits, []);

    // The same file without the marker gets its fix (the injection is what breaks it).
    const plain = nextUri();
    await client.open(plain, F401, 'javascript');
    const checked = await client.waitForPush(plain);
    const plainActions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: plain },
      range: checked.diagnostics[0]!.range,
      context: { diagnostics: checked.diagnostics },
    })) as CodeAction[];
    assert.equal(plainActions[0]!.title, 'Add WWW-Authenticate: Bearer realm="api"');
  });

  it('answers a hover sent 100 ms after opening a 1,000 KB document within 200 ms, and lints it off the request path', async function () {
    this.timeout(180_000);
    const text = thousandKilobytes();
    assert.ok(text.length >= OFF_THREAD_FROM);
    // A fresh server: nothing loaded yet but what start-up loads.
    const fresh = await LspTestClient.start({ rootPath: workspace });
    try {
      const uri = nextUri('ts');
      const document = TextDocument.create(uri, 'typescript', 1, text);
      const missingToken = "return res.status(403).json({ message: 'No token provided' })";
      assert.ok(text.includes(missingToken));
      const position = document.positionAt(text.indexOf(missingToken) + 'return res.status('.length);
      const hover = async (target: string, at: { line: number; character: number }) => {
        const sentAt = performance.now();
        const answer = (await fresh.connection.sendRequest(HoverRequest.type, { textDocument: { uri: target }, position: at })) as Hover | null;
        return { answer, ms: performance.now() - sentAt };
      };

      const openedAt = performance.now();
      await fresh.open(uri, text);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const early = await hover(uri, position);
      assert.ok(early.ms < 200, `hover on the large document answered after ${Math.round(early.ms)} ms`);

      // Another document opened meanwhile is checked and hovered while the large one is still being linted.
      const small = nextUri('ts');
      await fresh.open(small, EXPRESS_SOURCE);
      const smallChecked = await fresh.waitForPush(small);
      const smallHover = await hover(small, smallChecked.diagnostics[0]!.range.start);
      assert.ok(smallHover.answer, 'the small document has its hover');
      assert.ok(smallHover.ms < 200, `hover on the small document answered after ${Math.round(smallHover.ms)} ms`);
      const smallDoneAt = performance.now() - openedAt;

      const { diagnostics } = await fresh.waitForPush(uri, () => true, 0, 150_000);
      const lintedAfter = performance.now() - openedAt;
      assert.ok(smallDoneAt < lintedAfter, 'the small document was not queued behind the large one');
      // The worker's result is the engine's, as a lint in this process gives it.
      const inProcessAt = performance.now();
      const outcome = new LintEngine().lint(text, parseTargetOf('typescript', '/workspace/large.ts')!, rulesFromSettings(defaultSettings()).rules);
      const inProcessMs = performance.now() - inProcessAt;
      assert.equal(outcome.kind, 'problems');
      const expected = (outcome.kind === 'problems' ? outcome.problems : []).map((problem) => ({
        code: codeOf(problem.ruleId),
        range: { start: document.positionAt(problem.start), end: document.positionAt(problem.end) },
        message: '',
      }));
      assert.ok(expected.length > 100);
      assert.deepEqual(summary(diagnostics), summary(expected));
      // Once linted, a hover on a finding has its explanation.
      assert.ok((await hover(uri, position)).answer, 'a hover once the lint is done');
      console.log(
        `      1,000 KB document: hover after 100 ms answered in ${Math.round(early.ms)} ms; a small document opened meanwhile checked ${Math.round(smallDoneAt)} ms after the large open, hovered in ${Math.round(smallHover.ms)} ms; large document linted in ${Math.round(lintedAfter)} ms (in this process: ${Math.round(inProcessMs)} ms)`,
      );
    } finally {
      assert.equal(await fresh.shutdown(), 0);
    }
  });

  it('a lint worker that runs out of memory fails that lint only: one log line, and the server keeps serving', async function () {
    this.timeout(120_000);
    const saved = process.env.AUTH_STATUS_LINT_WORKER_HEAP_MB;
    process.env.AUTH_STATUS_LINT_WORKER_HEAP_MB = '16';
    let starved: LspTestClient | undefined;
    try {
      starved = await LspTestClient.start({ rootPath: workspace });
    } finally {
      if (saved === undefined) delete process.env.AUTH_STATUS_LINT_WORKER_HEAP_MB;
      else process.env.AUTH_STATUS_LINT_WORKER_HEAP_MB = saved;
    }
    try {
      const large = nextUri('ts');
      const text = typescriptModule(8000);
      assert.ok(text.length >= OFF_THREAD_FROM);
      await starved.open(large, text);
      const { diagnostics } = await starved.waitForPush(large, () => true, 0, 60_000);
      assert.deepEqual(diagnostics, []);
      const log = await starved.waitForLog(/^Linting .*contained\d+\.ts \(version 1\) failed; showing no problems for it: the lint worker stopped: /);
      assert.doesNotMatch(log.message, /\n/);

      const small = nextUri('ts');
      await starved.open(small, EXPRESS_SOURCE);
      const report = await starved.waitForPush(small);
      assert.deepEqual(summary(report.diagnostics), expectedSummary(EXPRESS_SOURCE, EXPRESS_FINDINGS));
    } finally {
      assert.equal(await starved.shutdown(), 0);
    }
  });
});
