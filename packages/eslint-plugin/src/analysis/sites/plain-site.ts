import type { Node } from '../ast';
import type { ResponseSite } from '../types';

/** A site that carries no message and no header and offers no edit: a status decided by the code around it alone. */
export function plainSite(framework: string, node: Node, code: number, more: Partial<ResponseSite> = {}): ResponseSite {
  return {
    framework,
    node,
    status: { code, node: null, form: { kind: 'literal' } },
    messages: [],
    carriers: [],
    hasHeader: () => false,
    edit: () => null,
    ...more,
  };
}
