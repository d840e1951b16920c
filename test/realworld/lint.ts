/**
 * Lints snapshot files the way `auth-status-lint` does with no configuration: the CLI's own FileLinter (same parser
 * per extension, same dialect fallbacks) and the plugin's recommended rules. Each file is linted inside its
 * repository's source tree at its commit (the JavaScript/TypeScript sources, package.json and tsconfig/jsconfig
 * files, extracted once per repository and commit into a temporary folder), so imports resolve as they do in the
 * repository; the folder is removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isTestFile } from 'eslint-plugin-auth-status/tooling';
import { isLintedFile } from '../../packages/cli/src/lint/languages';
import { FileLinter } from '../../packages/cli/src/lint/lint-file';
import { recommendedRules, RULE_PREFIX } from '../../packages/cli/src/lint/rules-config';
import type { Finding } from '../accuracy/lint';

/** A file of one repository at one commit. `key` names it in findings: `owner/name@commit:path`. */
export interface SnapshotFile {
  readonly repo: string;
  readonly commit: string;
  readonly path: string;
  readonly text: string;
  /** The snapshot's git directory: the file is linted inside the repository's tree at `commit`. */
  readonly gitDir?: string;
}

/**
 * What the project index may read from a repository: sources, the files that configure module resolution, and JSON
 * modules a source may require (a table of statuses); lock files are left out.
 */
const TREE_PATTERNS = ['*.js', '*.jsx', '*.mjs', '*.cjs', '*.ts', '*.tsx', '*.mts', '*.cts', '*.json'];
const LOCK_FILE = /^(package-lock|npm-shrinkwrap)\.json$/;

/** Extracts the repository's sources at `commit` into `target` (best effort: a failed extraction leaves the file alone). */
function extractTree(gitDir: string, commit: string, target: string): void {
  mkdirSync(target, { recursive: true });
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', commit], { maxBuffer: 2 * 1024 * 1024 * 1024 });
  if (archive.status !== 0) {
    extractBlobs(gitDir, commit, target);
    return;
  }
  spawnSync('tar', ['-x', '-C', target, '--wildcards', '--no-anchored', '--exclude=node_modules', '--exclude=package-lock.json', '--exclude=npm-shrinkwrap.json', ...TREE_PATTERNS], {
    input: archive.stdout,
  });
}

/** A file name the tree extraction keeps (`TREE_PATTERNS`, matched on the base name). */
const TREE_FILE = new RegExp(`^(${TREE_PATTERNS.map((pattern) => pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')).join('|')})$`);

/**
 * The sources one by one, for a snapshot that lacks some of its largest blobs (then `git archive` fails as a whole):
 * every source blob the snapshot holds is written, the absent ones are skipped.
 */
function extractBlobs(gitDir: string, commit: string, target: string): void {
  const listing = spawnSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  if (listing.status !== 0) return;
  const wanted = listing.stdout.split('\0').flatMap((entry) => {
    const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (!match || match[2]!.split('/').includes('node_modules') || !TREE_FILE.test(path.basename(match[2]!)) || LOCK_FILE.test(path.basename(match[2]!))) return [];
    return [{ sha: match[1]!, path: match[2]! }];
  });
  const batch = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input: wanted.map((blob) => blob.sha).join('\n') + '\n', maxBuffer: 2 * 1024 * 1024 * 1024 });
  if (batch.status !== 0) return;
  const output = batch.stdout;
  let offset = 0;
  for (const blob of wanted) {
    const end = output.indexOf(10, offset);
    if (end < 0) return;
    const header = output.subarray(offset, end).toString();
    offset = end + 1;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) continue; // `<sha> missing`: the snapshot does not hold it
    const file = path.join(target, ...blob.path.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, output.subarray(offset, offset + Number(size)));
    offset += Number(size) + 1;
  }
}

export function fileKey(repo: string, commit: string, filePath: string): string {
  return `${repo}@${commit}:${filePath}`;
}

export interface LintedFiles {
  readonly findings: Finding[];
  /** Files the CLI does not lint (`.vue`, `.svelte`, …): their labels are not scored. */
  readonly notLinted: string[];
  /** Files that did not parse or on which the rules threw, with the message: nothing is reported there. */
  readonly failures: Map<string, string>;
  /** Test suites, fixtures and mocks: left out as the CLI's defaults and the recommended config leave them, so nothing is reported there. */
  readonly testFiles: string[];
}

export function lintSnapshotFiles(files: readonly SnapshotFile[]): LintedFiles {
  const linter = new FileLinter();
  const rules = recommendedRules();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'auth-status-realworld-'));
  const linted: LintedFiles = { findings: [], notLinted: [], failures: new Map(), testFiles: [] };
  const trees = new Map<string, string>();
  const treeOf = (file: SnapshotFile, index: number): string => {
    if (!file.gitDir) return path.join(temp, String(index), file.repo.replace('/', '+'));
    const key = `${file.repo}@${file.commit}`;
    let tree = trees.get(key);
    if (!tree) {
      tree = path.join(temp, 'trees', `${file.repo.replace('/', '+')}@${file.commit}`);
      extractTree(file.gitDir, file.commit, tree);
      trees.set(key, tree);
    }
    return tree;
  };
  try {
    files.forEach((file, index) => {
      const key = fileKey(file.repo, file.commit, file.path);
      if (!isLintedFile(file.path)) {
        linted.notLinted.push(key);
        return;
      }
      if (isTestFile(file.path)) {
        linted.testFiles.push(key);
        return;
      }
      // One folder per repository and commit: the same path may be read at two commits (a fix's parent and the fix).
      const filePath = path.join(treeOf(file, index), ...file.path.split('/'));
      mkdirSync(path.dirname(filePath), { recursive: true });
      writeFileSync(filePath, file.text);
      const outcome = linter.lint({ filePath, text: file.text, rules, fix: 'none' });
      if (outcome.internalError) {
        linted.failures.set(key, `the rules threw: ${outcome.internalError}`);
        return;
      }
      for (const message of outcome.result.messages) {
        if (message.fatal) linted.failures.set(key, `does not parse: line ${message.line}: ${message.message}`);
        else if (message.ruleId?.startsWith(RULE_PREFIX)) {
          linted.findings.push({ file: key, line: message.line, rule: message.ruleId.slice(RULE_PREFIX.length) });
        }
      }
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return linted;
}
