import fs from 'node:fs';
import path from 'node:path';
import { TREE_CODE_FILE } from './dialects';

/** Repository root (this file lives in test/quality/harness). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * Every file under `root` whose name matches `pattern`, as repository-relative paths sorted by code point so
 * a sample taken from the list is the same on every machine. Symbolic links are not followed: the workspace
 * links in node_modules point back at our own packages.
 */
export function listFiles(root: string, pattern: RegExp): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const directory = pending.pop()!;
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const entryPath = path.join(directory, entry.name);
      if (entry.isDirectory()) pending.push(entryPath);
      else if (entry.isFile() && pattern.test(entry.name)) files.push(path.relative(REPO_ROOT, entryPath));
    }
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every JavaScript/TypeScript file (of `maxBytes` at most) in the repository's own node_modules: real code nobody here wrote. */
export function nodeModulesCodeFiles(maxBytes = Infinity): string[] {
  const files = listFiles(path.join(REPO_ROOT, 'node_modules'), TREE_CODE_FILE);
  return maxBytes === Infinity ? files : files.filter((file) => sizeOf(file) <= maxBytes);
}

/** Every `step`-th file, starting with the first: a deterministic sample spread over the whole tree. */
export function everyNth<T>(items: readonly T[], step: number): T[] {
  return items.filter((_, index) => index % step === 0);
}

/** The step that takes about `size` items from `items` (all of them when there are fewer). */
export function stepForSampleSize(count: number, size: number): number {
  return Math.max(1, Math.round(count / size));
}

/**
 * The same files, largest first: handed out in this order, the few huge bundles start early instead of
 * leaving one thread busy at the end while the others idle.
 */
export function largestFirst(files: readonly string[]): string[] {
  const sizes = new Map(files.map((file) => [file, sizeOf(file)]));
  return [...files].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
}

/** Size in bytes of a repository-relative file. */
export function sizeOf(file: string): number {
  return fs.statSync(path.join(REPO_ROOT, file)).size;
}
