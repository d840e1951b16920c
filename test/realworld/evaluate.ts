/**
 * Scores the rules on the real-world benchmark: every labelled file is read from its snapshot and linted once; reports
 * are matched to labels with the corpus scorer (test/accuracy/score.ts), and each fix is checked before and after.
 */
import type { Finding } from '../accuracy/lint';
import { compare, tallyBy, totalOf, type Outcome, type Tally } from '../accuracy/score';
import type { Benchmark, Fix, Label, RepoKind } from './data';
import { fileKey, lintSnapshotFiles, type SnapshotFile } from './lint';
import { findGitDir, Snapshot } from './snapshots';

/** Narrows the run: only these rules, frameworks or repositories (empty = all). */
export interface Filter {
  readonly rules: readonly string[];
  readonly frameworks: readonly string[];
  readonly repos: readonly string[];
}

export const NO_FILTER: Filter = { rules: [], frameworks: [], repos: [] };

export type FixVerdict = 'yes' | 'no' | 'unavailable';

export interface FixResult {
  readonly fix: Fix;
  /** The rule reported the site in the parent. */
  readonly detected: FixVerdict;
  /** The rule is silent at the same site after the fix. */
  readonly cleanAfter: FixVerdict;
  /** Why a verdict is unavailable (missing snapshot, commit or file; a file that does not parse). */
  readonly note?: string;
}

export interface LabelScores {
  readonly outcome: Outcome;
  readonly total: Tally;
  readonly byRule: Map<string, Tally>;
  readonly byFramework: Map<string, Tally>;
  readonly byKind: Map<string, Tally>;
  readonly byRepo: Map<string, Tally>;
}

export interface RunResult {
  readonly scores: LabelScores;
  readonly fixes: readonly FixResult[];
  /** Repositories whose snapshot is not in the folder. */
  readonly missingSnapshots: readonly string[];
  /** `repo@commit:path` that a present snapshot does not hold (older snapshot, shallow history, moved file). */
  readonly missingFiles: readonly string[];
  readonly notLinted: readonly string[];
  /** Test files, left out as the CLI's defaults and the recommended config leave them: their labels must be silent. */
  readonly testFiles: readonly string[];
  readonly failures: ReadonlyMap<string, string>;
  /** The label (if any) of each judged line, to print its `why` beside a false alarm or a miss. */
  readonly labelsByLine: ReadonlyMap<string, readonly Label[]>;
  readonly fileCount: number;
  readonly lintMs: number;
}

const lineKey = (file: string, line: number) => `${file}\0${line}`;
const labelFile = (label: Label) => fileKey(label.repo, label.commit, label.path);

function matches(filter: Filter, repo: string, framework: string): boolean {
  return (
    (filter.repos.length === 0 || filter.repos.some((name) => name.toLowerCase() === repo.toLowerCase())) &&
    (filter.frameworks.length === 0 || filter.frameworks.includes(framework))
  );
}

/** Reads each needed file once per repository snapshot; records what is missing. */
class FileSource {
  readonly missingSnapshots = new Set<string>();
  readonly missingFiles = new Set<string>();
  private readonly snapshots = new Map<string, Snapshot | undefined>();
  private readonly files = new Map<string, SnapshotFile | undefined>();

  constructor(private readonly dir: string) {}

  get(repo: string, commit: string, filePath: string): SnapshotFile | undefined {
    const key = fileKey(repo, commit, filePath);
    if (this.files.has(key)) return this.files.get(key);
    let snapshot = this.snapshots.get(repo);
    if (!this.snapshots.has(repo)) {
      const gitDir = findGitDir(this.dir, repo);
      snapshot = gitDir === undefined ? undefined : new Snapshot(gitDir);
      this.snapshots.set(repo, snapshot);
    }
    let file: SnapshotFile | undefined;
    if (snapshot === undefined) this.missingSnapshots.add(repo);
    else {
      const text = snapshot.read(commit, filePath);
      if (text === undefined) this.missingFiles.add(key);
      else file = { repo, commit, path: filePath, text, gitDir: snapshot.gitDir };
    }
    this.files.set(key, file);
    return file;
  }

  all(): SnapshotFile[] {
    return [...this.files.values()].filter((file): file is SnapshotFile => file !== undefined);
  }
}

function scoreLabels(
  labels: readonly Label[],
  reported: readonly Finding[],
  rules: readonly string[],
  kindOf: (repo: string) => RepoKind | 'unknown',
  labelsByLine: ReadonlyMap<string, readonly Label[]>,
): LabelScores {
  const expected = labels
    .filter((label) => label.rule !== null && rules.includes(label.rule))
    .map((label) => ({ file: labelFile(label), line: label.line, rule: label.rule as string }));
  const files = new Set(labels.map(labelFile));
  const inScope = reported.filter((finding) => files.has(finding.file) && rules.includes(finding.rule));
  // A report on a line nobody labelled is neither right nor wrong yet: it is listed as unjudged (the `ignored` group).
  const outcome = compare(expected, inScope, (file, line) => !labelsByLine.has(lineKey(file, line)));
  const firstLabel = (finding: Finding) => labelsByLine.get(lineKey(finding.file, finding.line))?.[0];
  const repoOf = (finding: Finding) => finding.file.slice(0, finding.file.indexOf('@'));
  return {
    outcome,
    total: totalOf(outcome),
    byRule: tallyBy(outcome, (finding) => finding.rule, rules),
    byFramework: tallyBy(outcome, (finding) => firstLabel(finding)?.framework ?? 'unknown'),
    byKind: tallyBy(outcome, (finding) => kindOf(repoOf(finding)), ['production', 'tutorial']),
    byRepo: tallyBy(outcome, repoOf),
  };
}

function judgeFix(fix: Fix, source: FileSource, reported: ReadonlySet<string>, unscorable: ReadonlyMap<string, string>): FixResult {
  const before = source.get(fix.repo, fix.parent, fix.path);
  const after = source.get(fix.repo, fix.commit, fix.pathAfter);
  const beforeKey = fileKey(fix.repo, fix.parent, fix.path);
  const afterKey = fileKey(fix.repo, fix.commit, fix.pathAfter);
  const verdict = (file: SnapshotFile | undefined, key: string, line: number, wantReport: boolean): FixVerdict => {
    if (file === undefined || unscorable.has(key)) return 'unavailable';
    return reported.has(`${lineKey(key, line)}\0${fix.rule}`) === wantReport ? 'yes' : 'no';
  };
  const notes = [beforeKey, afterKey].flatMap((key) => {
    if (source.missingSnapshots.has(fix.repo)) return [`no snapshot of ${fix.repo}`];
    if (source.missingFiles.has(key)) return [`${key} is not in the snapshot`];
    const problem = unscorable.get(key);
    return problem === undefined ? [] : [`${key}: ${problem}`];
  });
  return {
    fix,
    detected: verdict(before, beforeKey, fix.line, true),
    cleanAfter: verdict(after, afterKey, fix.lineAfter, false),
    ...(notes.length > 0 ? { note: [...new Set(notes)].join('; ') } : {}),
  };
}

/** Lints every labelled file and every fix's two file versions in one process, then scores them. */
export function runBenchmark(benchmark: Benchmark, snapshotsDir: string, pluginRules: readonly string[], filter: Filter = NO_FILTER): RunResult {
  const rules = pluginRules.filter((rule) => filter.rules.length === 0 || filter.rules.includes(rule));
  const labels = benchmark.labels.filter((label) => matches(filter, label.repo, label.framework));
  const fixes = benchmark.fixes.filter(
    (fix) => matches(filter, fix.repo, fix.framework) && (filter.rules.length === 0 || filter.rules.includes(fix.rule)),
  );

  const source = new FileSource(snapshotsDir);
  for (const label of labels) source.get(label.repo, label.commit, label.path);
  for (const fix of fixes) {
    source.get(fix.repo, fix.parent, fix.path);
    source.get(fix.repo, fix.commit, fix.pathAfter);
  }

  const started = performance.now();
  const linted = lintSnapshotFiles(source.all());
  const lintMs = performance.now() - started;

  const notLinted = new Set(linted.notLinted);
  const present = labels.filter((label) => {
    const key = labelFile(label);
    return !source.missingSnapshots.has(label.repo) && !source.missingFiles.has(key) && !notLinted.has(key);
  });
  const labelsByLine = new Map<string, Label[]>();
  for (const label of present) {
    const key = lineKey(labelFile(label), label.line);
    labelsByLine.set(key, [...(labelsByLine.get(key) ?? []), label]);
  }
  const kinds = new Map(benchmark.repos.map((repo) => [repo.repo.toLowerCase(), repo.kind]));
  const scores = scoreLabels(present, linted.findings, rules, (repo) => kinds.get(repo.toLowerCase()) ?? 'unknown', labelsByLine);

  const reportedKeys = new Set(linted.findings.map((finding) => `${lineKey(finding.file, finding.line)}\0${finding.rule}`));
  const unscorable = new Map<string, string>([...linted.failures, ...linted.notLinted.map((key): [string, string] => [key, 'not a file the CLI lints'])]);
  return {
    scores,
    fixes: fixes.map((fix) => judgeFix(fix, source, reportedKeys, unscorable)),
    missingSnapshots: [...source.missingSnapshots].sort(),
    missingFiles: [...source.missingFiles].sort(),
    notLinted: linted.notLinted,
    testFiles: linted.testFiles,
    failures: linted.failures,
    labelsByLine,
    fileCount: source.all().length,
    lintMs,
  };
}

export function labelsAt(result: RunResult, finding: Finding): readonly Label[] {
  return result.labelsByLine.get(lineKey(finding.file, finding.line)) ?? [];
}
