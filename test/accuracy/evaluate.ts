import type { CorpusFile } from './corpus';
import { CORPUS_FRAMEWORKS, type Framework } from './frameworks';
import type { Finding } from './lint';
import type { LabelledRule } from './rules';
import { compare, tallyBy, totalOf, type Outcome, type Tally } from './score';

/** Which rules and frameworks a score covers. */
export interface Scope {
  readonly rules: readonly LabelledRule[];
  readonly frameworks: readonly Framework[];
}

export interface Evaluation {
  readonly scope: Scope;
  readonly outcome: Outcome;
  readonly total: Tally;
  readonly byRule: Map<string, Tally>;
  readonly byFramework: Map<string, Tally>;
}

export function filesInScope(files: readonly CorpusFile[], scope: Scope): CorpusFile[] {
  return files.filter((file) => scope.frameworks.includes(file.framework));
}

/** The labels of the given files, as findings, restricted to the scope's rules. */
export function expectedFindings(files: readonly CorpusFile[], rules: readonly LabelledRule[]): Finding[] {
  return files.flatMap((file) =>
    file.labels.expectations
      .filter((expectation) => rules.includes(expectation.rule))
      .map((expectation) => ({ file: file.name, line: expectation.line, rule: expectation.rule })),
  );
}

/** Scores reports (from the engine or the baseline) against the labels within a scope. */
export function evaluate(files: readonly CorpusFile[], reported: readonly Finding[], scope: Scope): Evaluation {
  const scoped = filesInScope(files, scope);
  const byName = new Map(scoped.map((file) => [file.name, file]));
  const inScope = reported.filter(
    (finding) => byName.has(finding.file) && (scope.rules as readonly string[]).includes(finding.rule),
  );
  const outcome = compare(
    expectedFindings(scoped, scope.rules),
    inScope,
    (file, line) => byName.get(file)?.labels.ignoredLines.has(line) ?? false,
  );
  const frameworkOf = (finding: Finding) => byName.get(finding.file)?.framework ?? 'unknown';
  return {
    scope,
    outcome,
    total: totalOf(outcome),
    byRule: tallyBy(outcome, (finding) => finding.rule, scope.rules),
    byFramework: tallyBy(outcome, frameworkOf, scope.frameworks),
  };
}

export interface CorpusCounts {
  readonly files: number;
  readonly findings: number;
  readonly lookalikes: number;
  readonly ignored: number;
}

/** Size of the corpus per framework: labelled findings, silent look-alikes and ambiguous lines. */
export function countCorpus(files: readonly CorpusFile[]): Map<Framework, CorpusCounts> {
  const empty: CorpusCounts = { files: 0, findings: 0, lookalikes: 0, ignored: 0 };
  const counts = new Map<Framework, CorpusCounts>(CORPUS_FRAMEWORKS.map((framework) => [framework, empty]));
  for (const file of files) {
    const previous = counts.get(file.framework) ?? empty;
    counts.set(file.framework, {
      files: previous.files + 1,
      findings: previous.findings + file.labels.expectations.length,
      lookalikes: previous.lookalikes + file.labels.lookalikeLines.length,
      ignored: previous.ignored + file.labels.ignoredLines.size,
    });
  }
  return counts;
}
