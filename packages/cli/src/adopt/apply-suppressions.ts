import { UsageError } from '../errors';
import type { LintResult } from '../lint/result';
import type { Options } from '../options';
import { Suppressions } from './suppressions';

export interface SuppressionOutcome {
  results: LintResult[];
  /** Recorded suppressions the linted files no longer reach (ESLint fails the run on them unless told to pass). */
  unusedCount: number;
}

/** Checked before linting: a named suppressions file must exist unless this run writes it, as in ESLint. */
export function suppressionsFor(options: Options, cwd: string): Suppressions | undefined {
  if (options.source.kind === 'stdin') return undefined;
  const suppressions = new Suppressions(cwd, options.suppressionsLocation);
  const writes = options.suppressAll || options.suppressRules.length > 0;
  if (options.suppressionsLocation !== undefined && !suppressions.exists() && !writes) {
    throw new UsageError(`the suppressions file ${suppressions.filePath} does not exist; run with --suppress-all or --suppress-rule to create it.`);
  }
  return suppressions;
}

/** ESLint's order: record (--suppress-*), prune (--prune-suppressions), then set recorded errors aside. */
export function applySuppressions(suppressions: Suppressions | undefined, results: LintResult[], options: Options): SuppressionOutcome {
  if (suppressions === undefined) return { results, unusedCount: 0 };
  if (options.suppressAll || options.suppressRules.length > 0) suppressions.suppress(results, options.suppressRules);
  if (options.pruneSuppressions) suppressions.prune(results);
  if (!suppressions.exists()) return { results, unusedCount: 0 };
  const applied = suppressions.apply(results, suppressions.load());
  const unusedCount = Object.values(applied.unused).reduce((sum, rules) => sum + Object.keys(rules).length, 0);
  return { results: applied.results, unusedCount };
}
