import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { oneLine, UsageError } from '../errors';
import { utf8Name } from '../output/printable';

const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: MAX_OUTPUT_BYTES, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new UsageError('git is not installed or not on PATH; install git or lint paths instead.');
    throw new GitError(oneLine(failure.stderr?.toString() || failure.message));
  }
}

export class GitError extends Error {
  override readonly name = 'GitError';
}

const splitNul = (output: Buffer) => output.toString('utf8').split('\0').filter((entry) => entry !== '');

/** The repository's top folder, or undefined outside a repository. */
export function repositoryRoot(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

export function requireRepositoryRoot(cwd: string, option: string): string {
  const root = repositoryRoot(cwd);
  if (root === undefined) {
    throw new UsageError(`${option} needs a git repository and ${cwd} is not inside one; run it from your repository.`);
  }
  return root;
}

export function isRevision(cwd: string, text: string): boolean {
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${text}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

export interface StagedFile {
  filePath: string;
  blob: string;
}

/** Regular files added, copied, modified or renamed in the index, with the id of their staged content. */
export function stagedFiles(root: string): StagedFile[] {
  const fields = splitNul(git(root, ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--diff-filter=ACMR']));
  const files: StagedFile[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const [, newMode, , newBlob] = fields[index].slice(1).split(' ');
    const isRegularFile = newMode === '100644' || newMode === '100755';
    if (isRegularFile) files.push({ filePath: path.join(root, fields[index + 1]), blob: newBlob });
  }
  return files;
}

/** Contents of blobs, read in one `git cat-file --batch` call. */
export function readBlobs(root: string, blobs: readonly string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  if (blobs.length === 0) return contents;
  const output = git(root, ['cat-file', '--batch'], `${blobs.join('\n')}\n`);
  let offset = 0;
  while (offset < output.length) {
    const headerEnd = output.indexOf(0x0a, offset);
    const [blob, , size] = output.subarray(offset, headerEnd).toString('utf8').split(' ');
    const start = headerEnd + 1;
    const end = start + Number(size);
    contents.set(blob, output.subarray(start, end));
    offset = end + 1;
  }
  return contents;
}

/**
 * Files changed since `ref`'s merge base with HEAD (or since HEAD), committed, staged or not, plus untracked
 * files that are not ignored: what a pull request or a work session touched.
 */
export function changedFiles(root: string, ref: string | undefined): { files: string[]; invalidNames: Buffer[] } {
  const base = ref === undefined ? (isRevision(root, 'HEAD') ? 'HEAD' : undefined) : mergeBase(root, ref);
  const tracked =
    base === undefined
      ? git(root, ['ls-files', '-z', '--cached'])
      : git(root, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMR', base, '--']);
  const untracked = git(root, ['ls-files', '-z', '--others', '--exclude-standard']);
  const names = new Set<string>();
  const invalidNames: Buffer[] = [];
  for (const raw of [...splitNulRaw(tracked), ...splitNulRaw(untracked)]) {
    const name = utf8Name(raw);
    if (name !== undefined) names.add(name);
    else if (!invalidNames.some((known) => known.equals(raw))) invalidNames.push(raw);
  }
  return { files: [...names].sort().map((name) => path.join(root, name)), invalidNames };
}

/** NUL-separated names as git wrote them: a name need not be valid UTF-8. */
function splitNulRaw(output: Buffer): Buffer[] {
  const names: Buffer[] = [];
  for (let start = 0; start < output.length; ) {
    let end = output.indexOf(0, start);
    if (end === -1) end = output.length;
    if (end > start) names.push(output.subarray(start, end));
    start = end + 1;
  }
  return names;
}

function mergeBase(root: string, ref: string): string {
  if (!isRevision(root, ref)) {
    throw new UsageError(`--changed: "${ref}" is not a commit in this repository; ${fetchAdvice(root, 'fetch it or name another ref')}.`);
  }
  try {
    return git(root, ['merge-base', ref, 'HEAD']).toString('utf8').trim();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (isShallow(root)) {
      throw new UsageError(
        `--changed: the history of this shallow clone is too short to find where HEAD and "${ref}" split; ${SHALLOW_FETCH}.`,
      );
    }
    throw new UsageError(`--changed: "${ref}" and HEAD have no common history; name a ref your branch started from.`);
  }
}

const SHALLOW_FETCH = 'fetch the history (git fetch --unshallow, or fetch-depth: 0 with actions/checkout)';

/** What to do about a ref that is not there: in a shallow clone, fetching more history is the usual answer. */
export function fetchAdvice(root: string, otherwise: string): string {
  return isShallow(root) ? `this is a shallow clone: ${SHALLOW_FETCH} or ${otherwise}` : otherwise;
}

function isShallow(root: string): boolean {
  try {
    return git(root, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true';
  } catch {
    return false;
  }
}

/** Where git looks for the pre-commit hook (honours core.hooksPath). */
export function preCommitHookPath(cwd: string): string {
  const root = requireRepositoryRoot(cwd, '--install-hook');
  const hooksPath = git(root, ['rev-parse', '--git-path', 'hooks/pre-commit']).toString('utf8').trim();
  return path.resolve(root, hooksPath);
}
