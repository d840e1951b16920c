import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type * as TypeScript from 'typescript';
import { debugIndex } from './debug';
import { ASK_TYPESCRIPT, clearPlainResolutions, resolveWithoutTypeScript } from './plain-resolution';

/**
 * Module resolution as the project configures it, by TypeScript's own resolver (the common cases answered the
 * same way without loading it, by plain-resolution.ts): relative paths (ESM and CJS,
 * `.js` written for a `.ts` file, index files), `paths` and `baseUrl` of the nearest tsconfig.json or jsconfig.json
 * (with `extends`), package `exports` and `imports`, and packages in node_modules, workspace packages included
 * (symlinks are followed). TypeScript is already loaded by every face (typescript-eslint needs it), so it costs
 * nothing to install or bundle; without it the index follows only what plain-resolution.ts answers.
 */
let ts: typeof TypeScript | null | undefined;

function typescript(): typeof TypeScript | null {
  if (ts === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ts = require('typescript') as typeof TypeScript;
    } catch {
      debugIndex('typescript is not installed: imports are not followed');
      ts = null;
    }
  }
  return ts;
}

interface ProjectConfig {
  options: TypeScript.CompilerOptions;
  cache: TypeScript.ModuleResolutionCache;
}

const configByDirectory = new Map<string, ProjectConfig>();
/** One parsed configuration and one resolution cache per tsconfig/jsconfig file, shared by every folder under it. */
const configByFile = new Map<string, ProjectConfig>();
const resolved = new Map<string, string | null>();

/** Compiler options that make TypeScript resolve JavaScript projects and modern packages like their bundlers do. */
function resolutionOptions(api: typeof TypeScript, options: TypeScript.CompilerOptions): TypeScript.CompilerOptions {
  const kind = options.moduleResolution;
  const modern = kind === api.ModuleResolutionKind.Node16 || kind === api.ModuleResolutionKind.NodeNext || kind === api.ModuleResolutionKind.Bundler;
  return {
    ...options,
    allowJs: true,
    // A JSON module may hold the project's table of statuses (`require('./const.json').HTTP.UNAUTHORIZED`).
    resolveJsonModule: true,
    ...(modern ? {} : { moduleResolution: api.ModuleResolutionKind.Bundler, module: api.ModuleKind.ESNext }),
  };
}

function configFor(api: typeof TypeScript, directory: string): ProjectConfig {
  const known = configByDirectory.get(directory);
  if (known) return known;
  const configFile =
    api.findConfigFile(directory, api.sys.fileExists, 'tsconfig.json') ?? api.findConfigFile(directory, api.sys.fileExists, 'jsconfig.json');
  const shared = configByFile.get(configFile ?? '');
  if (shared) {
    configByDirectory.set(directory, shared);
    return shared;
  }
  let options: TypeScript.CompilerOptions = {};
  if (configFile) {
    const parsed = api.getParsedCommandLineOfConfigFile(configFile, {}, {
      ...api.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => debugIndex(`${configFile}: ${api.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`),
    });
    if (parsed) options = parsed.options;
  }
  const config = {
    options: resolutionOptions(api, options),
    cache: api.createModuleResolutionCache(configFile ? path.dirname(configFile) : directory, (name) => name, options),
  };
  configByDirectory.set(directory, config);
  configByFile.set(configFile ?? '', config);
  return config;
}

/** A declaration file stands for JavaScript that may sit beside it (`index.d.ts` → `index.js`): the code is what we read. */
function sourceOf(file: string): string {
  const match = /\.d\.([cm]?)ts$/.exec(file);
  if (!match) return file;
  const javascript = file.slice(0, -match[0].length) + `.${match[1]}js`;
  return existsSync(javascript) ? javascript : file;
}

/** The absolute path of the file `specifier` names from `fromFile`, or null when it does not resolve. */
export function resolveImport(specifier: string, fromFile: string): string | null {
  const directory = path.dirname(fromFile);
  const key = `${directory}\0${specifier}`;
  const known = resolved.get(key);
  if (known !== undefined) return known;
  const plain = resolveWithoutTypeScript(specifier, fromFile);
  const found = plain === ASK_TYPESCRIPT ? resolveByTypeScript(specifier, fromFile) : plain;
  if (found === undefined) return null;
  let file = found && sourceOf(path.resolve(found));
  if (!file && specifier.startsWith('.')) file = caseInsensitiveMatch(path.resolve(directory, specifier));
  if (!file) debugIndex(`unresolved ${specifier} from ${fromFile}`);
  resolved.set(key, file);
  return file;
}

/** TypeScript's answer (exported for the tests that hold plain-resolution.ts to it); undefined when TypeScript is not installed (nothing is resolved then, nor remembered). */
export function resolveByTypeScript(specifier: string, fromFile: string): string | null | undefined {
  const api = typescript();
  if (!api) return undefined;
  const config = configFor(api, path.dirname(fromFile));
  try {
    const result = api.resolveModuleName(specifier, fromFile, config.options, api.sys, config.cache);
    return result.resolvedModule?.resolvedFileName ?? null;
  } catch (error) {
    debugIndex(`cannot resolve ${specifier} from ${fromFile}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * `../helper/Response.ts` for `helper/response.ts`: written on a file system that ignores case (macOS, Windows),
 * where the project runs as written. Only a file named with an extension, and only when exactly one entry of each
 * folder on the way matches.
 */
function caseInsensitiveMatch(wanted: string): string | null {
  if (!/\.[cm]?[jt]sx?$/.test(wanted)) return null;
  const { root } = path.parse(wanted);
  let current = root;
  for (const segment of wanted.slice(root.length).split(path.sep)) {
    let entries: string[];
    try {
      entries = readdirSync(current);
    } catch {
      return null;
    }
    const matches = entries.includes(segment) ? [segment] : entries.filter((entry) => entry.toLowerCase() === segment.toLowerCase());
    if (matches.length !== 1) return null;
    current = path.join(current, matches[0]!);
  }
  return current !== wanted && existsSync(current) ? current : null;
}

/** Forget every resolution (a tsconfig, package.json or file was added or removed). */
export function clearResolutions(): void {
  configByDirectory.clear();
  configByFile.clear();
  resolved.clear();
  clearPlainResolutions();
}
