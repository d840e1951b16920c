import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeSystemError } from '../errors';
import { syncFolders, writeFileAtomic } from './atomic-write';

/** What a file held when it was read for linting. */
export interface Fingerprint {
  size: number;
  sha256: string;
}

export function fingerprintOf(bytes: Uint8Array): Fingerprint {
  return { size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Why a fix was not written. `failed`: writing was attempted and the system refused (a read-only file, a full
 * disk); otherwise the file was left alone on purpose.
 */
export interface NotWritten {
  note: string;
  failed: boolean;
}

class ChangedWhileWriting extends Error {}

/**
 * Writes fixed output over the file it was computed from, only when doing so cannot lose anything: the file is
 * a regular file with one link (a symbolic link is never written through, hard links never split), its real path lies under one of the folders or
 * files the user asked to lint, its bytes are still exactly those that were linted (so an edit made meanwhile is
 * never overwritten and a deleted file is never brought back), and those bytes are valid UTF-8 (the output is
 * UTF-8, so any other byte would be replaced). The write itself is atomic (see `writeFileAtomic`).
 */
export class FixWriter {
  private readonly roots: string[];
  private readonly written = new Set<string>();

  /** `roots`: the paths the user asked to lint, or the current folder for git-listed files. */
  constructor(
    roots: readonly string[],
    private readonly cwd: string,
  ) {
    this.roots = roots.flatMap((root) => realPathOrNone(path.resolve(cwd, root)));
  }

  /** Returns undefined when the output was written, else why not. */
  write(filePath: string, linted: Fingerprint, output: string): NotWritten | undefined {
    const name = path.relative(this.cwd, filePath) || filePath;
    const skip = (why: string): NotWritten => ({ note: `${name} ${why}`, failed: false });
    try {
      const found = fs.lstatSync(filePath, { throwIfNoEntry: false });
      if (found === undefined) return skip('was deleted since it was linted; not fixed (and not recreated).');
      if (found.isSymbolicLink()) return skip('is a symbolic link; linked files are linted but never fixed, fix the file it points to.');
      if (!found.isFile()) return skip('is no longer a regular file; not fixed.');
      // The fix replaces the file by a new one: other hard links would keep the old text, unnoticed.
      if (found.nlink > 1) return skip(`has ${found.nlink} hard links, which a fix would split (it replaces the file); not fixed.`);
      const realPath = path.join(fs.realpathSync(path.dirname(filePath)), path.basename(filePath));
      if (!this.roots.some((root) => isWithin(realPath, root))) {
        return skip(`lies outside the paths that were linted (its real path is ${realPath}); not fixed.`);
      }

      const { bytes, stats } = readNoFollow(filePath);
      const now = fingerprintOf(bytes);
      if (now.size !== linted.size || now.sha256 !== linted.sha256) return skip('changed since it was linted; not fixed.');
      if (!Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) {
        return skip('is not valid UTF-8; it is linted but never rewritten, since that would replace its invalid bytes.');
      }

      writeFileAtomic(filePath, output, {
        folderSyncs: this.written,
        beforeReplace: (current) => {
          const same = current && current.ino === stats.ino && current.size === stats.size && current.mtimeMs === stats.mtimeMs;
          if (!same) throw new ChangedWhileWriting();
        },
      });
      return undefined;
    } catch (error) {
      if (error instanceof ChangedWhileWriting) return skip('changed since it was linted; not fixed.');
      return { note: `could not write ${name}: ${describeSystemError(error)}; not fixed.`, failed: true };
    }
  }

  /** Flushes the folders written into, once each, after the last write; returns a note for each that failed. */
  finish(): NotWritten[] {
    return syncFolders(this.written.values()).map(({ folder, error }) => ({
      note: `could not flush ${path.relative(this.cwd, folder) || '.'} to disk: ${describeSystemError(error)}; its fixes are written but may not survive a power loss.`,
      failed: true,
    }));
  }
}

/** A root removed during the run holds no file to write. */
function realPathOrNone(filePath: string): string[] {
  try {
    return [fs.realpathSync(filePath)];
  } catch {
    return [];
  }
}

function isWithin(filePath: string, root: string): boolean {
  return filePath === root || filePath.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** The bytes and identity of a file, refusing a symbolic link even if one replaced the file since it was checked. */
function readNoFollow(filePath: string): { bytes: Buffer; stats: fs.Stats } {
  const fd = fs.openSync(filePath, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    return { stats: fs.fstatSync(fd), bytes: fs.readFileSync(fd) };
  } finally {
    fs.closeSync(fd);
  }
}
