import crypto from 'node:crypto';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * V8's code cache for the CommonJS modules the CLI loads (ESLint, the parsers, TypeScript, our plugin): compiling
 * them is most of a one-file run (a pre-commit hook), and Node 20 has no built-in compile cache. Each module's
 * compiled code is kept in a cache folder, keyed by path, size and modification time, and written when the process
 * ends (so it holds the functions the run compiled, not only the top level). V8 checks the data itself and
 * ignores data that does not fit its version, flags or source; a missing, stale, corrupt or unwritable cache only
 * means compiling as usual.
 */
export const COMPILE_CACHE_VARIABLE = 'AUTH_STATUS_COMPILE_CACHE';

/** Smaller modules compile about as fast as their cache is read. */
const MIN_CACHED_CHARACTERS = 16 * 1024;
/**
 * A call to `import()` in code: on a line that is not a comment, where an expression starts (after `await`,
 * `return`, `=>`, an operator, a bracket or at the start of a line). Mentions in messages ("did you mean
 * 'typeof import(…)'") do not count. Node 20 runs import() from a vm.Script only with an experimental flag or a
 * warning on stderr, so a module with such a call is left to Node's own loader.
 */
const DYNAMIC_IMPORT = /^(?![ \t]*(?:\*|\/\/|\/\*))(?:.*?(?:\bawait|\breturn|\bvoid|=>|[=(,?:!&|[;{}]))?[ \t]*import\s*\(/m;
/** What every match of DYNAMIC_IMPORT contains: a scan for it is a fraction of the line-by-line search, which then runs on few modules. */
const IMPORT_CALL = /import\s*\(/;
const callsImport = (content: string) => IMPORT_CALL.test(content) && DYNAMIC_IMPORT.test(content);
/** A folder with more entries than this (left by many upgrades) is emptied before new ones are written. */
const MAX_ENTRIES = 2000;
const VERSION_TAG = `v8-${process.versions.v8}-${process.arch}`;

/** An entry to write when the process ends: the compiled code, or none for a module left to Node's loader. */
type Unsaved = { file: string; script?: vm.Script };
type CompiledModule = Module & { _compile(content: string, filename: string): unknown };
type Wrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => unknown;

/**
 * `off` in the environment: no cache; a path: that folder; otherwise `node_modules/.cache/auth-status` of the
 * nearest node_modules above the CLI.
 */
export function compileCacheFolder(env: NodeJS.ProcessEnv, from: string): string | undefined {
  const setting = env[COMPILE_CACHE_VARIABLE];
  if (setting === 'off') return undefined;
  if (setting) return path.resolve(setting, VERSION_TAG);
  for (let folder = from; ; folder = path.dirname(folder)) {
    const modules = path.basename(folder) === 'node_modules' ? folder : path.join(folder, 'node_modules');
    if (fs.existsSync(modules)) return path.join(modules, '.cache', 'auth-status', VERSION_TAG);
    if (path.dirname(folder) === folder) return undefined;
  }
}

export function installCompileCache(folder: string | undefined): void {
  if (folder === undefined) return;
  const prototype = Module.prototype as CompiledModule;
  const compile = prototype._compile;
  const unsaved: Unsaved[] = [];
  prototype._compile = function (this: CompiledModule, content: string, filename: string) {
    const file = content.length >= MIN_CACHED_CHARACTERS && !content.startsWith('#!') ? cacheFileOf(folder, filename) : undefined;
    const cachedData = file === undefined ? undefined : readOrNothing(file);
    // An empty entry: this version of the module calls import(). The search for the call runs once per version.
    const leftToNode = file === undefined || (cachedData === undefined ? callsImport(content) : cachedData.length === 0);
    if (leftToNode) {
      if (file !== undefined && cachedData === undefined) unsaved.push({ file });
      return compile.call(this, content, filename);
    }
    const script = new vm.Script(Module.wrap(content), {
      filename,
      cachedData,
    });
    if (cachedData === undefined || script.cachedDataRejected) unsaved.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as Wrapper;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once('exit', () => save(folder, unsaved));
}

function cacheFileOf(folder: string, filename: string): string | undefined {
  try {
    const { size, mtimeMs } = fs.statSync(filename);
    const key = crypto.createHash('sha1').update(`${filename}\0${size}\0${mtimeMs}`).digest('hex');
    return path.join(folder, `${key}.bin`);
  } catch {
    return undefined;
  }
}

function readOrNothing(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only installation or a full disk leaves the cache as it was. */
function save(folder: string, unsaved: readonly Unsaved[]): void {
  if (unsaved.length === 0) return;
  try {
    fs.mkdirSync(folder, { recursive: true });
    if (fs.readdirSync(folder).length + unsaved.length > MAX_ENTRIES) {
      for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name), { force: true });
    }
  } catch {
    return; // Not writable: the next run compiles again.
  }
  for (const { file, script } of unsaved) {
    // Written aside and renamed, so a run reading meanwhile (a worker, a parallel hook) never sees half of it.
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, script ? script.createCachedData() : new Uint8Array(0));
      fs.renameSync(temporary, file);
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }
}
