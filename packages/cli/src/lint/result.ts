import type { ESLint, Linter } from 'eslint';

export type LintResult = ESLint.LintResult;

/** A result in the shape ESLint's JSON formatter prints, counted from its messages. */
export function resultFor(filePath: string, messages: Linter.LintMessage[], source?: string, output?: string): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
  for (const message of messages) {
    if (message.severity === 2) {
      result.errorCount++;
      if (message.fatal) result.fatalErrorCount++;
      if (message.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (message.fix) result.fixableWarningCount++;
    }
  }
  if (output !== undefined) result.output = output;
  else if (messages.length > 0 && source !== undefined) result.source = source;
  return result;
}

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
}

export function totalsOf(results: readonly LintResult[]): Totals {
  const totals: Totals = { files: results.length, errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0 };
  for (const result of results) {
    totals.errors += result.errorCount;
    totals.warnings += result.warningCount;
    totals.fixableErrors += result.fixableErrorCount;
    totals.fixableWarnings += result.fixableWarningCount;
  }
  return totals;
}

/** `--quiet`: errors only. */
export function withoutWarnings(result: LintResult): LintResult {
  if (result.warningCount === 0) return result;
  return resultFor(
    result.filePath,
    result.messages.filter((message) => message.severity === 2),
    result.source,
    result.output,
  );
}

/** A parse-style error for a file left unlinted on purpose (too deeply nested to parse safely). */
export function notLintedMessage(reason: string, line = 1, column = 1): Linter.LintMessage {
  return { ruleId: null, fatal: true, severity: 2, message: reason, line, column };
}

/** The result for a file left unlinted, with the error at `offset`. */
export function notLintedResult(filePath: string, text: string, offset: number, reason: string): LintResult {
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  return resultFor(filePath, [notLintedMessage(reason, line, offset - lineStart + 1)], text);
}
