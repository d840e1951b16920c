/**
 * The real-world benchmark's data: labels.json (lines of public repositories, judged by semantics.md), repos.json
 * (one entry per repository: pinned commit, production or tutorial) and fixes.json (real fix commits). No public code
 * lives here: only coordinates and our own sentences. This module reads and validates the three files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_FRAMEWORKS } from '../accuracy/frameworks';
import { isLabelledRule, type LabelledRule } from '../accuracy/rules';

export const REALWORLD_DIR = __dirname;
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** One judged line: `rule` is the rule that must report it, or null when the line must stay silent. */
export interface Label {
  readonly repo: string;
  readonly commit: string;
  readonly path: string;
  readonly line: number;
  readonly rule: LabelledRule | null;
  readonly framework: string;
  readonly why: string;
}

export type RepoKind = 'production' | 'tutorial';

export interface RepoEntry {
  readonly repo: string;
  readonly commit: string;
  readonly kind: RepoKind;
  readonly frameworks: readonly string[];
}

/** A maintainer's fix: the site at `line` of `path` in `parent`, and the same site at `lineAfter` of `pathAfter` in `commit`. */
export interface Fix {
  readonly repo: string;
  readonly commit: string;
  readonly parent: string;
  readonly path: string;
  readonly line: number;
  readonly pathAfter: string;
  readonly lineAfter: number;
  readonly rule: LabelledRule;
  readonly framework: string;
  readonly why: string;
}

export interface Benchmark {
  readonly labels: readonly Label[];
  readonly repos: readonly RepoEntry[];
  readonly fixes: readonly Fix[];
}

/** The minimums (issue 13). Printed, never enforced by the mocha test. */
export const MINIMUMS = {
  labelRepos: 80,
  labelledLines: 500,
  silentLines: 200,
  fixCommits: 40,
  fixRepos: 20,
} as const;

const COMMIT = /^[0-9a-f]{40}$/;
const REPO_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9._-]+$/;

export function readJsonArray(file: string): unknown[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array`);
  return parsed;
}

/** Reads labels.json, repos.json and fixes.json from a folder (default: test/realworld). Shapes are checked by `validate`. */
export function loadBenchmark(dir = REALWORLD_DIR): Benchmark {
  return {
    labels: readJsonArray(path.join(dir, 'labels.json')) as Label[],
    repos: readJsonArray(path.join(dir, 'repos.json')) as RepoEntry[],
    fixes: readJsonArray(path.join(dir, 'fixes.json')) as Fix[],
  };
}

/**
 * Code-looking text in a `why`. A backtick span of more than three words is code quoted from somewhere; outside
 * backticks, a run of tokens glued together by code punctuation (calls, braces, arrows, semicolons, assignments)
 * with more than `MAX_CODE_WORDS` words (names, numbers, strings) is a copied statement. Short references such as a
 * status, a method name or a call like res.status(403) are fine.
 */
export const MAX_CODE_WORDS = 5;
const WORD = /^(?:[A-Za-z_$\d'"])/;
const TOKEN = /=>|[=!]==?|&&|\|\||[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|'[^']*'|"[^"]*"|[(){}[\];.=<>+*/?:,!-]/g;
const GLUE = new Set(['(', ')', '{', '}', '[', ']', ';', '.', '=', '=>', '==', '===', '!=', '!==', '&&', '||', '!', ':', ',', '<', '>', '+', '?']);
const STRONG = new Set(['(', ')', '{', '}', '[', ']', ';', '=>', '=', '===', '!==', '&&', '||']);

export function codeInWhy(why: string): string | undefined {
  for (const span of why.matchAll(/`([^`]*)`/g)) {
    const words = (span[1] ?? '').match(/[\w$]+/g) ?? [];
    if (words.length > 3) return `backtick-quoted code "${span[1]}"`;
  }
  const tokens = [...why.matchAll(TOKEN)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
  let runStart = 0;
  let depth = 0;
  const check = (from: number, to: number): string | undefined => {
    const run = tokens.slice(from, to);
    const strong = run.filter((token) => STRONG.has(token.text)).length;
    const words = run.filter((token) => WORD.test(token.text)).length;
    if (words > MAX_CODE_WORDS && strong >= 2) return `code-like text "${why.slice(run[0]?.start, run.at(-1)?.end)}"`;
    return undefined;
  };
  for (let index = 1; index <= tokens.length; index += 1) {
    const previous = tokens[index - 1];
    const current = tokens[index];
    if (previous?.text === '(' || previous?.text === '{' || previous?.text === '[') depth += 1;
    if (previous?.text === ')' || previous?.text === '}' || previous?.text === ']') depth = Math.max(0, depth - 1);
    // Two tokens belong to one run when nothing separates them, or when punctuation joins them (`a.b`, `f (x)`, `x = 1`).
    const joined =
      previous !== undefined &&
      current !== undefined &&
      (current.start === previous.end || GLUE.has(previous.text) || GLUE.has(current.text)) &&
      // An English sentence break (". Then", ", and") ends a run; inside brackets a comma separates arguments.
      !((previous.text === '.' || (previous.text === ',' && depth === 0)) && current.start > previous.end && /^[A-Za-z]/.test(current.text) && !STRONG.has(current.text));
    if (!joined) {
      const found = check(runStart, index);
      if (found) return found;
      runStart = index;
      depth = 0;
    }
  }
  return undefined;
}

const lineKey = (label: Label) => `${label.repo}\0${label.commit}\0${label.path}\0${label.line}`;

function describe(index: number, entry: unknown, file: string): string {
  const record = entry as Partial<Label> | undefined;
  const where = record && typeof record.repo === 'string' ? ` ${record.repo}:${String(record.path)}:${String(record.line)}` : '';
  return `${file}[${index}]${where}`;
}

function checkCommon(record: Record<string, unknown>, where: string, problems: string[]): void {
  if (typeof record.repo !== 'string' || !REPO_NAME.test(record.repo)) problems.push(`${where}: repo must be "owner/name"`);
  if (typeof record.commit !== 'string' || !COMMIT.test(record.commit)) problems.push(`${where}: commit must be 40 lower-case hex digits`);
  if (typeof record.path !== 'string' || record.path === '' || record.path.startsWith('/')) problems.push(`${where}: path must be relative`);
  if (!Number.isInteger(record.line) || (record.line as number) < 1) problems.push(`${where}: line must be an integer ≥ 1`);
  if (typeof record.framework !== 'string' || record.framework === '') problems.push(`${where}: framework is missing`);
  if (typeof record.why !== 'string' || record.why.trim().length < 10) problems.push(`${where}: why must be a sentence`);
  else {
    const code = codeInWhy(record.why);
    if (code) problems.push(`${where}: why contains ${code}; say it in your own words`);
  }
}

function checkDuplicates<T>(entries: readonly T[], keyOf: (entry: T) => string, file: string, problems: string[]): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = keyOf(entry);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else problems.push(`${describe(index, entry, file)}: duplicates entry ${first}`);
  });
}

/** Runs `check` on each entry that is an object; the others are reported. */
function checkEach(
  entries: readonly unknown[],
  file: string,
  problems: string[],
  check: (record: Record<string, unknown>, where: string) => void,
): void {
  entries.forEach((entry, index) => {
    const where = file === 'repos.json' ? `${file}[${index}]` : describe(index, entry, file);
    if (typeof entry !== 'object' || entry === null) problems.push(`${where}: not an object`);
    else check(entry as Record<string, unknown>, where);
  });
}

export function validateLabels(labels: readonly unknown[]): string[] {
  const problems: string[] = [];
  checkEach(labels, 'labels.json', problems, (record, where) => {
    checkCommon(record, where, problems);
    if (record.rule !== null && !(typeof record.rule === 'string' && isLabelledRule(record.rule))) {
      problems.push(`${where}: rule must be a known rule id or null, not ${JSON.stringify(record.rule)}`);
    }
  });
  const typed = labels as readonly Label[];
  checkDuplicates(typed, (label) => `${label.repo}\0${label.commit}\0${label.path}\0${label.line}\0${String(label.rule)}`, 'labels.json', problems);
  // A line is either silent or reported by some rules, never both.
  const silent = new Set(typed.filter((label) => label.rule === null).map(lineKey));
  const conflicts = new Set<string>();
  typed.forEach((label, index) => {
    const key = lineKey(label);
    if (label.rule !== null && silent.has(key) && !conflicts.has(key)) {
      conflicts.add(key);
      problems.push(`${describe(index, label, 'labels.json')}: the same line is also labelled silent (rule null)`);
    }
  });
  return problems;
}

export function validateRepos(repos: readonly unknown[], labels: readonly Label[]): string[] {
  const problems: string[] = [];
  checkEach(repos, 'repos.json', problems, (record, where) => {
    if (typeof record.repo !== 'string' || !REPO_NAME.test(record.repo)) problems.push(`${where}: repo must be "owner/name"`);
    if (typeof record.commit !== 'string' || !COMMIT.test(record.commit)) problems.push(`${where}: commit must be 40 lower-case hex digits`);
    if (record.kind !== 'production' && record.kind !== 'tutorial') problems.push(`${where}: kind must be production or tutorial`);
    if (!Array.isArray(record.frameworks) || record.frameworks.some((name) => typeof name !== 'string')) {
      problems.push(`${where}: frameworks must be an array of names`);
    }
  });
  const typed = repos as readonly RepoEntry[];
  checkDuplicates(typed, (repo) => repo.repo.toLowerCase(), 'repos.json', problems);
  const known = new Set(typed.map((repo) => repo.repo.toLowerCase()));
  for (const repo of new Set(labels.map((label) => label.repo))) {
    if (!known.has(repo.toLowerCase())) problems.push(`repos.json: no entry for labelled repository ${repo}`);
  }
  return problems;
}

export function validateFixes(fixes: readonly unknown[]): string[] {
  const problems: string[] = [];
  checkEach(fixes, 'fixes.json', problems, (record, where) => {
    checkCommon(record, where, problems);
    if (typeof record.parent !== 'string' || !COMMIT.test(record.parent)) problems.push(`${where}: parent must be 40 lower-case hex digits`);
    else if (record.parent === record.commit) problems.push(`${where}: parent and commit are the same`);
    if (typeof record.pathAfter !== 'string' || record.pathAfter === '' || record.pathAfter.startsWith('/')) {
      problems.push(`${where}: pathAfter must be relative`);
    }
    if (!Number.isInteger(record.lineAfter) || (record.lineAfter as number) < 1) problems.push(`${where}: lineAfter must be an integer ≥ 1`);
    if (!(typeof record.rule === 'string' && isLabelledRule(record.rule))) problems.push(`${where}: rule must be a known rule id`);
  });
  checkDuplicates(fixes as readonly Fix[], (fix) => `${fix.repo}\0${fix.commit}\0${fix.path}\0${fix.line}\0${fix.rule}`, 'fixes.json', problems);
  return problems;
}

/** Repositories of the held-out list that the benchmark names anywhere. */
export function heldOutUsed(benchmark: Benchmark, heldOut: ReadonlySet<string>): string[] {
  const names = [...benchmark.labels, ...benchmark.repos, ...benchmark.fixes].map((entry) => entry.repo);
  return [...new Set(names.filter((name) => typeof name === 'string' && heldOut.has(name.toLowerCase())))].sort();
}

export function parseHeldOut(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

/**
 * `../shared/eval/held-out-repos.txt` next to the repository; from a git worktree, next to the main checkout.
 * Undefined when neither exists (a clone outside the team's workplace).
 */
export function heldOutFile(root = REPO_ROOT): string | undefined {
  const candidates = [path.resolve(root, '..', 'shared', 'eval', 'held-out-repos.txt')];
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: root, encoding: 'utf8' }).trim();
    candidates.push(path.resolve(path.dirname(common), '..', 'shared', 'eval', 'held-out-repos.txt'));
  } catch {
    // Not a git checkout: only the first candidate applies.
  }
  return candidates.find((candidate) => existsSync(candidate));
}

export function validate(benchmark: Benchmark, heldOut?: ReadonlySet<string>): string[] {
  const problems = [
    ...validateLabels(benchmark.labels),
    ...validateRepos(benchmark.repos, benchmark.labels),
    ...validateFixes(benchmark.fixes),
  ];
  if (heldOut) {
    for (const repo of heldOutUsed(benchmark, heldOut)) problems.push(`${repo} is on the held-out list: remove every entry that names it`);
  }
  return problems;
}

export interface Counts {
  readonly labelRepos: number;
  readonly labelledLines: number;
  readonly silentLines: number;
  readonly reportedLines: number;
  readonly productionRepos: number;
  readonly tutorialRepos: number;
  /** Supported framework families (test/accuracy/frameworks.ts) without a single label. */
  readonly frameworksWithoutLabels: readonly string[];
  readonly fixCommits: number;
  readonly fixRepos: number;
  readonly fixSites: number;
}

export function countBenchmark(benchmark: Benchmark): Counts {
  const labelled = new Set(benchmark.labels.map(lineKey));
  const silent = new Set(benchmark.labels.filter((label) => label.rule === null).map(lineKey));
  const labelRepos = new Set(benchmark.labels.map((label) => label.repo.toLowerCase()));
  const kinds = benchmark.repos.filter((repo) => labelRepos.has(repo.repo.toLowerCase()));
  const frameworks = new Set(benchmark.labels.map((label) => label.framework));
  return {
    labelRepos: labelRepos.size,
    labelledLines: labelled.size,
    silentLines: silent.size,
    reportedLines: labelled.size - silent.size,
    productionRepos: kinds.filter((repo) => repo.kind === 'production').length,
    tutorialRepos: kinds.filter((repo) => repo.kind === 'tutorial').length,
    frameworksWithoutLabels: CORPUS_FRAMEWORKS.filter((framework) => !frameworks.has(framework)),
    fixCommits: new Set(benchmark.fixes.map((fix) => `${fix.repo}\0${fix.commit}`)).size,
    fixRepos: new Set(benchmark.fixes.map((fix) => fix.repo.toLowerCase())).size,
    fixSites: benchmark.fixes.length,
  };
}

/** One line per minimum of the issue, each marked met or short. */
export function formatCounts(counts: Counts): string {
  const row = (name: string, value: number, minimum: number) => `  ${value >= minimum ? 'ok   ' : 'SHORT'} ${name}: ${value} (minimum ${minimum})`;
  return [
    'Benchmark size against the issue\'s minimums:',
    row('labelled repositories', counts.labelRepos, MINIMUMS.labelRepos),
    row('labelled lines', counts.labelledLines, MINIMUMS.labelledLines),
    row('silent lines (rule null)', counts.silentLines, MINIMUMS.silentLines),
    row('production repositories (half of the labelled ones)', counts.productionRepos, Math.ceil(counts.labelRepos / 2)),
    `  ${counts.frameworksWithoutLabels.length === 0 ? 'ok   ' : 'SHORT'} framework families without labels: ${counts.frameworksWithoutLabels.join(', ') || 'none'}`,
    row('fix commits', counts.fixCommits, MINIMUMS.fixCommits),
    row('repositories with fixes', counts.fixRepos, MINIMUMS.fixRepos),
    `  (${counts.reportedLines} lines a rule must report, ${counts.tutorialRepos} tutorial repositories, ${counts.fixSites} fix sites)`,
  ].join('\n');
}
