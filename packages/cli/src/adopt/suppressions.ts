import fs from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import { describeSystemError, UsageError } from '../errors';
import { writeFileAtomic } from '../files/atomic-write';
import { portablePath, stableJson, stateFilePath } from '../files/state-file';
import { resultFor, type LintResult } from '../lint/result';
import { RULE_PREFIX } from '../lint/rules-config';

/** ESLint's bulk-suppressions file: for each file (relative to the current folder), errors counted per rule. */
export type SuppressedCounts = Record<string, Record<string, { count: number }>>;

export const DEFAULT_SUPPRESSIONS_FILE = 'eslint-suppressions.json';

/** ESLint's name prefix for a suppressions file placed inside a given folder. */
const FOLDER_PREFIX = 'suppressions_';

/**
 * ESLint's bulk suppressions (9.24+), read and written in its own format so one file serves both tools. Only
 * errors count, per file and rule: a file keeps its recorded errors of a rule quiet while it has no more of them
 * than recorded. Entries for rules that are not ours belong to ESLint and are left exactly as they are.
 */
export class Suppressions {
  readonly filePath: string;

  constructor(
    private readonly cwd: string,
    location: string | undefined,
  ) {
    this.filePath = stateFilePath(location ?? DEFAULT_SUPPRESSIONS_FILE, cwd, FOLDER_PREFIX);
  }

  exists(): boolean {
    return fs.existsSync(this.filePath);
  }

  load(): SuppressedCounts {
    let text: string;
    try {
      text = fs.readFileSync(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new UsageError(`cannot read the suppressions file ${this.filePath}: ${describeSystemError(error)}.`);
    }
    const counts = parseCounts(text);
    if (counts === undefined) {
      throw new UsageError(`the suppressions file ${this.filePath} is not in ESLint's format (file → rule → { "count": N }); fix or delete it.`);
    }
    return counts;
  }

  /** Records the errors of `rules` (all of ours when empty) in the linted files, replacing their earlier counts. */
  suppress(results: readonly LintResult[], rules: readonly string[]): void {
    const counts = this.load();
    for (const result of results) {
      const file = portablePath(this.cwd, result.filePath);
      for (const [rule, count] of Object.entries(errorsByRule(result.messages))) {
        if (rules.length > 0 && !rules.includes(rule)) continue;
        counts[file] ??= {};
        counts[file][rule] = { count };
      }
    }
    this.save(counts);
  }

  /** Lowers or removes our counts that exceed what the linted files still have, and drops files that are gone. */
  prune(results: readonly LintResult[]): void {
    const counts = this.load();
    for (const [file, rules] of Object.entries(this.apply(results, counts).unused)) {
      for (const [rule, { count }] of Object.entries(rules)) {
        const left = counts[file][rule].count - count;
        if (left > 0) counts[file][rule] = { count: left };
        else delete counts[file][rule];
      }
      if (Object.keys(counts[file]).length === 0) delete counts[file];
    }
    for (const file of Object.keys(counts)) {
      if (!fs.existsSync(path.resolve(this.cwd, file))) delete counts[file];
    }
    this.save(counts);
  }

  /**
   * Moves suppressed errors to `suppressedMessages` (as ESLint does, marked `kind: "file"`), and returns our
   * recorded counts that the linted files no longer reach.
   */
  apply(results: readonly LintResult[], counts: SuppressedCounts): { results: LintResult[]; unused: SuppressedCounts } {
    const unused: SuppressedCounts = {};
    const markUnused = (file: string, rule: string, count: number) => ((unused[file] ??= {})[rule] = { count });
    const applied = results.map((result) => {
      const file = portablePath(this.cwd, result.filePath);
      const recorded = counts[file];
      if (!recorded) return result;
      const found = errorsByRule(result.messages);
      const quiet = new Set<string>();
      for (const [rule, { count }] of Object.entries(recorded)) {
        if (!rule.startsWith(RULE_PREFIX)) continue;
        const errors = found[rule] ?? 0;
        if (errors <= count && errors > 0) quiet.add(rule);
        if (errors < count) markUnused(file, rule, count - errors);
      }
      if (quiet.size === 0) return result;
      const isQuiet = (message: Linter.LintMessage) => message.ruleId !== null && quiet.has(message.ruleId);
      const kept = resultFor(result.filePath, result.messages.filter((message) => !isQuiet(message)), result.source, result.output);
      kept.suppressedMessages = [
        ...result.suppressedMessages,
        ...result.messages.filter(isQuiet).map((message) => ({ ...message, suppressions: [{ kind: 'file', justification: '' }] })),
      ];
      return kept;
    });
    return { results: applied, unused };
  }

  private save(counts: SuppressedCounts): void {
    try {
      writeFileAtomic(this.filePath, stableJson(counts));
    } catch (error) {
      throw new UsageError(`cannot write the suppressions file ${this.filePath}: ${describeSystemError(error)}.`);
    }
  }
}

/** Errors per rule; warnings are never suppressed, as in ESLint. */
function errorsByRule(messages: readonly Linter.LintMessage[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const message of messages) {
    if (message.severity === 2 && message.ruleId) counts[message.ruleId] = (counts[message.ruleId] ?? 0) + 1;
  }
  return counts;
}

function parseCounts(text: string): SuppressedCounts | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(parsed)) return undefined;
  const wellFormed = Object.values(parsed).every(
    (rules) => isObject(rules) && Object.values(rules).every((entry) => isObject(entry) && Number.isInteger(entry.count) && (entry.count as number) >= 0),
  );
  return wellFormed ? (parsed as SuppressedCounts) : undefined;
}
