import type { Reason } from 'eslint-plugin-auth-status/tooling';

/** Replace `text` between two offsets of the linted document. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** A piece of code that shows why the response is sent (the failing check, the credential's source, the message), in plain text. */
export interface EvidenceSpan {
  start: number;
  end: number;
  /** What the code is: "missing-credential check", "Authorization header read here". */
  what: string;
  /** The code, short and on one line: "!token". */
  code: string;
}

/** What the engine knows about the flagged response, for related information and hover. */
export interface Explanation {
  status: number;
  framework: string;
  reason: Reason['kind'];
  /** For a credential failure: missing, expired, invalid, login. */
  problem?: string;
  /** Empty unless the reason is decided (conflicting evidence explains nothing). */
  evidence: EvidenceSpan[];
  /** Where an imported error class or helper fixes the status (absolute path, 1-based line). */
  definition?: { file: string; line: number; name: string };
}

/** One finding of one of our rules, in offsets of the document text it was computed from (plain data). */
export interface Problem {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  start: number;
  end: number;
  fix?: TextChange;
  suggestions: { title: string; change: TextChange }[];
  docsUrl?: string;
  explanation?: Explanation;
}

export type LintOutcome =
  | { kind: 'problems'; problems: Problem[] }
  /** The document does not parse (mid-edit): no problems are shown, so none can be stale. */
  | { kind: 'parse-error'; message: string; line: number; column: number }
  /** A rule threw: logged, the document shows no problems until the next successful run. */
  | { kind: 'crash'; message: string; cause?: 'rule' | 'worker' }
  /** Nested deeper than a parser survives (see `excessiveNesting`): not parsed at all. */
  | { kind: 'too-deep'; limit: number };

/** One order for problems however they were computed: by position, then rule. */
export function byPosition(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
