/**
 * `npm run bench:incremental`: how often the incremental check answers, and whether every answer equals a full
 * lint. Every single-statement edit of `test/singleStatementEdits` (toggle a status, break a line, rename a local,
 * add a space) on every file of `test/corpus/` and on the 3,000-line benchmark module; each answer is compared
 * with a full lint of the same text (ranges, messages, evidence, fixes and suggestions).
 */
import { LintEngine } from '../src/lint/engine';
import { checkIncrementally, MAX_KEPT_SHARE } from '../src/lint/incremental';
import { parseTargetOf } from '../src/lint/languages';
import { rulesFromSettings } from '../src/lint/rules';
import { defaultSettings } from '../src/settings';
import { corpusFiles, singleStatementEdits, type SourceFile } from '../../../test/language-server/statement-edits';
import { typescriptModule } from './corpus';

const engine = new LintEngine();
const { rules } = rulesFromSettings({ ...defaultSettings(), rules: { 'require-403-for-permission-denial': 'warn', 'refresh-token-on-401': 'warn' } });

interface Tally {
  files: number;
  edits: number;
  answered: number;
  equal: number;
  declined: Map<string, number>;
  milliseconds: number[];
}

function measure(files: readonly SourceFile[], maxKeptShare: number): Tally {
  const tally: Tally = { files: 0, edits: 0, answered: 0, equal: 0, declined: new Map(), milliseconds: [] };
  for (const file of files) {
    const target = parseTargetOf(file.languageId, file.path)!;
    const base = engine.lintWithOutline(file.text, target, rules).outline;
    if (!base) continue;
    tally.files++;
    for (const edit of singleStatementEdits(file.text, base.statements)) {
      tally.edits++;
      const started = performance.now();
      const answer = checkIncrementally(base, edit.text, (masked) => engine.lintMasked(masked, target, rules), maxKeptShare);
      tally.milliseconds.push(performance.now() - started);
      if (answer.kind === 'decline') {
        tally.declined.set(answer.reason, (tally.declined.get(answer.reason) ?? 0) + 1);
        continue;
      }
      tally.answered++;
      const full = engine.lint(edit.text, target, rules);
      if (full.kind === 'problems' && JSON.stringify(full.problems) === JSON.stringify(answer.outline.problems)) tally.equal++;
      else console.log(`  DIFFERS: ${file.path}: ${edit.label}`);
    }
  }
  return tally;
}

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;

function print(label: string, tally: Tally): void {
  const sorted = [...tally.milliseconds].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  console.log(`\n${label}: ${tally.files} files, ${tally.edits} edits`);
  console.log(`  answered incrementally  ${tally.answered} (${percent(tally.answered, tally.edits)})`);
  console.log(`  equal to the full lint  ${tally.equal} of ${tally.answered} (${percent(tally.equal, tally.answered)})`);
  console.log(`  time per check (answer or decline), p50 / p95: ${at(50).toFixed(1)} ms / ${at(95).toFixed(1)} ms`);
  for (const [reason, count] of [...tally.declined].sort((a, b) => b[1] - a[1])) console.log(`  declined: ${reason} — ${count}`);
}

const corpus = corpusFiles();
const long = [{ path: '/workspace/bench.ts', text: typescriptModule(3000), languageId: 'typescript' }];
console.log(`Incremental checks against full lints (node ${process.version})`);
print(`test/corpus, as the server runs it (at most ${MAX_KEPT_SHARE * 100} % of the file kept)`, measure(corpus, MAX_KEPT_SHARE));
print('test/corpus, answering whenever exactness allows (any share kept)', measure(corpus, 1));
print(`3,000-line benchmark module, as the server runs it`, measure(long, MAX_KEPT_SHARE));
