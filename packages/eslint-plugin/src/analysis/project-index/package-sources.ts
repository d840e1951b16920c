import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { SourceCode } from '../ast';
import { pushChildren, type Node } from '../ast';

/** A package larger than this is not searched (its facts are then unknown, and nothing is silenced or reported). */
const MAX_FILES = 3000;
export const MAX_FILE_CHARACTERS = 400_000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', 'out', '.next', 'vendor']);
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;

/** The package a file belongs to: the nearest folder above it with a package.json, else the file's own folder. */
export function packageRootOf(file: string): string {
  for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'package.json'))) return directory;
    if (path.dirname(directory) === directory) return path.dirname(file);
  }
}

/** The package's source files, or null when there are too many to search. */
export function sourceFiles(root: string): string[] | null {
  const found: string[] = [];
  const folders = [root];
  while (folders.length > 0) {
    let entries;
    try {
      entries = readdirSync(folders.pop()!, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(entry.parentPath, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) folders.push(full);
      else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) found.push(full);
      if (found.length > MAX_FILES) return null;
    }
  }
  return found;
}

/** The nodes under `root` (itself included) that `matches`, depth first. */
export function findNodes(sourceCode: SourceCode, root: Node, matches: (node: Node) => boolean, first = false): Node[] {
  const found: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (matches(node)) {
      found.push(node);
      if (first) return found;
    }
    pushChildren(sourceCode, node, stack);
  }
  return found;
}
