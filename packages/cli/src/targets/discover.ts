import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors';
import { isLintedFile } from '../lint/languages';
import { DEFAULT_IGNORED_DIRECTORIES, ignoredByName, VCS_DIRECTORIES } from './default-ignores';
import { GitignoreStack } from './gitignore';
import { displayPath, displayRawPath, utf8Name } from '../output/printable';

export interface DiscoveryOptions {
  defaultIgnores: boolean;
  gitignore: boolean;
}

/** A file to lint; `explicit` when the user named it, so it is linted whatever its folder. */
export interface Candidate {
  filePath: string;
  explicit: boolean;
}

/** What a walk found, and what it had to leave out (each named in a note). */
export interface Discovery {
  candidates: Candidate[];
  /** Folders that could not be listed. */
  skippedFolders: number;
  /** Files whose names are not valid UTF-8, so cannot be named to the linter or in a report. */
  skippedFiles: number;
}

/** Files under the given paths (files named directly are taken as they are), in a stable sorted order. */
export function discoverFiles(paths: readonly string[], cwd: string, options: DiscoveryOptions, note: (text: string) => void): Discovery {
  const found = new Map<string, Candidate>();
  const discovery: Discovery = { candidates: [], skippedFolders: 0, skippedFiles: 0 };
  const shown = (absolute: string) => displayPath(cwd, absolute);
  const walk = (directory: string, gitignore: GitignoreStack | undefined): void => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      note(`skipped folder ${shown(directory)}: unreadable (${(error as NodeJS.ErrnoException).code ?? 'read error'}).`);
      discovery.skippedFolders++;
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) {
      const validName = utf8Name(entry.name);
      const isValidName = validName !== undefined;
      const name = validName ?? entry.name.toString('utf8');
      const entryPath = path.join(directory, name);
      if (entry.isDirectory()) {
        if (VCS_DIRECTORIES.has(name)) continue;
        if (options.defaultIgnores && DEFAULT_IGNORED_DIRECTORIES.has(name)) continue;
        if (gitignore?.ignores(entryPath, true)) continue;
        if (!isValidName) {
          note(`skipped folder ${displayRawPath(cwd, directory, entry.name)}: its name is not valid UTF-8; rename it to lint it.`);
          discovery.skippedFolders++;
          continue;
        }
        walk(entryPath, gitignore?.enter(entryPath));
      } else if (entry.isFile() || (entry.isSymbolicLink() && isFileLink(Buffer.concat([Buffer.from(directory + path.sep), entry.name])))) {
        if (!isLintedFile(name) || found.has(entryPath)) continue;
        if (options.defaultIgnores && ignoredByName(entryPath)) continue;
        if (gitignore?.ignores(entryPath, false)) continue;
        if (!isValidName) {
          note(`skipped ${displayRawPath(cwd, directory, entry.name)}: its name is not valid UTF-8; rename it to lint it.`);
          discovery.skippedFiles++;
          continue;
        }
        found.set(entryPath, { filePath: entryPath, explicit: false });
      }
    }
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stats = statOrUsageError(absolute, given, cwd);
    if (stats.isDirectory()) {
      const stack = options.gitignore ? GitignoreStack.forWalkRoot(absolute, note, shown) : undefined;
      walk(absolute, stack);
    } else if (!found.has(absolute)) {
      found.set(absolute, { filePath: absolute, explicit: true });
    }
  }
  discovery.candidates = [...found.values()];
  return discovery;
}

export function statOrUsageError(absolute: string, given: string, cwd: string): fs.Stats {
  try {
    return fs.statSync(absolute);
  } catch {
    throw new UsageError(`no such file or directory: ${given} (paths are relative to ${cwd}).`);
  }
}

/** Symbolic links to files are followed; links to folders are not, so a walk cannot loop. */
function isFileLink(linkPath: Buffer): boolean {
  try {
    return fs.statSync(linkPath).isFile();
  } catch {
    return false;
  }
}
