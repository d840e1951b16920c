import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importModule } from './import-module';

/** The `messageTemplate` of a config-worker answer whose config is TypeScript and found no jiti in the project. */
export const JITI_MISSING = 'auth-status-jiti-missing';

interface JitiModule {
  createJiti: (...args: unknown[]) => unknown;
  version: string;
}

/**
 * ESLint loads `eslint.config.ts` with `jiti`, imported from ESLint's own folder: a CLI installed globally or by
 * the pre-commit framework never finds the project's copy. This hands ESLint the project's jiti instead, resolved
 * from the folders `searchFrom` names (the file whose config is wanted first, then the current folder), through
 * ESLint's own hook for loading jiti. `missing` is set when a TypeScript config needed jiti and none was found.
 * ESLint versions without that hook keep their own behaviour. `eslintEntry` names the ESLint whose loader is
 * patched: the caller's own, resolved from the caller's package (the plugin's own `require` may see another ESLint).
 */
export function useProjectJiti(searchFrom: () => readonly string[], eslintEntry: () => string): { missing: boolean } {
  const state = { missing: false };
  let loader: ReturnType<typeof eslintConfigLoader>;
  try {
    loader = eslintConfigLoader(eslintEntry());
  } catch {
    // ESLint bundled into the caller (the VS Code extension's server): there is no loader file to patch.
    return state;
  }
  if (loader === undefined) return state;
  loader.loadJiti = async () => {
    const entry = resolveJiti(searchFrom());
    if (entry === undefined) {
      state.missing = true;
      throw new Error('jiti is not installed in the project');
    }
    const loaded = (await importModule(pathToFileURL(entry).href)) as Partial<JitiModule> & { default?: Partial<JitiModule> };
    const createJiti = loaded.createJiti ?? loaded.default?.createJiti;
    return { createJiti, version: packageVersion(entry) };
  };
  return state;
}

function eslintConfigLoader(eslintEntry: string): { loadJiti: () => Promise<unknown> } | undefined {
  // ESLint's package exports hide the module, so it is found next to ESLint's entry point (the same instance ESLint uses).
  const file = path.join(path.dirname(eslintEntry), 'config', 'config-loader.js');
  if (!fs.existsSync(file)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ConfigLoader } = require(file) as { ConfigLoader?: { loadJiti?: () => Promise<unknown> } };
  return typeof ConfigLoader?.loadJiti === 'function' ? (ConfigLoader as { loadJiti: () => Promise<unknown> }) : undefined;
}

function resolveJiti(folders: readonly string[]): string | undefined {
  for (const folder of folders) {
    try {
      return createRequire(path.join(folder, 'noop.js')).resolve('jiti');
    } catch {
      // Not installed from this folder; try the next.
    }
  }
  return undefined;
}

/** The version in the package.json nearest above the resolved entry (ESLint refuses jiti older than 2.2). */
function packageVersion(entry: string): string {
  for (let folder = path.dirname(entry); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (name === 'jiti' && typeof version === 'string') return version;
  }
  return '0.0.0';
}
