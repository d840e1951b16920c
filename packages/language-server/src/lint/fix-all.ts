import type { LintOutcome, Problem, TextChange } from './problem';

export const MAX_FIX_PASSES = 10;

/** Which change to apply for a problem, if any: its autofix, or (when allowed) its preferred suggestion. */
export type ChangePicker = (problem: Problem) => TextChange | undefined;

export const safeFixes: ChangePicker = (problem) => problem.fix;
export const fixesAndSuggestions: ChangePicker = (problem) => problem.fix ?? problem.suggestions[0]?.change;

/**
 * Applies changes the way ESLint's `SourceCodeFixer` does — sorted, overlapping ones left for the next pass — and
 * re-lints until nothing changes. Every pass must parse: a pass whose result does not parse is dropped and the
 * last text that parsed is returned. `lint` must parse every text it is given (no prefilter: a text without any
 * status would otherwise count as clean without being parsed). Undefined when there is nothing to fix.
 */
export async function fixUntilStable(
  text: string,
  lint: (text: string) => LintOutcome | Promise<LintOutcome>,
  pick: ChangePicker,
  first?: LintOutcome,
): Promise<string | undefined> {
  let current = text;
  let outcome = first ?? (await lint(text));
  for (let pass = 0; pass < MAX_FIX_PASSES && outcome.kind === 'problems'; pass++) {
    const next = applyChanges(current, outcome.problems.map(pick).filter((change) => change !== undefined));
    if (next === current) break;
    const nextOutcome = await lint(next);
    if (nextOutcome.kind !== 'problems') break;
    current = next;
    outcome = nextOutcome;
  }
  return current === text ? undefined : current;
}

export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let position = 0;
  let lastEnd = -Infinity;
  for (const change of sorted) {
    if (change.start <= lastEnd) continue;
    result += text.slice(position, change.start) + change.text;
    position = change.end;
    lastEnd = change.end;
  }
  return result + text.slice(position);
}

/** The one change that turns `before` into `after`: everything between their common prefix and suffix. */
export function minimalChange(before: string, after: string): TextChange {
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}
