import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The common cases of TypeScript's module resolution (as `resolver.ts` configures it: `bundler`, JavaScript and
 * JSON allowed), answered from the file system without loading TypeScript: relative imports, and `paths` or
 * `baseUrl` of a tsconfig.json or jsconfig.json (with relative `extends`) that lead to a file of the project.
 * Every step is TypeScript's own, in its order (typescript.js 5.9: `nodeLoadModuleByRelativeName`,
 * `tryAddingExtensions`, `tryLoadModuleUsingPaths`), and a package name with no node_modules folder above to
 * look in resolves to nothing. Anything else answers undefined, and TypeScript decides: packages, a folder with a
 * package.json, a configuration with options that change resolution, a config that does not read as JSON.
 */
export const ASK_TYPESCRIPT = undefined;

/** The extensions TypeScript tries after a name as written or without its extension, in its order. */
const EXTENSIONS_AFTER: Record<string, readonly string[]> = {
  '': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.ts': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.d.ts': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.js': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.tsx': ['.tsx', '.ts', '.d.ts', '.jsx', '.js'],
  '.jsx': ['.tsx', '.ts', '.d.ts', '.jsx', '.js'],
  '.mjs': ['.mts', '.d.mts', '.mjs'],
  '.mts': ['.mts', '.d.mts', '.mjs'],
  '.d.mts': ['.mts', '.d.mts', '.mjs'],
  '.cjs': ['.cts', '.d.cts', '.cjs'],
  '.cts': ['.cts', '.d.cts', '.cjs'],
  '.d.cts': ['.cts', '.d.cts', '.cjs'],
  '.json': ['.d.json.ts', '.json'],
};
/** TypeScript's `removeFileExtension` list, in its order. */
const KNOWN_EXTENSIONS = ['.d.ts', '.d.mts', '.d.cts', '.mjs', '.mts', '.cjs', '.cts', '.ts', '.js', '.tsx', '.jsx', '.json'];

/** Compiler options that change how the cases above resolve: TypeScript answers under them. */
const OPTIONS_TYPESCRIPT_ANSWERS = ['rootdirs', 'modulesuffixes', 'nodtsresolution', 'preservesymlinks'];
/** `moduleResolution` values resolver.ts replaces by `bundler` (or that are `bundler`). */
const BUNDLER_LIKE = new Set(['bundler', 'node', 'node10', 'classic']);

type Entry = 'file' | 'directory' | undefined;
const entries = new Map<string, Entry>();

function entryAt(file: string): Entry {
  let entry = entries.get(file);
  if (!entries.has(file)) {
    const stats = statSync(file, { throwIfNoEntry: false });
    entry = stats?.isFile() ? 'file' : stats?.isDirectory() ? 'directory' : undefined;
    entries.set(file, entry);
  }
  return entry;
}

/** `nodeLoadModuleByRelativeName` without a package.json: the file, then the folder's index. */
function loadCandidate(candidate: string): string | null | undefined {
  const fromFile = loadFile(candidate);
  if (fromFile !== null) return fromFile;
  if (entryAt(candidate) !== 'directory') return null;
  if (entryAt(path.join(candidate, 'package.json')) !== undefined) return ASK_TYPESCRIPT;
  return tryExtensions(path.join(candidate, 'index'), '');
}

/** `loadModuleFromFile`: the name with its extension replaced, then with one added. */
function loadFile(candidate: string): string | null {
  const base = path.basename(candidate);
  if (base.includes('.')) {
    const known = KNOWN_EXTENSIONS.find((extension) => candidate.length > extension.length && candidate.endsWith(extension));
    const extensionless = known ? candidate.slice(0, -known.length) : candidate.slice(0, candidate.lastIndexOf('.'));
    const extension = candidate.slice(extensionless.length);
    const replaced = EXTENSIONS_AFTER[extension] ? tryExtensions(extensionless, extension) : tryFile(`${extensionless}.d${extension}.ts`);
    if (replaced !== null) return replaced;
  }
  return tryExtensions(candidate, '');
}

function tryExtensions(stem: string, written: string): string | null {
  for (const extension of EXTENSIONS_AFTER[written]!) {
    const found = tryFile(stem + extension);
    if (found !== null) return found;
  }
  return null;
}

function tryFile(file: string): string | null {
  return entryAt(file) === 'file' ? file : null;
}

interface PlainConfig {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** Where `paths` are resolved from without a baseUrl: the folder of the config that declared them. */
  pathsBase?: string;
}

/** The config's resolution options, or undefined when TypeScript must read it. */
const configs = new Map<string, PlainConfig | undefined>();
const configFiles = new Map<string, string | null>();

/** TypeScript's `findConfigFile`: the nearest tsconfig.json, else the nearest jsconfig.json. */
function configFileFor(directory: string): string | null {
  let known = configFiles.get(directory);
  if (known === undefined) {
    known = nearest(directory, 'tsconfig.json') ?? nearest(directory, 'jsconfig.json');
    configFiles.set(directory, known);
  }
  return known;
}

function nearest(directory: string, name: string): string | null {
  for (let current = directory; ; current = path.dirname(current)) {
    if (entryAt(path.join(current, name)) === 'file') return path.join(current, name);
    if (path.dirname(current) === current) return null;
  }
}

/** JSON with comments and trailing commas, as tsconfig files are written. */
function readJsonWithComments(file: string): unknown {
  const outsideStrings = /("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\/|,(?=\s*[}\]])/g;
  return JSON.parse(readFileSync(file, 'utf8').replace(outsideStrings, (_match, string: string | undefined) => string ?? ''));
}

function configAt(file: string, depth = 0): PlainConfig | undefined {
  if (configs.has(file)) return configs.get(file);
  configs.set(file, undefined);
  let config: PlainConfig | undefined;
  try {
    config = readConfig(file, depth);
  } catch {
    config = undefined;
  }
  configs.set(file, config);
  return config;
}

function readConfig(file: string, depth: number): PlainConfig | undefined {
  const json = readJsonWithComments(file) as { extends?: unknown; compilerOptions?: Record<string, unknown> | null };
  if (typeof json !== 'object' || json === null) return undefined;
  let inherited: PlainConfig = {};
  if (json.extends !== undefined) {
    const base = extendedConfigFile(json.extends, path.dirname(file));
    const baseConfig = base && depth < 8 ? configAt(base, depth + 1) : undefined;
    if (!baseConfig) return undefined;
    inherited = baseConfig;
  }
  const options = new Map(Object.entries(json.compilerOptions ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
  if (OPTIONS_TYPESCRIPT_ANSWERS.some((option) => options.has(option))) return undefined;
  const resolution = options.get('moduleresolution');
  if (resolution !== undefined && !(typeof resolution === 'string' && BUNDLER_LIKE.has(resolution.toLowerCase()))) return undefined;
  const directory = path.dirname(file);
  const own: PlainConfig = { ...inherited };
  const baseUrl = options.get('baseurl');
  if (baseUrl !== undefined) {
    if (typeof baseUrl !== 'string' || baseUrl.includes('${')) return undefined;
    own.baseUrl = path.resolve(directory, baseUrl);
  }
  const paths = options.get('paths');
  if (paths !== undefined) {
    if (!isPathMap(paths)) return undefined;
    own.paths = paths;
    own.pathsBase = directory;
  }
  return own;
}

function isPathMap(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((targets) => Array.isArray(targets) && targets.every((target) => typeof target === 'string' && !target.includes('${')))
  );
}

/** `getExtendsConfigPath` for a path (a package's config is left to TypeScript). */
function extendedConfigFile(extended: unknown, directory: string): string | undefined {
  if (typeof extended !== 'string' || !/^(?:\.\.?\/|\/)/.test(extended)) return undefined;
  const file = path.resolve(directory, extended);
  if (entryAt(file) === 'file') return file;
  return !file.endsWith('.json') && entryAt(`${file}.json`) === 'file' ? `${file}.json` : undefined;
}

/** `matchPatternOrExact`: the key equal to the name, else the `*` pattern with the longest prefix. */
function matchingPattern(paths: Record<string, string[]>, specifier: string): { key: string; star?: string } | undefined {
  if (Object.hasOwn(paths, specifier) && !specifier.includes('*')) return { key: specifier };
  let best: { key: string; star: string; prefix: number } | undefined;
  for (const key of Object.keys(paths)) {
    const star = key.indexOf('*');
    if (star < 0 || key.indexOf('*', star + 1) >= 0) continue;
    const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
    const fits = specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
    if (fits && (best === undefined || prefix.length > best.prefix)) best = { key, star: specifier.slice(prefix.length, specifier.length - suffix.length), prefix: prefix.length };
  }
  return best;
}

/** The file a `paths` pattern leads to; `ASK_TYPESCRIPT` when one matched and led nowhere (TypeScript looks for a package next), null when none matched. */
function loadThroughPaths(config: PlainConfig, specifier: string): string | null | undefined {
  const match = config.paths && matchingPattern(config.paths, specifier);
  if (!match) return null;
  const base = config.baseUrl ?? config.pathsBase!;
  for (const target of config.paths![match.key]!) {
    const candidate = path.resolve(base, match.star === undefined ? target : target.replace('*', match.star));
    if (KNOWN_EXTENSIONS.some((extension) => target.endsWith(extension)) && tryFile(candidate) !== null) return candidate;
    const found = loadCandidate(candidate);
    if (found !== null) return found;
  }
  return ASK_TYPESCRIPT;
}

/**
 * Whether TypeScript could find `specifier` as a package: when a node_modules folder lies above the importing
 * file, or the enclosing package.json names the package itself (a self-reference through its `exports`) or, for
 * a `#` name, may map it (its `imports`).
 */
function mayBeAPackage(specifier: string, directory: string): boolean {
  const [first, second] = specifier.split('/');
  const name = first!.startsWith('@') ? `${first}/${second}` : first;
  let packageJsonSeen = false;
  for (let current = directory; ; current = path.dirname(current)) {
    if (path.basename(current) !== 'node_modules' && entryAt(path.join(current, 'node_modules')) === 'directory') return true;
    if (!packageJsonSeen && entryAt(path.join(current, 'package.json')) === 'file') {
      packageJsonSeen = true;
      if (specifier.startsWith('#') || namesPackage(path.join(current, 'package.json'), name!)) return true;
    }
    if (path.dirname(current) === current) return false;
  }
}

function namesPackage(packageJson: string, name: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { name?: unknown }).name === name;
  } catch {
    return true;
  }
}

const RELATIVE = /^\.\.?(?:\/|$)/;

/**
 * The file `specifier` names from `fromFile` as TypeScript would resolve it, null where TypeScript would find
 * none, or `ASK_TYPESCRIPT` where this cannot tell.
 */
export function resolveWithoutTypeScript(specifier: string, fromFile: string): string | null | undefined {
  if (specifier.endsWith('/') || specifier.includes('\\') || path.sep !== '/') return ASK_TYPESCRIPT;
  const directory = path.dirname(fromFile);
  const configFile = configFileFor(directory);
  const config = configFile === null ? {} : configAt(configFile);
  if (config === undefined) return ASK_TYPESCRIPT;
  let found: string | null | undefined;
  if (RELATIVE.test(specifier)) found = loadCandidate(path.resolve(directory, specifier));
  else {
    found = loadThroughPaths(config, specifier);
    // Unmatched by `paths`: `baseUrl`; a name found by neither is a package's, for TypeScript to find.
    if (found === null && config.baseUrl) found = loadCandidate(path.resolve(config.baseUrl, specifier));
    if (found === null && !mayBeAPackage(specifier, directory)) return null;
    found ??= ASK_TYPESCRIPT;
  }
  // A package's file found by a name that is not relative: TypeScript follows its symbolic links.
  return typeof found === 'string' && !RELATIVE.test(specifier) && found.includes('/node_modules/') ? ASK_TYPESCRIPT : found;
}

/** Forget what was read of the file system (a tool saw files or configs change). */
export function clearPlainResolutions(): void {
  entries.clear();
  configs.clear();
  configFiles.clear();
}
