import { mayContainFinding } from '../prefilter';
import { followsImports } from './debug';
import { eggHelpersFor } from './egg-helpers';
import { mayDefineStatus } from './index';
import { isFollowedModule } from './lookup';

/**
 * Names a text calls or constructs where a response or error leaves a function: `throw new X(`, `throw X(`,
 * `return h(`, `return ns.h(`, `next(X(`, `next(new X(`, Azure's `context.res = h(`. Only imports binding these names
 * can make a site.
 */
const RESPONSE_CALL = /(?:\b(?:throw|return|next\s*\()|\.\s*res\s*=)\s*(?:await\s+)?(?:new\s+)?([A-Za-z_$][\w$]*)(?:\s*\.\s*([A-Za-z_$][\w$]*))?\s*\(/g;
/** `import a, { b, c as d } from 'x'`, `import * as ns from 'x'`. */
const IMPORT = /\bimport\s+(?:type\s+)?([\w$]+)?\s*,?\s*(?:\*\s*as\s+([\w$]+)|\{([^}]*)\})?\s*from\s*['"]([^'"\n]+)['"]/g;
/** `const a = require('x')`, `const { b, c: d } = require('x')`. */
const REQUIRE = /\b(?:const|let|var)\s+(?:([\w$]+)|\{([^}]*)\})\s*=\s*require\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Local name → the module and the name it exports (`*` for a namespace or a required module object). */
function importsOf(text: string): Map<string, { specifier: string; name: string }> {
  const bindings = new Map<string, { specifier: string; name: string }>();
  const named = (list: string, specifier: string, separator: RegExp) => {
    for (const part of list.split(',')) {
      const [exported, local] = part.replace(/^\s*type\s+/, '').trim().split(separator).map((name) => name.trim());
      if (exported && /^[\w$]+$/.test(exported)) bindings.set(local || exported, { specifier, name: exported });
    }
  };
  IMPORT.lastIndex = 0;
  for (let match = IMPORT.exec(text); match; match = IMPORT.exec(text)) {
    const [, defaultName, namespace, list, specifier] = match;
    if (defaultName) bindings.set(defaultName, { specifier: specifier!, name: 'default' });
    if (namespace) bindings.set(namespace, { specifier: specifier!, name: '*' });
    if (list) named(list, specifier!, /\s+as\s+/);
  }
  REQUIRE.lastIndex = 0;
  for (let match = REQUIRE.exec(text); match; match = REQUIRE.exec(text)) {
    const [, whole, list, specifier] = match;
    if (whole) bindings.set(whole, { specifier: specifier!, name: '*' });
    if (list) named(list, specifier!, /\s*:\s*/);
  }
  return bindings;
}

/** The modules (as written) of imports the file throws, returns or passes on: `throw new TokenExpiredError()`. */
function respondingImports(text: string): Set<string> {
  const specifiers = new Set<string>();
  let bindings: Map<string, { specifier: string; name: string }> | undefined;
  RESPONSE_CALL.lastIndex = 0;
  for (let match = RESPONSE_CALL.exec(text); match; match = RESPONSE_CALL.exec(text)) {
    bindings ??= importsOf(text);
    const binding = bindings.get(match[1]!);
    // What the lookup never follows (frameworks, builtins) is not resolved here either: resolving is the cost.
    if (binding && isFollowedModule(binding.specifier)) specifiers.add(binding.specifier);
  }
  return specifiers;
}

/**
 * Whether a file throws, returns or passes on something from an imported module that may define a status: such a
 * file can produce a finding at that call even when its own text names no status (`throw new TokenExpiredError()`).
 * Only texts are read here; the engine summarizes the modules when it lints the file.
 */
export function importsMeaningfulModule(text: string, filename: string | undefined): boolean {
  if (!filename || !followsImports) return false;
  for (const specifier of respondingImports(text)) if (mayDefineStatus(filename, specifier)) return true;
  return callsEggHelperWithStatus(text, filename);
}

/** `ctx.helper.reply.refuse(`: a call of an Egg helper (`app/extend/helper.js`, merged in by convention, not imported). */
const EGG_HELPER_CALL = /\bhelper\s*\.\s*([\w$]+(?:\s*\.\s*[\w$]+)*)\s*\(/g;

function callsEggHelperWithStatus(text: string, filename: string): boolean {
  EGG_HELPER_CALL.lastIndex = 0;
  let methods: ReadonlyMap<string, unknown> | undefined;
  for (let match = EGG_HELPER_CALL.exec(text); match; match = EGG_HELPER_CALL.exec(text)) {
    methods ??= eggHelpersFor(filename)?.methods ?? new Map();
    if (methods.has(match[1]!.replace(/\s+/g, ''))) return true;
  }
  return false;
}

/**
 * The text-only half of `importsMeaningfulModule`: false means it is false too, without resolving anything (so
 * without loading TypeScript). A tool may send the rest to a thread that resolves them.
 */
export function mayImportMeaningfulModule(text: string, filename: string | undefined): boolean {
  if (filename === undefined || !followsImports) return false;
  EGG_HELPER_CALL.lastIndex = 0;
  return respondingImports(text).size > 0 || EGG_HELPER_CALL.test(text);
}

/** The prefilter for tools that have not parsed the file yet: its own text, or what its imports define, may lead to a finding. */
export function mayContainFindingIn(text: string, filename: string | undefined): boolean {
  return mayContainFinding(text) || importsMeaningfulModule(text, filename);
}
