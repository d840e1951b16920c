import fs from 'node:fs';
import path from 'node:path';
import plugin from 'eslint-plugin-auth-status';
import type { ESLint } from 'eslint';
import { describeSystemError, UsageError } from '../errors';
import { writeFileAtomic } from '../files/atomic-write';
import type { LintResult } from '../lint/result';
import { RULE_PREFIX } from '../lint/rules-config';
import { repositoryRoot } from '../targets/git';
import { paletteFor } from './color';
import { loadEslintFormatter } from './eslint-formatter';
import type { Skipped } from './format';
import { FORMATTERS } from './index';

export interface ReportTarget {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Standard output; unused when `outputFile` is set. */
  stdout: NodeJS.WriteStream;
  outputFile: string | undefined;
}

/** Turns results into the report's text; an ESLint formatter may take its time (a promise). */
export type Report = (results: readonly LintResult[], skipped: Skipped, target: ReportTarget) => Promise<string>;

/** The report for a `--format` name: ours first, then an ESLint formatter (loaded now, so a missing one stops the run before linting). */
export async function reportFor(format: string, cwd: string): Promise<Report> {
  if (Object.hasOwn(FORMATTERS, format)) {
    const formatter = FORMATTERS[format as keyof typeof FORMATTERS];
    return async (results, skipped, { cwd, env, stdout, outputFile }) =>
      formatter(results, {
        cwd,
        rulesMeta: rulesMeta(),
        palette: paletteFor(outputFile === undefined ? stdout : undefined, env),
        skipped,
        ...(format === 'github' ? { annotationRoot: annotationRoot(cwd, env) } : {}),
      });
  }
  const formatter = await loadEslintFormatter(format, cwd);
  return async (results) => {
    // ESLint hands formatters the results sorted by path.
    const sorted = [...results].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
    return String(await formatter(sorted, { cwd, rulesMeta: rulesMeta() }));
  };
}

/** The folder GitHub's annotation paths start at: GITHUB_WORKSPACE in Actions, else the repository root, else `cwd`. */
function annotationRoot(cwd: string, env: NodeJS.ProcessEnv): string {
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace) return fs.realpathSync.native(path.resolve(cwd, workspace));
  return repositoryRoot(cwd) ?? cwd;
}

function rulesMeta(): ESLint.LintResultData['rulesMeta'] {
  return Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [`${RULE_PREFIX}${name}`, rule.meta as ESLint.LintResultData['rulesMeta'][string]]),
  );
}

/** Writes the report to standard output, or to `--output-file`. */
export function writeReport(report: string, { cwd, stdout, outputFile }: ReportTarget): void {
  if (outputFile === undefined) {
    stdout.write(report);
    return;
  }
  try {
    writeOutputFile(path.resolve(cwd, outputFile), report);
  } catch (error) {
    throw new UsageError(`cannot write ${outputFile}: ${describeSystemError(error)}.`);
  }
}

/**
 * `-o FILE`: the path the user named, so a link there is followed, and the file it reaches is replaced atomically.
 * A device or pipe (`-o /dev/stdout`, a FIFO) is written to as it is: it cannot be truncated, nor replaced.
 */
function writeOutputFile(target: string, report: string): void {
  const reached = fs.statSync(target, { throwIfNoEntry: false });
  if (reached && !reached.isFile() && !reached.isDirectory()) fs.writeFileSync(target, report);
  else writeFileAtomic(reached ? fs.realpathSync(target) : target, report);
}
