import type { Finding } from './lint';

export interface Outcome {
  /** Expected and reported. */
  readonly truePositives: readonly Finding[];
  /** Reported on a line that must stay silent for that rule. */
  readonly falseAlarms: readonly Finding[];
  /** Expected but not reported. */
  readonly misses: readonly Finding[];
  /** Reported on a line labelled `expect-ignore`: not scored. */
  readonly ignored: readonly Finding[];
}

export interface Tally {
  truePositives: number;
  falseAlarms: number;
  misses: number;
}

const keyOf = (finding: Finding): string => `${finding.file}\0${finding.line}\0${finding.rule}`;

function unique(findings: readonly Finding[]): Finding[] {
  const byKey = new Map(findings.map((finding) => [keyOf(finding), finding]));
  return [...byKey.values()];
}

/** Matches reports to labels by file, line and rule. */
export function compare(
  expected: readonly Finding[],
  reported: readonly Finding[],
  isIgnored: (file: string, line: number) => boolean,
): Outcome {
  const expectedKeys = new Set(expected.map(keyOf));
  const reportedKeys = new Set(reported.map(keyOf));
  const candidates = unique(reported);
  return {
    truePositives: candidates.filter((finding) => expectedKeys.has(keyOf(finding))),
    falseAlarms: candidates.filter((finding) => !expectedKeys.has(keyOf(finding)) && !isIgnored(finding.file, finding.line)),
    misses: unique(expected).filter((finding) => !reportedKeys.has(keyOf(finding))),
    ignored: candidates.filter((finding) => !expectedKeys.has(keyOf(finding)) && isIgnored(finding.file, finding.line)),
  };
}

export function emptyTally(): Tally {
  return { truePositives: 0, falseAlarms: 0, misses: 0 };
}

/** Counts an outcome per group (rule, framework …); `groups` seeds groups that must appear even when empty. */
export function tallyBy(outcome: Outcome, groupOf: (finding: Finding) => string, groups: readonly string[] = []): Map<string, Tally> {
  const tallies = new Map<string, Tally>(groups.map((group) => [group, emptyTally()]));
  const add = (findings: readonly Finding[], field: keyof Tally) => {
    for (const finding of findings) {
      const group = groupOf(finding);
      const tally = tallies.get(group) ?? emptyTally();
      tally[field] += 1;
      tallies.set(group, tally);
    }
  };
  add(outcome.truePositives, 'truePositives');
  add(outcome.falseAlarms, 'falseAlarms');
  add(outcome.misses, 'misses');
  return tallies;
}

export function totalOf(outcome: Outcome): Tally {
  return tallyBy(outcome, () => 'all').get('all') ?? emptyTally();
}

/** Share of reports that are right; undefined when nothing was reported. */
export function precision(tally: Tally): number | undefined {
  const reported = tally.truePositives + tally.falseAlarms;
  return reported === 0 ? undefined : tally.truePositives / reported;
}

/** Share of labels that were reported; undefined when nothing was expected. */
export function recall(tally: Tally): number | undefined {
  const expected = tally.truePositives + tally.misses;
  return expected === 0 ? undefined : tally.truePositives / expected;
}
