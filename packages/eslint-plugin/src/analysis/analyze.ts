import { pushChildren, type Node, type SourceCode } from './ast';
import { HeaderRegistry } from './handles';
import { MAY_CONTAIN_FINDING } from './prefilter';
import { reasonFor, type Reason } from './reason';
import { ADAPTERS } from './sites';
import { isCaughtByAuthJs } from './sites/authjs';
import type { AdapterContext, ResponseSite, SiteAdapter } from './types';

export interface Analysis {
  sites: readonly ResponseSite[];
  /** Why a site's response is sent (computed once per site, on demand). */
  reasonOf(site: ResponseSite): Reason;
}

const cache = new WeakMap<object, Analysis>();

/** Adapters by the node types they act on, in registration order. */
const ADAPTERS_BY_TYPE = new Map<string, SiteAdapter[]>();
for (const adapter of ADAPTERS) {
  for (const type of adapter.nodeTypes) ADAPTERS_BY_TYPE.set(type, [...(ADAPTERS_BY_TYPE.get(type) ?? []), adapter]);
}
const EMPTY: Analysis = {
  sites: [],
  reasonOf: () => ({ kind: 'unknown', evidence: [] }),
};

/** All response sites of a file, found once per parsed file and shared by every rule. */
export function analyze(sourceCode: SourceCode): Analysis {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  // The text test only: the file is parsed already, so the finer `mayContainFinding` would save nothing here.
  const analysis = MAY_CONTAIN_FINDING.test(sourceCode.text) ? collect(sourceCode) : EMPTY;
  cache.set(sourceCode.ast, analysis);
  return analysis;
}

function collect(sourceCode: SourceCode): Analysis {
  const sites: ResponseSite[] = [];
  const context: AdapterContext = {
    sourceCode,
    headers: new HeaderRegistry(),
    addSite: (site) => {
      if (!isCaughtByAuthJs(site.node)) sites.push(site);
    },
  };
  const stack: Node[] = [sourceCode.ast as Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const adapters = ADAPTERS_BY_TYPE.get(node.type);
    if (adapters) for (const adapter of adapters) adapter.visit(node, context);
    pushChildren(sourceCode, node, stack);
  }
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
