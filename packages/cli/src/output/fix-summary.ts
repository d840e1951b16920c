import type { Linter } from 'eslint';
import type { LintResult } from '../lint/result';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function countByRule(messages: readonly Linter.LintMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) if (message.ruleId) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * One line saying what fixing changed: files, and problems fixed per rule (those found before fixing and gone
 * after). `changes` pairs each fixed file's result before fixing with its result after.
 */
export function fixSummary(changes: readonly { before: LintResult; after: LintResult }[], dryRun: boolean): string {
  const fixedByRule = new Map<string, number>();
  for (const { before, after } of changes) {
    const left = countByRule(after.messages);
    for (const [rule, count] of countByRule(before.messages)) {
      const fixed = count - (left.get(rule) ?? 0);
      if (fixed > 0) fixedByRule.set(rule, (fixedByRule.get(rule) ?? 0) + fixed);
    }
  }
  const verb = dryRun ? 'would fix' : 'fixed';
  if (changes.length === 0) return `${verb} nothing: no file had a fix to apply.`;
  const total = [...fixedByRule.values()].reduce((sum, count) => sum + count, 0);
  const perRule = [...fixedByRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `${rule} ${count}`);
  return `${verb} ${plural(total, 'problem')} in ${plural(changes.length, 'file')}${perRule.length > 0 ? ` (${perRule.join(', ')})` : ''}.`;
}
