import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { typescriptModule } from '../../packages/language-server/bench/corpus';
import { INCREMENTAL_FROM } from '../../packages/language-server/src/features/checker';
import { messageOf, summary } from './fixtures';
import { fileUri, LspTestClient } from './lsp-client';
import { seededRandom } from '../support/seeded-random';

const workspace = path.join(os.tmpdir(), 'auth-status-ls-random');
const SEEDS = [1, 2, 3, 4, 5];
const EDITS = 100;
/** Long enough that the incremental check answers first and a full lint confirms it. */
const START = typescriptModule(500);
/** Lines a developer might type, each with or without a finding. */
const SNIPPETS = [
  "  if (!req.headers.authorization) return res.status(403).json({ message: 'No token provided' });\n",
  "  if (!token) return res.status(401).json({ message: 'Unauthenticated' });\n",
  "  if (req.user.role !== 'admin') return res.status(403).json({ message: 'Admins only' });\n",
  '  res.json({ ok: true });\n',
  '  const token = req.headers.authorization;\n',
  '  if (error.response?.status === 403) await refreshToken();\n',
];

/** Lines after which a statement may follow: complete one-line statements inside function bodies. */
const STATEMENT_LINE = /^\s+(return |const |next\(\);|res\.)[^{}]*;$/;

interface RandomEdit {
  change: TextDocumentContentChangeEvent;
  /** For a keystroke: the change that undoes it, sent next (the text in between usually does not parse). */
  repair?: TextDocumentContentChangeEvent;
}

/**
 * One random edit as an incremental change: a status toggled, a statement typed in or deleted, a keystroke
 * (undone by the next change). The final text parses, so the comparison at the end is not between two empty lists.
 */
function randomEdit(text: string, next: () => number): RandomEdit {
  const lines = text.split('\n');
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const at = (line: number, character: number) => ({ line, character });
  const linesWhere = (accept: (content: string) => boolean) => lines.flatMap((content, index) => (accept(content) ? [index] : []));
  const roll = next();
  if (roll < 0.35) {
    const candidates = lines.flatMap((content, index) => [...content.matchAll(/\b40[13]\b/g)].map((match) => [index, match.index!, match[0]] as const));
    const [index, character, status] = pick(candidates);
    return { change: { range: { start: at(index, character), end: at(index, character + 3) }, text: status === '401' ? '403' : '401' } };
  }
  if (roll < 0.55) {
    const after = pick(linesWhere((content) => STATEMENT_LINE.test(content)));
    return { change: { range: { start: at(after + 1, 0), end: at(after + 1, 0) }, text: pick(SNIPPETS) } };
  }
  const typedIn = linesWhere((content) => SNIPPETS.includes(`${content}\n`));
  if (roll < 0.7 && typedIn.length > 0) {
    const line = pick(typedIn);
    return { change: { range: { start: at(line, 0), end: at(line + 1, 0) }, text: '' } };
  }
  const line = Math.floor(next() * lines.length);
  const content = lines[line]!;
  const character = Math.floor(next() * (content.length + 1));
  if (next() < 0.4 && character < content.length) {
    const range = { start: at(line, character), end: at(line, character + 1) };
    return { change: { range, text: '' }, repair: { range: { start: range.start, end: range.start }, text: content[character]! } };
  }
  const typed = pick(['(', ')', '{', '}', ';', 'x', ' ', "'", '4', '`']);
  return {
    change: { range: { start: at(line, character), end: at(line, character) }, text: typed },
    repair: { range: { start: at(line, character), end: at(line, character + 1) }, text: '' },
  };
}

/** Rule, range and message of each diagnostic, sorted. */
const comparable = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((diagnostic) => `${summary([diagnostic])[0]} ${messageOf(diagnostic)}`).sort();

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('language server: random edit sequences over stdio (property)', function () {
  this.timeout(600_000);
  let client: LspTestClient;
  let fresh: LspTestClient;
  before(async () => {
    assert.ok(START.length >= INCREMENTAL_FROM);
    [client, fresh] = await Promise.all([LspTestClient.start({ rootPath: workspace }), LspTestClient.start({ rootPath: workspace })]);
  });
  after(async () => {
    for (const each of [client, fresh]) if (each) assert.equal(await each.shutdown(), 0);
  });

  /** The last diagnostics pushed for the uri once nothing more comes for `quietMs`. */
  async function settled(target: LspTestClient, uri: string, version: number, quietMs = 1500): Promise<Diagnostic[]> {
    await target.waitForPush(uri, (params) => params.version === version, 0, 120_000);
    for (;;) {
      const count = target.pushed.length;
      await delay(quietMs);
      if (target.pushed.length === count) break;
    }
    const last = target.pushed.filter((params) => params.uri === uri).at(-1)!;
    assert.equal(last.version, version);
    return last.diagnostics;
  }

  for (const seed of SEEDS) {
    it(`seed ${seed}: after ${EDITS} random edits (and the odd close and reopen), the last diagnostics equal a fresh server's`, async () => {
      const next = seededRandom(seed);
      const uri = fileUri(path.join(workspace, `random-${seed}.ts`));
      await client.open(uri, START);
      let reopened = 0;
      for (let edit = 0; edit < EDITS; edit++) {
        if (next() < 0.03) {
          // Editors reopen a document at version 1 (a language mode change, say), with whatever text it has.
          const text = client.text(uri);
          await client.close(uri);
          await client.open(uri, text);
          reopened++;
        }
        const { change, repair } = randomEdit(client.text(uri), next);
        for (const each of repair ? [change, repair] : [change]) {
          await client.change(uri, [each]);
          // Bursts of typing, pauses long enough for a debounced check, and everything between.
          const pause = next();
          if (pause < 0.6) continue;
          await delay(pause < 0.9 ? 5 + next() * 60 : 200 + next() * 300);
        }
      }
      const finalText = client.text(uri);
      const last = await settled(client, uri, client.document(uri).version);

      const reference = fileUri(path.join(workspace, `reference-${seed}.ts`));
      await fresh.open(reference, finalText);
      const expected = await settled(fresh, reference, 1);
      assert.ok(expected.length >= 10, `the final text has ${expected.length} findings: it should parse and keep most of them`);
      assert.deepEqual(comparable(last), comparable(expected), `seed ${seed} (${reopened} reopened): the last diagnostics differ from a fresh lint`);
      const publishes = client.pushed.filter((params) => params.uri === uri).length;
      console.log(`      seed ${seed}: ${EDITS} edits, ${reopened} reopened, ${publishes} publishes, ${expected.length} findings at the end`);
      await client.close(uri);
      await fresh.close(reference);
    });
  }
});
