import fs from 'node:fs';
import path from 'node:path';
import { excessiveNesting, mayContainFinding, mayImportMeaningfulModule, MAX_NESTING_DEPTH } from 'eslint-plugin-auth-status/tooling';
import { applySuppressions, suppressionsFor } from './adopt/apply-suppressions';
import { oneLine, UsageError } from './errors';
import { LintCache, type CacheKey } from './files/cache';
import { fingerprintOf, FixWriter, type Fingerprint } from './files/fix-writer';
import { installHook } from './hook';
import type { FixMode, LintOutcome } from './lint/lint-file';
import { LintPool } from './lint/pool';
import { configTimeoutMs, ProjectRules } from './lint/project-config';
import { notLintedResult, resultFor, totalsOf, withoutWarnings, type LintResult } from './lint/result';
import { assertValidRules, layerRules, qualifiedRuleName, recommendedRules, withSeverities, type RulesConfig } from './lint/rules-config';
import { HELP, parseOptions, type Options } from './options';
import { fixSummary } from './output/fix-summary';
import { displayPath } from './output/printable';
import { printedConfig } from './output/print-config';
import { reportFor, writeReport, type ReportTarget } from './output/report';
import type { Skipped } from './output/format';
import { progressOn } from './output/progress';
import { collectEntries } from './targets/collect';
import { isRevision } from './targets/git';
import { TOOL_NAME, TOOL_VERSION } from './version';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Runs the CLI and returns its exit code: 0 no errors, 1 errors (or too many warnings), 2 usage or internal error. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const note = (text: string) => io.stderr.write(`${TOOL_NAME}: ${text}\n`);
  try {
    return await run(argv, io, note);
  } catch (error) {
    if (error instanceof UsageError) {
      note(oneLine(error.message));
    } else {
      const reason = oneLine(error instanceof Error ? error.message : String(error));
      note(`internal error: ${reason}; please report it with the command you ran.`);
    }
    return 2;
  }
}

async function run(argv: readonly string[], io: Io, note: (text: string) => void): Promise<number> {
  const cwd = fs.realpathSync(io.cwd);
  const options = parseOptions(argv, (text) => isRevision(cwd, text));
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (options.installHook) {
    note(`wrote ${installHook(cwd, options.force)}; commits now run auth-status-lint --staged.`);
    return 0;
  }
  if (options.printConfig !== undefined) {
    const rules = rulesResolver(options, cwd, io.env, note);
    try {
      io.stdout.write(printedConfig(await rules.rulesFor(path.resolve(cwd, options.printConfig))));
    } finally {
      rules.close();
    }
    return 0;
  }

  // Both can stop the run with a usage error: before linting, not after.
  const report = await reportFor(options.format, cwd);
  const suppressions = suppressionsFor(options, cwd);
  const { results, outcomes, tasks, skipped, stdin } = await lint(options, cwd, io, note);
  const stdinFix = options.fix && options.source.kind === 'stdin';
  let failedWrites = 0;
  if (stdinFix) {
    // Like an editor's formatter: the fixed text (or the text unchanged) on stdout, and no file written.
    io.stdout.write(results[0]?.output ?? stdin ?? '');
  } else if (options.fix || options.fixDryRun) {
    const fixed = options.fix ? writeFixes(outcomes, tasks, results, new FixWriter(lintedRoots(options), cwd), note) : dryRunFixes(outcomes);
    failedWrites = fixed.failed;
    note(fixSummary(fixed.changes, options.fixDryRun));
  }

  const suppressed = applySuppressions(suppressions, results, options);
  const reported = options.quiet ? suppressed.results.map(withoutWarnings) : suppressed.results;
  const target: ReportTarget = { cwd, env: io.env, stdout: io.stdout, outputFile: options.outputFile };
  const text = await report(reported, skipped, target);
  if (!stdinFix || options.outputFile !== undefined) writeReport(text, target);
  const code = exitCode(reported, outcomes, options, note);
  if (suppressed.unusedCount > 0 && !options.passOnUnprunedSuppressions) {
    note(
      `${suppressed.unusedCount} suppression(s) in ${path.relative(cwd, suppressions!.filePath) || suppressions!.filePath} no longer occur; ` +
        'run with --prune-suppressions to remove them, or --pass-on-unpruned-suppressions to ignore them.',
    );
    return Math.max(code, 2);
  }
  return failedWrites > 0 ? Math.max(code, 1) : code;
}

/** A linted task: where its result goes in the report, and (when fixing) what its file held when read. */
interface TaskInfo {
  slot: number;
  linted: Fingerprint | undefined;
  /** With --cache: what the task's messages are cached under. */
  cacheKey: CacheKey | undefined;
}

/** While reading files, let the workers' answers in now and then so they are fed without waiting. */
const YIELD_EVERY_FILES = 32;

async function lint(options: Options, cwd: string, io: Io, note: (text: string) => void) {
  const { entries, skippedFolders, skippedFiles, stdin } = collectEntries(options, cwd, note);
  const rules = rulesResolver(options, cwd, io.env, note);
  const fixing = options.fix || options.fixDryRun;
  const fix: FixMode = fixing && options.fixStatus ? 'status' : fixing ? 'safe' : 'none';
  // Only messages are cached: a fixing run, or text from stdin, is linted afresh.
  const cache = options.cache && fix === 'none' && options.source.kind !== 'stdin' ? new LintCache(cwd, options.cacheLocation, note) : undefined;
  const results: (LintResult | undefined)[] = [];
  const tasks: TaskInfo[] = [];
  const progress = progressOn(io.stderr, entries.length);
  /** Files settled without the pool: skipped, ruled out by the prefilter, or too deeply nested to parse. */
  let settled = 0;
  let skipped = skippedFiles;
  const pool = new LintPool(options.concurrency, (done) => progress.update(settled + done));

  try {
    for (const [index, entry] of entries.entries()) {
      if (index % YIELD_EVERY_FILES === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const source = entry.read();
      const shownName = () => displayPath(cwd, entry.filePath);
      if (source.kind === 'unusable') {
        note(`skipped ${shownName()}: ${source.reason}.`);
        skipped++;
        settled++;
        continue;
      }
      if (source.kind === 'generated') {
        if (entry.explicit) note(`skipped ${shownName()}: ${source.reason} (--no-default-ignores lints it).`);
        skipped++;
        settled++;
        continue;
      }
      // A file whose own text cannot lead to a finding may still throw what an import defines; whether that import
      // defines a status is resolved where it is linted, so this thread never loads TypeScript to resolve it.
      const onlyIfImportsMatter = options.prefilter && !mayContainFinding(source.text);
      if (onlyIfImportsMatter && !mayImportMeaningfulModule(source.text, entry.filePath)) {
        results.push(resultFor(entry.filePath, []));
        settled++;
        continue;
      }
      const tooDeep = excessiveNesting(source.text);
      if (tooDeep) {
        results.push(notLintedResult(entry.filePath, source.text, tooDeep.offset, `nesting deeper than ${MAX_NESTING_DEPTH} levels; not linted`));
        settled++;
        continue;
      }
      const fileRules = await rules.rulesFor(entry.filePath);
      // The verdict on its imports depends on other files: not cached.
      const cacheKey = cache && !onlyIfImportsMatter ? LintCache.keyOf(source.bytes, fileRules) : undefined;
      const cached = cacheKey && cache!.get(entry.filePath, cacheKey);
      if (cached) {
        results.push(resultFor(entry.filePath, cached, source.text));
        settled++;
        continue;
      }
      tasks.push({ slot: results.length, linted: fix === 'none' ? undefined : fingerprintOf(source.bytes), cacheKey });
      results.push(undefined);
      pool.add({ filePath: entry.filePath, text: source.text, rules: fileRules, fix, onlyIfImportsMatter });
    }
  } catch (error) {
    pool.close();
    throw error;
  } finally {
    rules.close();
  }

  const outcomes = await pool.finish();
  progress.end();
  outcomes.forEach((outcome, index) => {
    const { slot, cacheKey } = tasks[index];
    results[slot] = outcome.result;
    if (cacheKey && outcome.internalError === undefined) cache!.set(outcome.result.filePath, cacheKey, outcome.result.messages);
  });
  cache?.save();
  return {
    results: results as LintResult[],
    outcomes,
    tasks,
    skipped: { files: skipped, folders: skippedFolders } satisfies Skipped,
    stdin,
  };
}

/** Recommended settings, then the project's settings for our rules, then --rule; each distinct set validated once. */
function rulesResolver(options: Options, cwd: string, env: NodeJS.ProcessEnv, note: (text: string) => void) {
  const overrides = options.ruleOverrides.map(({ name, severity }) => ({ name: qualifiedRuleName(name), severity }));
  const project = options.projectConfig ? new ProjectRules(cwd, options.configFile, configTimeoutMs(env), note) : undefined;
  const validated = new Set<string>();
  return {
    async rulesFor(filePath: string): Promise<RulesConfig> {
      const projectRules = project ? await project.rulesFor(filePath) : {};
      const rules = withSeverities(layerRules(recommendedRules(), projectRules), overrides);
      const key = JSON.stringify(rules);
      if (!validated.has(key)) {
        const origin = Object.keys(projectRules).length > 0 ? `in ${options.configFile ?? 'the project\'s ESLint config'}` : 'given with --rule';
        assertValidRules(rules, origin);
        validated.add(key);
      }
      return rules;
    },
    /** Stops the project config's loader (and any timer the config left running). */
    close: () => project?.close(),
  };
}

/** The paths the user asked to lint; for files git lists, the current folder. Fixes are written only under these. */
function lintedRoots(options: Options): string[] {
  return options.paths.length > 0 ? options.paths : ['.'];
}

/** Fixed files: each one's result as read and as fixed; `failed`: writes the system refused. */
interface FixedFiles {
  changes: { before: LintResult; after: LintResult }[];
  failed: number;
}

/**
 * Writes each fixed file (see `FixWriter` for when a fix is kept back). A fix that is not written is reported as
 * the file was read, with a note saying why.
 */
function writeFixes(
  outcomes: readonly LintOutcome[],
  tasks: readonly TaskInfo[],
  results: LintResult[],
  writer: FixWriter,
  note: (text: string) => void,
): FixedFiles {
  const fixed: FixedFiles = { changes: [], failed: 0 };
  outcomes.forEach(({ result, fixRefused, unfixed }, index) => {
    if (fixRefused) note(`did not fix ${result.filePath}: the fixed code would not parse; please report it.`);
    const { slot, linted } = tasks[index];
    if (result.output === undefined || linted === undefined || unfixed === undefined) return;
    const notWritten = writer.write(result.filePath, linted, result.output);
    if (notWritten === undefined) {
      fixed.changes.push({ before: unfixed, after: result });
      return;
    }
    note(notWritten.note);
    if (notWritten.failed) fixed.failed++;
    results[slot] = unfixed;
  });
  for (const notFlushed of writer.finish()) {
    note(notFlushed.note);
    fixed.failed++;
  }
  return fixed;
}

/** --fix-dry-run: what --fix would change; the results keep the fixed text as `output`, as ESLint's do. */
function dryRunFixes(outcomes: readonly LintOutcome[]): FixedFiles {
  const changes = outcomes.flatMap(({ result, unfixed }) => (result.output !== undefined && unfixed ? [{ before: unfixed, after: result }] : []));
  return { changes, failed: 0 };
}

function exitCode(results: readonly LintResult[], outcomes: readonly LintOutcome[], options: Options, note: (text: string) => void): number {
  const failed = outcomes.filter((outcome) => outcome.internalError !== undefined);
  if (failed.length > 0) {
    note(`internal error on ${failed.length} file(s), first ${failed[0].result.filePath}: ${failed[0].internalError}; please report it.`);
    return 2;
  }
  const totals = totalsOf(results);
  if (totals.errors > 0) return 1;
  if (options.maxWarnings !== undefined && totals.warnings > options.maxWarnings) {
    note(`${totals.warnings} warnings, more than --max-warnings ${options.maxWarnings} allows; fix some or raise the limit.`);
    return 1;
  }
  return 0;
}
