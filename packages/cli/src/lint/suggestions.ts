import type { Linter } from 'eslint';
import { RULE_PREFIX } from './rules-config';

/**
 * Applies the first suggestion of each of our messages (the status change), skipping any that overlaps an
 * earlier one; the next pass picks those up. Returns undefined when there was nothing to apply.
 */
export function applyFirstSuggestions(text: string, messages: readonly Linter.LintMessage[]): string | undefined {
  const edits = messages
    .filter((message) => message.ruleId?.startsWith(RULE_PREFIX))
    .map((message) => message.suggestions?.[0]?.fix)
    .filter((fix): fix is Linter.LintSuggestion['fix'] => fix !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  if (edits.length === 0) return undefined;

  let output = '';
  let position = 0;
  for (const edit of edits) {
    if (edit.range[0] < position) continue;
    output += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return output + text.slice(position);
}
