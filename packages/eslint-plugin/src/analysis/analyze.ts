import type { SourceCode } from './ast';
import { HeaderRegistry } from './handles';
import { mayContainFinding } from './prefilter';
import { rememberFilename, useSiteCollector } from './project-index';
import { importsMeaningfulModule } from './project-index/imports';
import { reasonFor, type Reason } from './reason';
import { ADAPTERS } from './sites';
import { isCaughtByAuthJs } from './sites/authjs';
import { localHelperSites } from './sites/local-helpers';
import { forEachNode } from './traversal';
import type { AdapterContext, ResponseSite, SiteAdapter } from './types';

export interface Analysis {
  sites: readonly ResponseSite[];
  /** Why a site's response is sent (computed once per site, on demand). */
  reasonOf(site: ResponseSite): Reason;
}

const cache = new WeakMap<object, Analysis>();
const signalled = new WeakMap<object, boolean>();

type AdaptersByType = Map<string, SiteAdapter[]>;

/** Adapters that visit only files mentioning their package, and the tables built for each set of them a file has. */
const GATED = ADAPTERS.filter((adapter) => adapter.mentions);
const tables = new Map<string, AdaptersByType>();

/** The adapters that may find a site in `text`, by the node types they act on, in registration order. */
function adaptersFor(text: string): AdaptersByType {
  const absent = new Set(GATED.filter((adapter) => !adapter.mentions!.test(text)));
  const key = GATED.map((adapter) => (absent.has(adapter) ? '0' : '1')).join('');
  let table = tables.get(key);
  if (!table) {
    table = new Map();
    for (const adapter of ADAPTERS) {
      if (absent.has(adapter)) continue;
      for (const type of adapter.nodeTypes) table.set(type, [...(table.get(type) ?? []), adapter]);
    }
    tables.set(key, table);
  }
  return table;
}
const EMPTY: Analysis = {
  sites: [],
  reasonOf: () => ({ kind: 'unknown', evidence: [] }),
};

/**
 * Whether the file may produce a finding (`mayContainFinding`: a status-like signal standing where a status can, not
 * in a comment, arithmetic or a data table), decided once per parsed file for every rule. About a third of the files
 * with a signal at all fail this finer test; on them it costs less than the analysis it saves.
 */
export function hasSignals(sourceCode: SourceCode): boolean {
  let found = signalled.get(sourceCode.ast);
  if (found === undefined) {
    found = mayContainFinding(sourceCode.text);
    signalled.set(sourceCode.ast, found);
  }
  return found;
}

/**
 * All response sites of a file, found once per parsed file and shared by every rule. With the file's absolute
 * path, calls of what its imports define (error classes, response helpers, status constants) are sites too.
 */
export function analyze(sourceCode: SourceCode, filename?: string): Analysis {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  if (filename) rememberFilename(sourceCode, filename);
  const relevant = hasSignals(sourceCode) || importsMeaningfulModule(sourceCode.text, filename);
  const analysis = relevant ? collect(sourceCode, filename, true) : EMPTY;
  cache.set(sourceCode.ast, analysis);
  return analysis;
}

// The project index summarizes imported modules with the same adapters.
useSiteCollector((sourceCode, filename) => {
  rememberFilename(sourceCode, filename);
  return collect(sourceCode, filename, false).sites;
});

/** `hostTraversed`: the file comes from the host's linter, which has walked it already (see `forEachNode`). */
function collect(sourceCode: SourceCode, filename: string | undefined, hostTraversed: boolean): Analysis {
  const sites: ResponseSite[] = [];
  const context: AdapterContext = {
    sourceCode,
    ...(filename ? { filename } : {}),
    headers: new HeaderRegistry(),
    addSite: (site) => {
      if (!isCaughtByAuthJs(site.node)) sites.push(site);
    },
  };
  const adaptersByType = adaptersFor(sourceCode.text);
  forEachNode(sourceCode, hostTraversed, (node) => {
    const adapters = adaptersByType.get(node.type);
    if (adapters) for (const adapter of adapters) adapter.visit(node, context);
  });
  sites.push(...localHelperSites(sourceCode, sites));
  sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  const reasons = new Map<ResponseSite, Reason>();
  return {
    sites,
    reasonOf(site) {
      let reason = reasons.get(site);
      if (!reason) {
        reason = reasonFor(sourceCode, site);
        reasons.set(site, reason);
      }
      return reason;
    },
  };
}
