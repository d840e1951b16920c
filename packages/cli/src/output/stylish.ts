import path from 'node:path';
import type { Linter } from 'eslint';
import { totalsOf } from '../lint/result';
import type { Formatter, FormatContext, Skipped } from './format';
import { printableName } from './printable';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function fixHint(message: Linter.LintMessage): string | undefined {
  if (message.fix) return 'fixable with --fix';
  if (message.suggestions?.length) return 'fixable with --fix --fix-status';
  return undefined;
}

function problemLines(file: string, message: Linter.LintMessage, { rulesMeta, palette }: FormatContext): string[] {
  const severity = message.severity === 2 ? palette.red('error') : palette.yellow('warning');
  const rule = message.ruleId ?? 'parse error';
  const first = `${palette.bold(`${file}:${message.line}:${message.column}`)}  ${severity}  ${message.message}  ${palette.dim(rule)}`;
  const docs = message.ruleId ? rulesMeta[message.ruleId]?.docs?.url : undefined;
  const details = [docs, fixHint(message)].filter((part): part is string => part !== undefined);
  return details.length > 0 ? [first, `    ${palette.dim(details.join(' · '))}`] : [first];
}

/** ", 2 files and 1 folder skipped (see the notes)": what the summary's count leaves out. */
function skippedNote(skipped: Skipped | undefined): string {
  if (!skipped || skipped.files + skipped.folders === 0) return '';
  const parts = [skipped.files > 0 ? plural(skipped.files, 'file') : undefined, skipped.folders > 0 ? plural(skipped.folders, 'folder') : undefined];
  return `; ${parts.filter((part) => part !== undefined).join(' and ')} skipped`;
}

/** One line per problem (file:line:col, severity, message, rule), its docs link, then a summary line. */
export const formatStylish: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = printableName(path.relative(context.cwd, result.filePath) || result.filePath);
    for (const message of result.messages) lines.push(...problemLines(file, message, context));
  }
  const totals = totalsOf(results);
  const problems = totals.errors + totals.warnings;
  const filesWithProblems = results.filter((result) => result.messages.length > 0).length;
  const { palette } = context;
  const skipped = skippedNote(context.skipped);
  if (problems === 0) {
    lines.push(palette.green(`✔ no problems in ${plural(totals.files, 'file')}`) + skipped);
  } else {
    const summary = `✖ ${plural(problems, 'problem')} (${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}) in ${filesWithProblems} of ${plural(totals.files, 'file')}`;
    if (lines.length > 0) lines.push('');
    lines.push((totals.errors > 0 ? palette.red : palette.yellow)(palette.bold(summary)) + skipped);
    const fixable = totals.fixableErrors + totals.fixableWarnings;
    if (fixable > 0) lines.push(`  ${plural(fixable, 'problem')} fixable with --fix`);
  }
  return `${lines.join('\n')}\n`;
};
