import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { typescriptModule } from '../../packages/language-server/bench/corpus';
import { LintEngine } from '../../packages/language-server/src/lint/engine';
import { minimalChange } from '../../packages/language-server/src/lint/fix-all';
import { changeWithin, checkIncrementally } from '../../packages/language-server/src/lint/incremental';
import { parseTargetOf } from '../../packages/language-server/src/lint/languages';
import type { Outline } from '../../packages/language-server/src/lint/outline';
import { rulesFromSettings } from '../../packages/language-server/src/lint/rules';
import { defaultSettings } from '../../packages/language-server/src/settings';
import { EditJournal } from '../../packages/language-server/src/workspace/edit-journal';
import { seededRandom } from '../support/seeded-random';

const URI = 'file:///workspace/journal.ts';
const TYPED = ['x', ' ', '\n', '\r\n', '401', '', '});\n', "'", 'const a = 1;\n'];

/** A random content change of the document: a range (possibly empty, possibly reversed) replaced by a short text. */
function randomChange(document: TextDocument, next: () => number): TextDocumentContentChangeEvent {
  const text = document.getText();
  const position = () => document.positionAt(Math.floor(next() * (text.length + 1)));
  if (next() < 0.02) return { text: `${text.slice(0, text.length >> 1)}// rewritten\n` };
  const start = position();
  const end = next() < 0.5 ? start : position();
  return { range: next() < 0.8 ? { start, end } : { start: end, end: start }, text: TYPED[Math.floor(next() * TYPED.length)]! };
}

/** Changes as one `didChange` carries them: each one's range is in the text the previous one left. */
function changesOfOneNotification(document: TextDocument, count: number, next: () => number): TextDocumentContentChangeEvent[] {
  const scratch = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
  return Array.from({ length: count }, () => {
    const change = randomChange(scratch, next);
    TextDocument.update(scratch, [change], scratch.version + 1);
    return change;
  });
}

describe('language server: the edit journal', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: outside the span it gives, two versions are the same text, and the smallest change found within it is the whole texts' one`, () => {
      const next = seededRandom(seed);
      const journal = new EditJournal();
      const document = journal.create(URI, 'typescript', 1, typescriptModule(60));
      const texts = new Map([[1, document.getText()]]);
      for (let version = 2; version <= 300; version++) {
        const changes = changesOfOneNotification(document, 1 + Math.floor(next() * 3), next);
        // Several changes in one notification apply one after the other, each to the text the previous one left.
        journal.update(document, changes, version);
        const now = document.getText();
        texts.set(version, now);
        const from = Math.max(1, version - Math.floor(next() * 40));
        const before = texts.get(from)!;
        const span = journal.changedBetween(URI, from, version);
        assert.ok(span, `seed ${seed}: no span from version ${from} to ${version}`);
        assert.equal(before.slice(0, span.start), now.slice(0, span.start), `seed ${seed}, versions ${from}–${version}: the texts differ before the span`);
        assert.equal(before.slice(span.end), now.slice(span.start + span.length), `seed ${seed}, versions ${from}–${version}: the texts differ after the span`);
        assert.deepEqual(changeWithin(before, now, span), minimalChange(before, now));
      }
    });
  }

  it('gives no span it cannot vouch for: before the versions it kept, across a reopening, or one that does not fit the texts', () => {
    const journal = new EditJournal();
    const document = journal.create(URI, 'typescript', 1, 'const a = 1;\n');
    for (let version = 2; version <= 100; version++) journal.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }], version);
    assert.equal(journal.changedBetween(URI, 10, 100), undefined, 'dropped long ago');
    assert.deepEqual(journal.changedBetween(URI, 90, 100), { start: 0, end: 0, length: 10 });
    assert.deepEqual(journal.changedBetween(URI, 100, 100), { start: 0, end: 0, length: 0 });
    journal.create(URI, 'typescript', 1, 'reopened');
    assert.equal(journal.changedBetween(URI, 90, 100), undefined, 'reopened: the old versions mean nothing');
    // A span that does not account for the lengths is not trusted: the whole texts are compared.
    assert.deepEqual(changeWithin('abcdef', 'abXdef', { start: 4, end: 5, length: 2 }), { start: 2, end: 3, text: 'X' });
  });

  it('over a random sequence of keystrokes, every incremental answer from its spans equals a full lint', function () {
    this.timeout(120_000);
    const engine = new LintEngine();
    const target = parseTargetOf('typescript', '/workspace/journal.ts')!;
    const { rules } = rulesFromSettings(defaultSettings());
    const next = seededRandom(17);
    const journal = new EditJournal();
    const document = journal.create(URI, 'typescript', 1, typescriptModule(400));
    let base: { version: number; outline: Outline } = { version: 1, outline: engine.lintWithOutline(document.getText(), target, rules).outline! };
    let answered = 0;
    let undo: TextDocumentContentChangeEvent | undefined;
    for (let version = 2; version <= 120; version++) {
      const text = document.getText();
      const statuses = [...text.matchAll(/\b40[13]\b/g)];
      const status = statuses[Math.floor(next() * statuses.length)]!;
      const at = document.positionAt(status.index!);
      const typedAt = document.positionAt(Math.floor(next() * text.length));
      const typed = { range: { start: typedAt, end: typedAt }, text: 'x' };
      // Mostly a status toggled; now and then a character typed (it may break the code) and taken back next time.
      const change = undo ?? (next() < 0.7 ? { range: { start: at, end: { line: at.line, character: at.character + 3 } }, text: status[0] === '401' ? '403' : '401' } : typed);
      undo = undo ? undefined : change === typed ? { range: { start: typedAt, end: { line: typedAt.line, character: typedAt.character + 1 } }, text: '' } : undefined;
      journal.update(document, [change], version);
      const now = document.getText();
      const answer = checkIncrementally(base.outline, now, (masked) => engine.lintMasked(masked, target, rules), 1, journal.changedBetween(URI, base.version, version));
      const full = engine.lintWithOutline(now, target, rules);
      if (answer.kind === 'answer') {
        answered++;
        assert.equal(full.outcome.kind, 'problems');
        assert.deepEqual(answer.outline.problems, full.outcome.kind === 'problems' && full.outcome.problems, `version ${version}`);
        base = { version, outline: answer.outline };
      } else if (full.outline) {
        base = { version, outline: full.outline };
      }
      // A text that does not parse leaves the last outline as the base: the next span spans several versions.
    }
    assert.ok(answered >= 60, `only ${answered} of 119 edits were answered incrementally`);
  });
});
