import { createHash } from 'node:crypto';
import path from 'node:path';
import { mayContainFinding } from '../prefilter';
import { debugIndex, followsImports } from './debug';
import { readModule, stampOf } from './files';
import { parseModule } from './parse';
import { resolveImport } from './resolver';
import { shareSummary, sharedSummary } from './shared-summaries';
import { summarize, summarizeJson, type Meaning, type ModuleSummary } from './summary';
import type { SourceCode } from '../ast';
import type { ResponseSite } from '../types';

/**
 * The project index: cached summaries of the modules a file imports. A summary is kept per file, checked by its
 * stamp (mtime + size, or an editor overlay's version) and, when the stamp changed, by a hash of the text, so an
 * unchanged module is never parsed twice in a process. Modules that cannot be read, resolved or parsed are skipped
 * silently (see `AUTH_STATUS_DEBUG=index`).
 */

/** How many modules deep a summary may follow imports and re-exports (cycles end there too). */
const MAX_DEPTH = 3;
/** Larger modules are generated or bundled code: skipped. */
const MAX_MODULE_CHARACTERS = 400_000;

/** Finds the response sites of a parsed module: the engine's own `collect` (injected to avoid an import cycle). */
export type SiteCollector = (sourceCode: SourceCode, filename: string) => readonly ResponseSite[];
let collectSites: SiteCollector | null = null;
export function useSiteCollector(collector: SiteCollector): void {
  collectSites = collector;
}

/** `export * from 'x'`, `export { a as b, c } from 'x'`: read from the text of modules that define nothing themselves. */
const REEXPORT = /\bexport\s*(?:\*|\{([^}]*)\})\s*from\s*['"]([^'"\n]+)['"]/g;

/** The re-exports of a module's text, without parsing it (a barrel file: `index.ts` of a folder). */
function reexportsOfText(text: string): ModuleSummary['reexports'] {
  const reexports: { specifier: string; names: Map<string, string> | null }[] = [];
  REEXPORT.lastIndex = 0;
  for (let match = REEXPORT.exec(text); match; match = REEXPORT.exec(text)) {
    if (match[1] === undefined) {
      reexports.push({ specifier: match[2]!, names: null });
      continue;
    }
    const names = new Map<string, string>();
    for (const part of match[1].split(',')) {
      const [local, exported] = part.replace(/^\s*type\s+/, '').trim().split(/\s+as\s+/);
      if (local && /^[\w$]+$/.test(local)) names.set(exported?.trim() || local, local);
    }
    reexports.push({ specifier: match[2]!, names });
  }
  return reexports;
}

interface Entry {
  stamp: string;
  hash: string;
  summary: ModuleSummary | null;
}

const summaries = new Map<string, Entry>();
const filenames = new WeakMap<object, string>();

/** Records the absolute path a parsed file was read from: its imports are resolved from there. */
export function rememberFilename(sourceCode: SourceCode, filename: string): void {
  if (filename.startsWith('/') || /^[A-Za-z]:[\\/]/.test(filename)) filenames.set(sourceCode.ast, filename);
}

export function filenameOf(sourceCode: SourceCode): string | undefined {
  return filenames.get(sourceCode.ast);
}
const inProgress: string[] = [];

/** The files whose summaries were read while summarizing or linting `file` (for re-checking dependants). */
const dependencies = new Map<string, Set<string>>();

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** A transport's error code written as a string (kept in a constants module): `'failed-precondition'`, `'FORBIDDEN'`. */
/** A status set from a name rather than a number (`res.status(status)`, `res.statusCode = code`): a forwarding helper's text. */
const FORWARDED_STATUS_TEXT = /\.\s*(?:status|sendStatus|writeHead|code)\s*\(\s*[A-Za-z_$][\w$]*\s*[,)]|\.\s*status(?:Code)?\s*=\s*[A-Za-z_$]/;
/** A function answering null or false where a check fails, in a module about credentials: a gate's text (`gates.ts`). */
const GATE_TEXT = { test: (text: string) => /\breturn\s+(?:null|false|undefined)\b/.test(text) && /\b(?:token|jwt|session|auth\w*|role|admin|permission)/i.test(text) };
const TRANSPORT_CODE_TEXT = /['"`](?:unauthenticated|permission-denied|failed-precondition|invalid-argument|UNAUTHORIZED|UNAUTHENTICATED|FORBIDDEN|PERMISSION_DENIED|BAD_REQUEST)['"`]/;

export function summaryOf(file: string): ModuleSummary | null {
  const stamp = stampOf(file);
  if (stamp === undefined) return null;
  const cached = summaries.get(file);
  if (cached && cached.stamp === stamp) return cached.summary;
  if (inProgress.includes(file) || inProgress.length >= MAX_DEPTH) return null;
  const module = readModule(file);
  if (!module) return null;
  const hash = hashOf(module.text);
  if (cached && cached.hash === hash) {
    summaries.set(file, { ...cached, stamp: module.stamp });
    return cached.summary;
  }
  const shared = sharedSummary(file, hash);
  const summary = shared === undefined ? computeSummary(file, module.text) : shared;
  if (shared === undefined) {
    computed++;
    shareSummary(file, hash, summary);
  }
  summaries.set(file, { stamp: module.stamp, hash, summary });
  return summary;
}

function computeSummary(file: string, text: string): ModuleSummary | null {
  if (file.endsWith('.json')) return text.length > MAX_MODULE_CHARACTERS ? null : summarizeJson(text);
  if (!/\.[cm]?[jt]sx?$/.test(file) || /\.d\.[cm]?ts$/.test(file) || text.length > MAX_MODULE_CHARACTERS) return null;
  // The engine's own prefilter: a module without any status-like text defines no status; it may pass one on.
  if (!mayContainFinding(text) && !TRANSPORT_CODE_TEXT.test(text) && !FORWARDED_STATUS_TEXT.test(text) && !GATE_TEXT.test(text)) {
    const reexports = reexportsOfText(text);
    return reexports.length > 0 ? { exports: new Map(), reexports } : null;
  }
  if (!collectSites) return null;
  inProgress.push(file);
  try {
    const sourceCode = parseModule(file, text);
    return summarize(sourceCode, collectSites(sourceCode, file));
  } catch (error) {
    debugIndex(`skipped ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  } finally {
    inProgress.pop();
  }
}

/** What `importedName` of the module `specifier` (imported from `fromFile`) means, and where it is defined. */
export interface ImportedMeaning {
  meaning: Meaning;
  /** The file that defines it (after re-exports). */
  file: string;
  /** The summary of the module imported directly (where sibling exports are looked for). */
  exporter: ModuleSummary;
}

export function importedMeaning(fromFile: string, specifier: string, importedName: string): ImportedMeaning | null {
  if (!followsImports) return null;
  const file = resolveImport(specifier, fromFile);
  if (!file) return null;
  recordDependency(fromFile, file);
  const module = summaryOf(file);
  if (!module) return null;
  const found = exportedMeaning(file, module, importedName, 0, new Set());
  return found ? { ...found, exporter: module } : null;
}

function exportedMeaning(file: string, summary: ModuleSummary, name: string, depth: number, seen: Set<string>): { meaning: Meaning; file: string } | null {
  const own = summary.exports.get(name);
  if (own) return { meaning: own, file };
  if (depth >= MAX_DEPTH || seen.has(file)) return null;
  seen.add(file);
  for (const reexport of summary.reexports) {
    const imported = reexport.names ? reexport.names.get(name) : name === 'default' ? undefined : name;
    if (imported === undefined) continue;
    const target = resolveImport(reexport.specifier, file);
    if (!target) continue;
    recordDependency(file, target);
    const targetSummary = summaryOf(target);
    const found = targetSummary && exportedMeaning(target, targetSummary, imported, depth + 1, seen);
    if (found) return found;
  }
  return null;
}

/**
 * The module outside the project that a name imported from `specifier` is re-exported from: `Status` of
 * `'../deps.ts'` (Deno's custom of one file of dependencies) → oak's URL. Null when the project defines it itself.
 */
export function externalOrigin(fromFile: string, specifier: string, name: string): string | null {
  if (!followsImports) return null;
  const file = resolveImport(specifier, fromFile);
  if (!file || file.includes(`${path.sep}node_modules${path.sep}`)) return null;
  recordDependency(fromFile, file);
  return originIn(file, name, 0, new Set());
}

function originIn(file: string, name: string, depth: number, seen: Set<string>): string | null {
  const summary = summaryOf(file);
  if (!summary || depth >= MAX_DEPTH || seen.has(file)) return null;
  seen.add(file);
  for (const reexport of summary.reexports) {
    const imported = reexport.names ? reexport.names.get(name) : name === 'default' ? undefined : name;
    if (imported === undefined) continue;
    const target = resolveImport(reexport.specifier, file);
    if (!target || target.includes(`${path.sep}node_modules${path.sep}`)) return reexport.specifier;
    recordDependency(file, target);
    const found = originIn(target, imported, depth + 1, seen);
    if (found) return found;
  }
  return null;
}

const textVerdicts = new Map<string, { stamp: string; verdict: boolean }>();

/**
 * Can the module `specifier` names from `fromFile` define a status, judged by its text alone (and the texts of the
 * modules it re-exports)? Cheap enough for a prefilter: nothing is parsed.
 */
export function mayDefineStatus(fromFile: string, specifier: string, depth = 0): boolean {
  const file = resolveImport(specifier, fromFile);
  if (!file || depth > MAX_DEPTH) return false;
  const stamp = stampOf(file);
  if (stamp === undefined) return false;
  const known = textVerdicts.get(file);
  if (known?.stamp === stamp) return known.verdict;
  textVerdicts.set(file, { stamp, verdict: false });
  const module = readModule(file);
  const verdict =
    module !== undefined &&
    module.text.length <= MAX_MODULE_CHARACTERS &&
    (mayContainFinding(module.text) ||
      FORWARDED_STATUS_TEXT.test(module.text) ||
      reexportsOfText(module.text).some((reexport) => mayDefineStatus(file, reexport.specifier, depth + 1)));
  textVerdicts.set(file, { stamp, verdict });
  return verdict;
}

function recordDependency(dependant: string, dependency: string): void {
  let set = dependencies.get(dependency);
  if (!set) {
    set = new Set();
    dependencies.set(dependency, set);
  }
  set.add(dependant);
}

/** Files whose findings may change when `file` changes (directly or through re-exports). */
export function dependantsOf(file: string): string[] {
  const found = new Set<string>();
  const queue = [file];
  while (queue.length > 0) {
    for (const dependant of dependencies.get(queue.pop()!) ?? []) {
      if (found.has(dependant)) continue;
      found.add(dependant);
      queue.push(dependant);
    }
  }
  return [...found];
}

/** How many module summaries the process holds (for memory reports). */
/** Summaries this thread computed itself, rather than found in memory or shared by another thread (for tests and benches). */
let computed = 0;
export function summariesComputed(): number {
  return computed;
}

export function summaryCount(): number {
  return summaries.size;
}
