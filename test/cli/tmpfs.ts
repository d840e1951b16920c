import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { makeFolder } from './helpers';

const mounted: string[] = [];

/**
 * A small tmpfs (size in KiB) mounted on a fresh temporary folder, to see what a full disk does. Needs root and
 * a kernel that allows the mount; otherwise the test is skipped and its title says why.
 */
export function mountTmpfs(context: Mocha.Context, sizeKiB: number): string {
  const skip = (reason: string): never => {
    if (context.test) context.test.title += ` (skipped: ${reason})`;
    return context.skip() as never;
  };
  if (process.getuid?.() !== 0) skip('mounting a tmpfs needs root');
  const folder = path.join(makeFolder(), 'disk');
  try {
    execFileSync('mkdir', [folder]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', folder], { stdio: 'pipe' });
  } catch (error) {
    skip(`mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`);
  }
  mounted.push(folder);
  return folder;
}

/** For an `after` hook of every suite that mounts: the temporary folders can only be removed once unmounted. */
export function unmountAll(): void {
  for (const folder of mounted.splice(0)) execFileSync('umount', [folder]);
}
