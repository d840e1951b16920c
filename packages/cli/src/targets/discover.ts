import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors';
import { isLintedFile } from '../lint/languages';
import { DEFAULT_IGNORED_DIRECTORIES, ignoredByName, VCS_DIRECTORIES } from './default-ignores';
import { GitignoreStack } from './gitignore';

export interface DiscoveryOptions {
  defaultIgnores: boolean;
  gitignore: boolean;
}

/** A file to lint; `explicit` when the user named it, so it is linted whatever its folder. */
export interface Candidate {
  filePath: string;
  explicit: boolean;
}

/** Files under the given paths (files named directly are taken as they are), in a stable sorted order. */
export function discoverFiles(paths: readonly string[], cwd: string, options: DiscoveryOptions): Candidate[] {
  const found = new Map<string, Candidate>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stats = statOrUsageError(absolute, given, cwd);
    if (stats.isDirectory()) {
      const stack = options.gitignore ? GitignoreStack.forWalkRoot(absolute) : undefined;
      walk(absolute, stack, options, found);
    } else if (!found.has(absolute)) {
      found.set(absolute, { filePath: absolute, explicit: true });
    }
  }
  return [...found.values()];
}

export function statOrUsageError(absolute: string, given: string, cwd: string): fs.Stats {
  try {
    return fs.statSync(absolute);
  } catch {
    throw new UsageError(`no such file or directory: ${given} (paths are relative to ${cwd}).`);
  }
}

function walk(
  directory: string,
  gitignore: GitignoreStack | undefined,
  options: DiscoveryOptions,
  found: Map<string, Candidate>,
): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (VCS_DIRECTORIES.has(entry.name)) continue;
      if (options.defaultIgnores && DEFAULT_IGNORED_DIRECTORIES.has(entry.name)) continue;
      if (gitignore?.ignores(entryPath, true)) continue;
      walk(entryPath, gitignore?.enter(entryPath), options, found);
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFileLink(entryPath))) {
      if (!isLintedFile(entry.name) || found.has(entryPath)) continue;
      if (options.defaultIgnores && ignoredByName(entryPath)) continue;
      if (gitignore?.ignores(entryPath, false)) continue;
      found.set(entryPath, { filePath: entryPath, explicit: false });
    }
  }
}

/** Symbolic links to files are followed; links to folders are not, so a walk cannot loop. */
function isFileLink(linkPath: string): boolean {
  try {
    return fs.statSync(linkPath).isFile();
  } catch {
    return false;
  }
}
