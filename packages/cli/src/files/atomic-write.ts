import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Mode bits of the written file, set exactly; without it an existing file keeps its own and a new one gets the umask's. */
  mode?: number;
  /**
   * Called with the target's lstat (undefined when it does not exist) after the new content is on disk and just
   * before it replaces the target; throwing here leaves the target untouched.
   */
  beforeReplace?: (current: fs.Stats | undefined) => void;
  /**
   * Collects the folder to flush later with `syncFolders`, once per folder, when many files are written (a
   * folder flush costs more than the file's own). The target is whole either way; the flush makes the rename
   * itself survive a power loss. Without it the folder is flushed before returning.
   */
  folderSyncs?: Set<string>;
}

/** Temporary files end in `.tmp`, which no linted extension matches, so one left by a killed run is never linted. */
export const TEMPORARY_SUFFIX = '.auth-status.tmp';

/**
 * The only way the CLI writes a file. The new content goes to a temporary file in the target's folder, is
 * flushed to disk, gets the target's mode bits (and owner, when running as root), and then replaces the target
 * in one rename; the folder is flushed last (or collected, see `folderSyncs`). At every moment the target holds either all of its old bytes or all
 * of the new ones. On any error the temporary file is removed, the target is left as it was, and the error is
 * thrown. A symbolic link at the target is replaced by the file, never written through; a folder, device, pipe or
 * socket at the target is refused (EISDIR, EINVAL).
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const existing = lstatOrUndefined(target);
  if (existing?.isDirectory()) throw errnoError('EISDIR', target);
  // A device, pipe or socket is never replaced by a file (think of /dev/null as root).
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) throw errnoError('EINVAL', target);
  // Replacing a file by rename needs only a writable folder; an in-place write would be refused, so refuse too.
  if (existing?.isFile()) fs.accessSync(target, fs.constants.W_OK);

  const folder = path.dirname(target);
  const unique = `${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  const temporary = path.join(folder, `.${path.basename(target).slice(0, 200)}.${unique}${TEMPORARY_SUFFIX}`);
  const keep = existing?.isFile() ? existing : undefined;
  // Readable by the owner only until it holds everything; a new file's mode is then the umask's, as for any write.
  const fd = fs.openSync(temporary, 'wx', keep || options.mode !== undefined ? 0o600 : 0o666);
  let renamed = false;
  try {
    try {
      writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      const mode = options.mode ?? keep?.mode;
      if (mode !== undefined) fs.fchmodSync(fd, mode & 0o7777);
      if (keep && isRoot() && (keep.uid !== process.getuid!() || keep.gid !== process.getgid!())) fs.fchownSync(fd, keep.uid, keep.gid);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    options.beforeReplace?.(lstatOrUndefined(target));
    fs.renameSync(temporary, target);
    renamed = true;
  } finally {
    if (!renamed) fs.rmSync(temporary, { force: true });
  }
  if (options.folderSyncs) options.folderSyncs.add(folder);
  else syncFolder(folder);
}

/** Flushes folders collected with `folderSyncs`; returns those that could not be flushed, with the error. */
export function syncFolders(folders: Iterable<string>): { folder: string; error: unknown }[] {
  const failed: { folder: string; error: unknown }[] = [];
  for (const folder of folders) {
    try {
      syncFolder(folder);
    } catch (error) {
      failed.push({ folder, error });
    }
  }
  return failed;
}

/** `writeSync` may write less than asked (a full disk reports ENOSPC only on the next call): loop until done. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Makes the rename itself durable. Some file systems cannot flush a folder; the rename has happened anyway. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EBADF' && code !== 'EPERM' && code !== 'EACCES') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function lstatOrUndefined(filePath: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const isRoot = () => process.getuid?.() === 0;

/** An error like the ones Node throws for a system call, so that it is described the same way. */
function errnoError(code: 'EISDIR' | 'EINVAL', filePath: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: not a regular file, '${filePath}'`);
  error.code = code;
  error.errno = -os.constants.errno[code];
  error.path = filePath;
  return error;
}
