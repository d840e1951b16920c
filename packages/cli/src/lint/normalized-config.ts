import path from 'node:path';
import type { Linter } from 'eslint';

interface FlatConfigArrayClass {
  new (configs: Linter.Config[], options: { basePath: string }): Linter.Config[] & { normalizeSync(): void; getConfig(filePath: string): unknown };
}

let flatConfigArray: FlatConfigArrayClass | null | undefined;

/** ESLint's own class, from its installed files: it is not exported, and a missing or changed one just costs speed. */
function loadFlatConfigArray(): FlatConfigArrayClass | null {
  if (flatConfigArray !== undefined) return flatConfigArray;
  try {
    const eslintRoot = path.dirname(require.resolve('eslint/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = (require(path.join(eslintRoot, 'lib/config/flat-config-array.js')) as { FlatConfigArray?: FlatConfigArrayClass }).FlatConfigArray;
    flatConfigArray = typeof loaded === 'function' && typeof loaded.prototype.getConfig === 'function' ? loaded : null;
  } catch {
    flatConfigArray = null;
  }
  return flatConfigArray;
}

/**
 * `Linter#verify` validates and normalises a plain config array on every call (about 5% of linting a small file);
 * it takes an array that has a `getConfig` method as already normalised. Falls back to the plain array.
 */
export function normalizedConfig(config: Linter.Config[], basePath: string): Linter.Config[] {
  const FlatConfigArray = loadFlatConfigArray();
  if (!FlatConfigArray) return config;
  const normalized = new FlatConfigArray(config, { basePath });
  normalized.normalizeSync();
  return normalized;
}
