import type { CorpusFile } from './corpus';
import type { CorpusCounts, Evaluation } from './evaluate';
import type { Framework } from './frameworks';
import { withoutLabel } from './labels';
import type { Finding } from './lint';
import { precision, recall, type Tally } from './score';

function ratio(value: number | undefined): string {
  return value === undefined ? '—' : value.toFixed(3);
}

/** Left-aligns the first column and right-aligns the others. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const format = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return all.map(format).join('\n');
}

function tallyRow(name: string, tally: Tally): string[] {
  return [
    name,
    String(tally.truePositives),
    String(tally.falseAlarms),
    String(tally.misses),
    ratio(precision(tally)),
    ratio(recall(tally)),
  ];
}

const TALLY_HEADER = ['', 'found', 'false alarms', 'missed', 'precision', 'recall'];

/** One table of found / false alarms / missed / precision / recall, one row per group. */
export function formatTallies(heading: string, tallies: Iterable<readonly [string, Tally]>): string {
  return formatTable([heading, ...TALLY_HEADER.slice(1)], [...tallies].map(([name, tally]) => tallyRow(name, tally)));
}

/** Precision and recall per rule, per framework and overall. */
export function formatScores(title: string, evaluation: Evaluation, markSupported: readonly Framework[] = []): string {
  const frameworks = [...evaluation.byFramework].map(([framework, tally]): [string, Tally] => [
    markSupported.includes(framework as Framework) ? `${framework} *` : framework,
    tally,
  ]);
  return [
    title,
    formatTallies('per rule', evaluation.byRule),
    '',
    formatTallies('per framework', frameworks),
    '',
    formatTallies('overall', [['all', evaluation.total]]),
  ].join('\n');
}

function lineText(files: ReadonlyMap<string, CorpusFile>, finding: Finding): string {
  const text = files.get(finding.file)?.text.split(/\r?\n/)[finding.line - 1] ?? '';
  return withoutLabel(text).trim();
}

/** One line per finding: `file:line  rule  | code`. */
export function formatFindings(title: string, findings: readonly Finding[], files: readonly CorpusFile[]): string {
  if (findings.length === 0) return `${title}: none`;
  const byName = new Map(files.map((file) => [file.name, file]));
  const sorted = [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
  return [
    `${title} (${findings.length}):`,
    ...sorted.map((finding) => `  test/corpus/${finding.file}:${finding.line}  ${finding.rule}  | ${lineText(byName, finding)}`),
  ].join('\n');
}

/** Corpus size per framework; supported frameworks are starred. */
export function formatCorpusCounts(counts: ReadonlyMap<Framework, CorpusCounts>, supported: readonly Framework[]): string {
  const rows = [...counts].map(([framework, count]) => [
    supported.includes(framework) ? `${framework} *` : framework,
    String(count.files),
    String(count.findings),
    String(count.lookalikes),
    String(count.ignored),
  ]);
  const sum = (field: keyof CorpusCounts) => String([...counts.values()].reduce((total, count) => total + count[field], 0));
  rows.push(['total', sum('files'), sum('findings'), sum('lookalikes'), sum('ignored')]);
  return formatTable(['corpus', 'files', 'labelled findings', 'silent look-alikes', 'ambiguous (ignored)'], rows);
}
