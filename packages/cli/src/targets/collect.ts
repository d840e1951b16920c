import fs from 'node:fs';
import path from 'node:path';
import { describeSystemError, UsageError } from '../errors';
import { displayRawPath } from '../output/printable';
import type { Options } from '../options';
import { isLintedFile } from '../lint/languages';
import { ignoredByName, DEFAULT_IGNORED_DIRECTORIES } from './default-ignores';
import { discoverFiles, statOrUsageError } from './discover';
import { changedFiles, fetchAdvice, readBlobs, requireRepositoryRoot, stagedFiles } from './git';
import { decodeSource, readSourceFile, type SourceText } from './read';

/** A file to lint and how to get its text (from disk, or from the git index for --staged). */
export interface Entry {
  filePath: string;
  /** Named by the user: never skipped quietly. */
  explicit: boolean;
  read(): SourceText;
}

export interface Entries {
  entries: Entry[];
  /** Left out before reading, each with a note: unreadable folders, names that are not valid UTF-8. */
  skippedFolders: number;
  skippedFiles: number;
  /** --stdin: the bytes read, given back unchanged by --fix when they hold nothing to fix. */
  stdin?: Buffer;
}

/** Text from standard input without --stdin-filename: ESLint's name for it, as a JavaScript file in the current folder. */
export const STDIN_NAME = '<text>.js';

function readStandardInput(): Buffer {
  if (process.stdin.isTTY) throw new UsageError('--stdin reads standard input, and it is a terminal; pipe the code in, e.g. auth-status-lint --stdin < file.js.');
  try {
    return fs.readFileSync(0);
  } catch (error) {
    throw new UsageError(`cannot read standard input: ${describeSystemError(error)}.`);
  }
}

export function collectEntries(options: Options, cwd: string, note: (text: string) => void): Entries {
  const skipGenerated = options.defaultIgnores;
  const listed = (entries: Entry[]): Entries => ({ entries, skippedFolders: 0, skippedFiles: 0 });
  switch (options.source.kind) {
    case 'paths': {
      const { candidates, skippedFolders, skippedFiles } = discoverFiles(options.paths.length > 0 ? options.paths : ['.'], cwd, options, note);
      const entries = candidates.map(({ filePath, explicit }) => ({
        filePath,
        explicit,
        read: () => readSourceFile(filePath, { skipGenerated, explicit }),
      }));
      return { entries, skippedFolders, skippedFiles };
    }
    case 'stdin': {
      const filePath = path.resolve(cwd, options.source.filename ?? STDIN_NAME);
      const bytes = readStandardInput();
      return { ...listed([{ filePath, explicit: true, read: () => decodeSource(bytes, 'none') }]), stdin: bytes };
    }
    case 'staged': {
      const root = requireRepositoryRoot(cwd, '--staged');
      const isWanted = wantedFilter(options, cwd, root);
      const staged = stagedFiles(root).filter(({ filePath }) => isWanted(filePath));
      const blobs = readBlobs(root, staged.map(({ blob }) => blob));
      return listed(
        staged.map(({ filePath, blob }) => ({
          filePath,
          explicit: false,
          read: () => decodeSource(blobs.get(blob) ?? Buffer.alloc(0), skipGenerated ? 'all' : 'none'),
        })),
      );
    }
    case 'changed': {
      const root = requireRepositoryRoot(cwd, '--changed');
      const { notRef } = options.source;
      if (notRef !== undefined && !fs.existsSync(path.resolve(cwd, notRef))) {
        throw new UsageError(
          `--changed: "${notRef}" is not a ref or a path (paths are relative to ${cwd}); ${fetchAdvice(root, 'fetch the ref, or name one that exists')}.`,
        );
      }
      const isWanted = wantedFilter(options, cwd, root);
      const { files, invalidNames } = changedFiles(root, options.source.ref);
      // A name that is not valid UTF-8 cannot be opened by its decoded text: said and counted, not "unreadable".
      const unnamable = invalidNames.filter((raw) => isWanted(path.join(root, raw.toString('utf8'))));
      for (const raw of unnamable) note(`skipped ${displayRawPath(cwd, root, raw)}: its name is not valid UTF-8; rename it to lint it.`);
      return {
        entries: files.filter(isWanted).map((filePath) => ({ filePath, explicit: false, read: () => readSourceFile(filePath, { skipGenerated, explicit: false }) })),
        skippedFolders: 0,
        skippedFiles: unnamable.length,
      };
    }
  }
}

/** For files listed by git: a linted extension, under one of the given paths, not in a default-ignored place. */
function wantedFilter(options: Options, cwd: string, root: string): (filePath: string) => boolean {
  const scopes = options.paths.map((given) => {
    const absolute = path.resolve(cwd, given);
    statOrUsageError(absolute, given, cwd);
    return absolute;
  });
  return (filePath) => {
    if (!isLintedFile(filePath)) return false;
    if (scopes.length > 0 && !scopes.some((scope) => filePath === scope || filePath.startsWith(scope + path.sep))) return false;
    if (!options.defaultIgnores) return true;
    const folders = path.relative(root, filePath).split(path.sep).slice(0, -1);
    return !folders.some((folder) => DEFAULT_IGNORED_DIRECTORIES.has(folder)) && ignoredByName(filePath) === undefined;
  };
}
