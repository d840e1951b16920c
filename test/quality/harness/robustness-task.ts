import fs from 'node:fs';
import path from 'node:path';
import { hasSignalText, mayContainFinding } from 'eslint-plugin-auth-status/tooling';
import { ConfiguredLinter, RULE_PREFIX, inFirstParsingDialect } from './configured-linter';
import { dialectKey, dialectsFor } from './dialects';
import { REPO_ROOT } from './source-tree';

/** What happened when every rule ran over one file. */
export type FileOutcome =
  | (Timing & { kind: 'linted'; file: string; bytes: number; dialect: string; reports: Finding[]; ruledOut: RuledOut })
  | (Timing & { kind: 'parse-error'; file: string; bytes: number; message: string })
  | (Timing & { kind: 'rule-exception'; file: string; bytes: number; error: ThrownError })
  | (Timing & { kind: 'eslint-error'; file: string; bytes: number; error: ThrownError });

/**
 * Whether the CLI and the language server skip the file without parsing it, and by which stage: the text test
 * (which the rules use too, so they never look further) or the lexer (the rules still analyse the file, so a
 * report there would be a finding the prefilter loses).
 */
export type RuledOut = 'no' | 'text' | 'lexer';

function ruledOutBy(text: string): RuledOut {
  if (!hasSignalText(text)) return 'text';
  return mayContainFinding(text) ? 'no' : 'lexer';
}

/** One report of one of our rules: in code nobody here wrote, each is a candidate false alarm to look at. */
export interface Finding {
  rule: string;
  line: number;
  message: string;
}

export interface Timing {
  /** Wall time of the whole file: parse, traverse, rules (and the retry in another dialect, if any). */
  ms: number;
  /** Time spent in our rules, as ESLint's `stats` measure it. */
  rulesMs: number;
}

export interface ThrownError {
  /** The rule ESLint names as the thrower, when it names one. */
  rule: string | null;
  /** First line of the message. */
  message: string;
  /** Line of the file being linted when the rule threw, when ESLint says. */
  line: number | null;
  /** The top of the stack, for a reproduction. */
  stack: string;
}

/** The linters a file goes through: ours (strict), ESLint alone (to clear our rules of an error), and what "ours" is. */
export interface FileLinters {
  withRules: ConfiguredLinter;
  bare: ConfiguredLinter;
  isOurRule(ruleId: string): boolean;
}

let defaultLinters: FileLinters | undefined;

/** Runs every rule (strict config) over one repository file; never throws. */
export function processItem(file: string): FileOutcome {
  defaultLinters ??= {
    withRules: new ConfiguredLinter('strict'),
    bare: new ConfiguredLinter('none'),
    isOurRule: (ruleId) => ruleId.startsWith(RULE_PREFIX),
  };
  return lintFile(file, fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'), defaultLinters);
}

/** Lints `text` in the first dialect of `file` that parses it and classifies what happened; never throws. */
export function lintFile(file: string, text: string, linters: FileLinters): FileOutcome {
  const bytes = Buffer.byteLength(text);
  const dialects = dialectsFor(file);
  const started = performance.now();
  let rulesMs = 0;
  const elapsed = () => ({ ms: performance.now() - started, rulesMs });
  try {
    const outcome = inFirstParsingDialect(dialects, (dialect) => {
      const report = linters.withRules.verifyAndFix(text, dialect, { fix: false, stats: true });
      rulesMs = sumOf(linters.withRules.lastRuleTimes(), linters.isOurRule);
      return report;
    });
    if ('parseError' in outcome) return { kind: 'parse-error', file, bytes, message: outcome.parseError.message, ...elapsed() };
    const reports = outcome.result.messages
      .filter((message) => message.ruleId && linters.isOurRule(message.ruleId))
      .map((message) => ({ rule: message.ruleId!, line: message.line, message: message.message }));
    return { kind: 'linted', file, bytes, dialect: dialectKey(outcome.dialect), reports, ruledOut: ruledOutBy(text), ...elapsed() };
  } catch (thrown) {
    const error = describeThrown(thrown);
    // An error no rule is named for is ours only if ESLint without our rules gets through the file.
    const ours = error.rule === null ? !throwsWithoutOurRules(linters.bare, text, dialects) : linters.isOurRule(error.rule);
    const details = { file, bytes, error, ...elapsed() };
    return ours ? { kind: 'rule-exception', ...details } : { kind: 'eslint-error', ...details };
  }
}

function sumOf(times: Record<string, number>, isOurRule: (ruleId: string) => boolean): number {
  let total = 0;
  for (const [rule, ms] of Object.entries(times)) if (isOurRule(rule)) total += ms;
  return total;
}

function throwsWithoutOurRules(bare: ConfiguredLinter, text: string, dialects: ReturnType<typeof dialectsFor>): boolean {
  try {
    inFirstParsingDialect(dialects, (dialect) => ({ messages: bare.verify(text, dialect) }));
    return false;
  } catch {
    return true;
  }
}

function describeThrown(thrown: unknown): ThrownError {
  if (!(thrown instanceof Error)) return { rule: null, message: String(thrown), line: null, stack: '' };
  const rule = (thrown as Error & { ruleId?: unknown }).ruleId;
  const line = /Occurred while linting \S+?:(\d+)/.exec(thrown.message)?.[1];
  return {
    rule: typeof rule === 'string' ? rule : null,
    message: thrown.message.split('\n')[0]!,
    line: line === undefined ? null : Number(line),
    stack: (thrown.stack ?? '').split('\n').slice(1, 9).join('\n'),
  };
}
