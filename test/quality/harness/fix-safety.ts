import type { Linter } from 'eslint';
import { parseErrorOf, type ConfiguredLinter } from './configured-linter';
import type { Dialect } from './dialects';
import { applyFix, lineStarts, offsetAt, originalOffsetOf, type TextFix } from './text-edit';

/** A fix or a suggestion one of our rules offers for one report. */
export interface OfferedFix {
  report: Linter.LintMessage;
  label: string;
  fix: TextFix;
}

export function offeredFixes(messages: readonly Linter.LintMessage[]): OfferedFix[] {
  return messages.flatMap((report) => [
    ...(report.fix ? [{ report, label: 'autofix', fix: report.fix }] : []),
    ...(report.suggestions ?? []).map((suggestion) => ({ report, label: `suggestion "${suggestion.desc}"`, fix: suggestion.fix })),
  ]);
}

/** A file as one dialect reads it, with our rules' reports on it. */
export interface LintedFile {
  name: string;
  text: string;
  dialect: Dialect;
  reports: readonly Linter.LintMessage[];
}

/**
 * Applies one offered fix alone and lints the result with every rule. Returns what is wrong with it, or null
 * when the result parses, the report the fix answered is gone, and no rule reports anything it did not report
 * before at the same place with the same message.
 */
export function checkOfferedFix(file: LintedFile, offered: OfferedFix, linter: ConfiguredLinter): string | null {
  const output = applyFix(file.text, offered.fix);
  const after = linter.verify(output, file.dialect);
  const parseError = parseErrorOf(after);
  if (parseError) return describeFailure(file, offered, output, [`the result does not parse: ${parseError.message} (line ${parseError.line})`]);

  const toOriginal = originalOffsetOf(file.text, offered.fix);
  const originalLines = lineStarts(file.text);
  const outputLines = lineStarts(output);
  const span = (message: Linter.LintMessage, starts: number[], map: (offset: number) => number = (offset) => offset) => {
    const start = map(offsetAt(starts, message.line, message.column));
    const end = message.endLine === undefined ? start : map(offsetAt(starts, message.endLine, message.endColumn!));
    return { start, end };
  };
  const key = (message: Linter.LintMessage, start: number) => `${message.ruleId}@${start}: ${message.message}`;

  const answered = span(offered.report, originalLines);
  const before = new Map<string, number>();
  for (const report of file.reports) {
    if (report === offered.report) continue;
    const start = span(report, originalLines).start;
    before.set(key(report, start), (before.get(key(report, start)) ?? 0) + 1);
  }
  const problems: string[] = [];
  for (const report of after) {
    const { start, end } = span(report, outputLines, toOriginal);
    const earlier = before.get(key(report, start)) ?? 0;
    if (earlier > 0) {
      before.set(key(report, start), earlier - 1);
    } else if (report.ruleId === offered.report.ruleId && start <= answered.end && end >= answered.start) {
      problems.push(`the answered report is still there: line ${report.line}: ${report.message}`);
    } else {
      problems.push(`new report ${report.ruleId} at line ${report.line}:${report.column}: ${report.message}`);
    }
  }
  return problems.length === 0 ? null : describeFailure(file, offered, output, problems);
}

/**
 * `verifyAndFix` with every safe fix, twice: the second run must change nothing, and the fixed text must parse.
 * Returns what is wrong, or null.
 */
export function checkFixAllIsStable(file: Omit<LintedFile, 'reports'>, linter: ConfiguredLinter): string | null {
  const once = linter.verifyAndFix(file.text, file.dialect);
  const broken = parseErrorOf(once.messages);
  if (broken) return `${file.name}: applying all fixes gives text that does not parse: ${broken.message} (line ${broken.line})\n${once.output}`;
  const twice = linter.verifyAndFix(once.output, file.dialect);
  if (twice.output === once.output) return null;
  return [
    `${file.name}: applying all fixes a second time changes the text again`,
    ...twice.messages.filter((message) => message.fix).map((message) => `  still fixable: ${message.ruleId} line ${message.line}: ${message.message}`),
    excerpt(twice.output, firstDifference(once.output, twice.output), firstDifference(once.output, twice.output)),
  ].join('\n');
}

function describeFailure(file: LintedFile, offered: OfferedFix, output: string, problems: readonly string[]): string {
  const { report, fix } = offered;
  const [start, end] = fix.range;
  return [
    `${file.name}:${report.line}:${report.column} ${report.ruleId} ${offered.label}`,
    `  report: ${report.message}`,
    `  fix:    replace ${JSON.stringify(file.text.slice(start, end))} (offsets ${start}-${end}) with ${JSON.stringify(fix.text)}`,
    ...problems.map((problem) => `  problem: ${problem}`),
    '  result:',
    excerpt(output, start, start + fix.text.length),
  ].join('\n');
}

/** The lines of `text` around offsets `from`…`to`, numbered. */
function excerpt(text: string, from: number, to: number): string {
  const starts = lineStarts(text);
  const lineOf = (offset: number) => starts.findLastIndex((start) => start <= offset);
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/);
  const first = Math.max(0, lineOf(from) - 2);
  const last = Math.min(lines.length - 1, lineOf(to) + 2);
  return lines
    .slice(first, last + 1)
    .map((line, index) => `  ${String(first + index + 1).padStart(5)} | ${line}`)
    .join('\n');
}

function firstDifference(a: string, b: string): number {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  return index;
}
