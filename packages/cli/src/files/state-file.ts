import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a file the CLI keeps between runs (cache, suppressions) lives, placed as ESLint places its own: a path
 * that names an existing folder, or ends with a separator, gets a file named after a hash of `cwd` inside it;
 * any other path is the file itself. Relative paths start at `cwd`.
 */
export function stateFilePath(location: string, cwd: string, prefix: string): string {
  const normalized = path.normalize(location);
  const resolved = path.resolve(cwd, normalized);
  const looksLikeFolder = normalized.endsWith(path.sep);
  const isFolder = fs.lstatSync(resolved, { throwIfNoEntry: false })?.isDirectory() ?? false;
  if (!looksLikeFolder && !isFolder) return resolved;
  return path.join(resolved, `${prefix}${crypto.createHash('sha256').update(cwd).digest('hex').slice(0, 16)}`);
}

/** A path as ESLint writes it in shared files: relative to `cwd`, with forward slashes on every system. */
export function portablePath(cwd: string, filePath: string): string {
  return path.relative(cwd, filePath).split(path.sep).join(path.posix.sep);
}

/** JSON with every object's keys sorted and two-space indents: the same bytes for the same content, so diffs stay small. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
