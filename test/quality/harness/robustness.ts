import { count, megabytes, milliseconds, table } from './format';
import type { FileOutcome, Finding } from './robustness-task';
import { largestFirst } from './source-tree';
import { WorkerPool } from './worker-pool';

const TASK = require.resolve('./robustness-task');
const MAX_LISTED = 20;

export interface RobustnessSummary {
  files: number;
  bytes: number;
  linted: number;
  wallMs: number;
  /** Summed over files: all of ESLint's work, and our rules' share of it. */
  lintMs: number;
  rulesMs: number;
  reportsPerRule: Record<string, number>;
  findings: (Finding & { file: string })[];
  /** Files the prefilter rules out (the CLI and the language server never parse them), those only its lexer rules out, and reports in them (must be none). */
  ruledOut: { files: number; bytes: number; byLexer: number; byLexerBytes: number; reports: (Finding & { file: string })[] };
  parseErrors: Extract<FileOutcome, { kind: 'parse-error' }>[];
  ruleExceptions: Extract<FileOutcome, { kind: 'rule-exception' }>[];
  eslintErrors: Extract<FileOutcome, { kind: 'eslint-error' }>[];
  slowest: FileOutcome[];
}

/** Runs every rule over `files` (repository-relative) on `workers` threads (0: this thread). */
export async function checkRobustness(
  files: readonly string[],
  options: { workers: number; onProgress?: (done: number) => void },
): Promise<RobustnessSummary> {
  const started = performance.now();
  const pool = new WorkerPool<string, FileOutcome>(TASK, options.workers);
  try {
    const outcomes = await pool.map(largestFirst(files), 4, options.onProgress);
    return summarize(outcomes, performance.now() - started);
  } finally {
    await pool.close();
  }
}

export function summarize(outcomes: readonly FileOutcome[], wallMs: number): RobustnessSummary {
  const reportsPerRule: Record<string, number> = {};
  const summary: RobustnessSummary = {
    files: outcomes.length,
    bytes: 0,
    linted: 0,
    wallMs,
    lintMs: 0,
    rulesMs: 0,
    reportsPerRule,
    findings: [],
    ruledOut: { files: 0, bytes: 0, byLexer: 0, byLexerBytes: 0, reports: [] },
    parseErrors: [],
    ruleExceptions: [],
    eslintErrors: [],
    slowest: [...outcomes].sort((a, b) => b.rulesMs - a.rulesMs).slice(0, 10),
  };
  for (const outcome of outcomes) {
    summary.bytes += outcome.bytes;
    summary.lintMs += outcome.ms;
    summary.rulesMs += outcome.rulesMs;
    if (outcome.kind === 'linted') {
      summary.linted++;
      if (outcome.ruledOut !== 'no') {
        summary.ruledOut.files++;
        summary.ruledOut.bytes += outcome.bytes;
        if (outcome.ruledOut === 'lexer') {
          summary.ruledOut.byLexer++;
          summary.ruledOut.byLexerBytes += outcome.bytes;
        }
        for (const finding of outcome.reports) summary.ruledOut.reports.push({ file: outcome.file, ...finding });
      }
      for (const finding of outcome.reports) {
        reportsPerRule[finding.rule] = (reportsPerRule[finding.rule] ?? 0) + 1;
        summary.findings.push({ file: outcome.file, ...finding });
      }
    } else if (outcome.kind === 'parse-error') summary.parseErrors.push(outcome);
    else if (outcome.kind === 'rule-exception') summary.ruleExceptions.push(outcome);
    else summary.eslintErrors.push(outcome);
  }
  return summary;
}

export function formatRobustness(summary: RobustnessSummary, ruleNames: readonly string[]): string {
  const lines = [
    `files:            ${count(summary.files)} (${megabytes(summary.bytes)})`,
    `linted:           ${count(summary.linted)}`,
    `parse failures:   ${count(summary.parseErrors.length)} (not ours: the file is not JavaScript/TypeScript any of our parsers read)`,
    `rule exceptions:  ${count(summary.ruleExceptions.length)}`,
    `prefilter:        ${count(summary.ruledOut.files)} files (${megabytes(summary.ruledOut.bytes)}) ruled out without parsing, ${count(summary.ruledOut.byLexer)} (${megabytes(summary.ruledOut.byLexerBytes)}) by the lexer alone; ${count(summary.ruledOut.reports.length)} reports in them (must be 0)`,
    `ESLint errors:    ${count(summary.eslintErrors.length)} (thrown with our rules off too)`,
    `time:             ${milliseconds(summary.wallMs)} wall, ${milliseconds(summary.lintMs)} linting, ${milliseconds(summary.rulesMs)} in our rules`,
    '',
    table(
      ['rule', 'reports'],
      ruleNames.map((rule) => [rule, count(summary.reportsPerRule[rule] ?? 0)]),
    ),
    '',
    'slowest files for our rules:',
    table(
      ['file', 'size', 'our rules', 'whole file'],
      summary.slowest.map((outcome) => [outcome.file, megabytes(outcome.bytes), milliseconds(outcome.rulesMs), milliseconds(outcome.ms)]),
    ),
  ];
  const findings = summary.findings;
  if (findings.length > 0) {
    lines.push('', 'reports (in code nobody here wrote: each is a candidate false alarm to review):');
    for (const finding of findings.slice(0, MAX_LISTED * 5)) lines.push(`  ${finding.file}:${finding.line} ${finding.rule}: ${finding.message}`);
    if (findings.length > MAX_LISTED * 5) lines.push(`  … and ${count(findings.length - MAX_LISTED * 5)} more`);
  }
  if (summary.parseErrors.length > 0) {
    lines.push('', 'files that do not parse:');
    for (const outcome of summary.parseErrors.slice(0, MAX_LISTED)) lines.push(`  ${outcome.file}: ${outcome.message}`);
    if (summary.parseErrors.length > MAX_LISTED) lines.push(`  … and ${count(summary.parseErrors.length - MAX_LISTED)} more`);
  }
  for (const report of summary.ruledOut.reports.slice(0, MAX_LISTED)) {
    lines.push(`PREFILTER MISS ${report.file}:${report.line} ${report.rule}: ${report.message}`);
  }
  for (const outcome of [...summary.ruleExceptions, ...summary.eslintErrors]) {
    lines.push(
      '',
      `${outcome.kind === 'rule-exception' ? 'RULE EXCEPTION' : 'ESLint error'} in ${outcome.file}${outcome.error.line ? `:${outcome.error.line}` : ''}` +
        ` (${outcome.error.rule ?? 'no rule named'}): ${outcome.error.message}`,
      outcome.error.stack,
    );
  }
  return lines.join('\n');
}
