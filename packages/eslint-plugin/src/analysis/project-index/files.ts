import { readFileSync, statSync } from 'node:fs';
import { debugIndex } from './debug';

/**
 * Where the index reads modules from: the disk, unless a tool holds a newer text (an editor's open buffer).
 * Each version is named by a stamp (mtime + size on disk, or the overlay's own version) so that a summary is
 * recomputed only when its file changed.
 */
export interface ModuleText {
  text: string;
  stamp: string;
}

const overlays = new Map<string, { text: string; version: number }>();
let overlayVersion = 0;

/** An editor's unsaved text for `file` (absolute path); `undefined` drops it and the disk is read again. */
export function setModuleOverlay(file: string, text: string | undefined): void {
  if (text === undefined) overlays.delete(file);
  else overlays.set(file, { text, version: ++overlayVersion });
}

/** Disk stamps are trusted this long without another `stat` (a lint run asks for the same module many times). */
const STAMP_LIFETIME_MS = 1000;
const diskStamps = new Map<string, { stamp: string | undefined; at: number }>();

/** Forget what is known about `file` on disk (a tool saw it change). */
export function invalidateModule(file: string): void {
  diskStamps.delete(file);
}

/** The file's stamp without reading it: cheap enough to check on every lookup. */
export function stampOf(file: string): string | undefined {
  const overlay = overlays.get(file);
  if (overlay) return `overlay:${overlay.version}`;
  const now = performance.now();
  const known = diskStamps.get(file);
  if (known && now - known.at < STAMP_LIFETIME_MS) return known.stamp;
  let stamp: string | undefined;
  try {
    const stats = statSync(file);
    stamp = stats.isFile() ? `disk:${stats.mtimeMs}:${stats.size}` : undefined;
  } catch {
    stamp = undefined;
  }
  diskStamps.set(file, { stamp, at: now });
  return stamp;
}

/** The module's text and stamp, or undefined when it cannot be read (logged, never reported). */
export function readModule(file: string): ModuleText | undefined {
  const stamp = stampOf(file);
  if (stamp === undefined) return undefined;
  const overlay = overlays.get(file);
  if (overlay) return { text: overlay.text, stamp };
  try {
    return { text: readFileSync(file, 'utf8'), stamp };
  } catch (error) {
    debugIndex(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
