/**
 * Local git snapshots of the benchmark's repositories, one folder per repository: `DIR/owner+name`, which is a git
 * directory or holds one (`repo/`, `repo/.git`, `.git`). Files are read with `git show commit:path`: nothing is
 * checked out and nothing is written into the project.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function snapshotFolderName(repo: string): string {
  return repo.replace('/', '+');
}

function isGitDir(dir: string): boolean {
  return existsSync(path.join(dir, 'HEAD')) && existsSync(path.join(dir, 'objects')) && statSync(path.join(dir, 'objects')).isDirectory();
}

/** The git directory of a repository's snapshot, or undefined when it is not there. */
export function findGitDir(snapshots: string, repo: string): string | undefined {
  const root = path.join(snapshots, snapshotFolderName(repo));
  if (!existsSync(root)) return undefined;
  const candidates = [root, path.join(root, '.git'), path.join(root, 'repo'), path.join(root, 'repo', '.git')];
  const found = candidates.find(isGitDir);
  if (found) return found;
  // Any other single level of nesting: `owner+name/<something>/.git` or `owner+name/<something>`.
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const nested = [path.join(root, entry.name), path.join(root, entry.name, '.git')].find(isGitDir);
    if (nested) return nested;
  }
  return undefined;
}

/** Reads files out of one snapshot; each call is one git process (the benchmark reads a few hundred files). */
export class Snapshot {
  constructor(readonly gitDir: string) {}

  /** The file's text at a commit, or undefined when the commit or the path is not in the snapshot. */
  read(commit: string, filePath: string): string | undefined {
    const result = spawnSync('git', ['--git-dir', this.gitDir, 'show', `${commit}:${filePath}`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return result.status === 0 ? result.stdout : undefined;
  }

  hasCommit(commit: string): boolean {
    return spawnSync('git', ['--git-dir', this.gitDir, 'cat-file', '-e', `${commit}^{commit}`]).status === 0;
  }

  /** A shallow snapshot lacks history: fixes whose parent it does not hold cannot be scored. */
  isShallow(): boolean {
    return execFileSync('git', ['--git-dir', this.gitDir, 'rev-parse', '--is-shallow-repository'], { encoding: 'utf8' }).trim() === 'true';
  }
}

/** What a new machine runs to get a missing snapshot (the session's `fetch` tool). */
export function fetchCommand(repo: string): string {
  return `fetch github:${repo}`;
}
