import fs from 'node:fs';
import path from 'node:path';
import { excessiveNesting, mayContainFindingIn, MAX_NESTING_DEPTH } from 'eslint-plugin-auth-status/tooling';
import plugin from 'eslint-plugin-auth-status';
import type { ESLint } from 'eslint';
import { describeSystemError, oneLine, UsageError } from './errors';
import { writeFileAtomic } from './files/atomic-write';
import { fingerprintOf, FixWriter, type Fingerprint } from './files/fix-writer';
import { installHook } from './hook';
import type { FixMode, LintOutcome } from './lint/lint-file';
import { LintPool } from './lint/pool';
import { configTimeoutMs, ProjectRules } from './lint/project-config';
import { notLintedResult, resultFor, totalsOf, withoutWarnings, type LintResult } from './lint/result';
import {
  assertValidRules,
  layerRules,
  qualifiedRuleName,
  recommendedRules,
  RULE_PREFIX,
  withSeverities,
  type RulesConfig,
} from './lint/rules-config';
import { HELP, parseOptions, type Options } from './options';
import { paletteFor } from './output/color';
import { FORMATTERS } from './output/index';
import { displayPath } from './output/printable';
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

  const { results, outcomes, tasks, skipped } = await lint(options, cwd, io, note);
  const failedWrites = options.fix ? writeFixes(outcomes, tasks, results, new FixWriter(lintedRoots(options), cwd), note) : 0;
  const reported = options.quiet ? results.map(withoutWarnings) : results;
  writeReport(reported, skipped, options, cwd, io);
  const code = exitCode(reported, outcomes, options, note);
  return failedWrites > 0 ? Math.max(code, 1) : code;
}

/** A linted task: where its result goes in the report, and (when fixing) what its file held when read. */
interface TaskInfo {
  slot: number;
  linted: Fingerprint | undefined;
}

/** While reading files, let the workers' answers in now and then so they are fed without waiting. */
const YIELD_EVERY_FILES = 32;

async function lint(options: Options, cwd: string, io: Io, note: (text: string) => void) {
  const { entries, skippedFolders, skippedFiles } = collectEntries(options, cwd, note);
  const rules = rulesResolver(options, cwd, io.env);
  const fix: FixMode = options.fixStatus ? 'status' : options.fix ? 'safe' : 'none';
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
      if (options.prefilter && !mayContainFindingIn(source.text, entry.filePath)) {
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
      tasks.push({ slot: results.length, linted: fix === 'none' ? undefined : fingerprintOf(source.bytes) });
      results.push(undefined);
      pool.add({ filePath: entry.filePath, text: source.text, rules: await rules.rulesFor(entry.filePath), fix });
    }
  } catch (error) {
    pool.close();
    throw error;
  } finally {
    rules.close();
  }

  const outcomes = await pool.finish();
  progress.end();
  outcomes.forEach((outcome, index) => (results[tasks[index].slot] = outcome.result));
  return { results: results as LintResult[], outcomes, tasks, skipped: { files: skipped, folders: skippedFolders } satisfies Skipped };
}

/** Recommended settings, then the project's settings for our rules, then --rule; each distinct set validated once. */
function rulesResolver(options: Options, cwd: string, env: NodeJS.ProcessEnv) {
  const overrides = options.ruleOverrides.map(({ name, severity }) => ({ name: qualifiedRuleName(name), severity }));
  const project = options.projectConfig ? new ProjectRules(cwd, options.configFile, configTimeoutMs(env)) : undefined;
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

/**
 * Writes each fixed file (see `FixWriter` for when a fix is kept back). A fix that is not written is reported as
 * the file was read, with a note saying why. Returns how many writes the system refused.
 */
function writeFixes(
  outcomes: readonly LintOutcome[],
  tasks: readonly TaskInfo[],
  results: LintResult[],
  writer: FixWriter,
  note: (text: string) => void,
): number {
  let failed = 0;
  outcomes.forEach(({ result, fixRefused, unfixed }, index) => {
    if (fixRefused) note(`did not fix ${result.filePath}: the fixed code would not parse; please report it.`);
    const { slot, linted } = tasks[index];
    if (result.output === undefined || linted === undefined || unfixed === undefined) return;
    const notWritten = writer.write(result.filePath, linted, result.output);
    if (notWritten === undefined) return;
    note(notWritten.note);
    if (notWritten.failed) failed++;
    results[slot] = unfixed;
  });
  for (const notFlushed of writer.finish()) {
    note(notFlushed.note);
    failed++;
  }
  return failed;
}

function rulesMeta(): ESLint.LintResultData['rulesMeta'] {
  return Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [`${RULE_PREFIX}${name}`, rule.meta as ESLint.LintResultData['rulesMeta'][string]]),
  );
}

function writeReport(results: readonly LintResult[], skipped: Skipped, options: Options, cwd: string, io: Io): void {
  const destination = options.outputFile === undefined ? io.stdout : undefined;
  const palette = paletteFor(destination, io.env);
  const report = FORMATTERS[options.format](results, { cwd, rulesMeta: rulesMeta(), palette, skipped });
  if (options.outputFile === undefined) {
    io.stdout.write(report);
    return;
  }
  try {
    writeOutputFile(path.resolve(cwd, options.outputFile), report);
  } catch (error) {
    throw new UsageError(`cannot write ${options.outputFile}: ${describeSystemError(error)}.`);
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
