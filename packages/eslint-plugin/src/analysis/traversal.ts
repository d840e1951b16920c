import { pushChildren, type Node, type SourceCode } from './ast';

/** A step of ESLint's own traversal (`SourceCode#traverse()`): entering or leaving a node, or a code path event. */
interface TraversalStep {
  type: string;
  phase?: number;
  target: unknown;
}

interface HostTraversal {
  traverse?(): Iterable<TraversalStep>;
}

/**
 * Calls `visit` on every node of the file once, parents before children, in source order. Inside ESLint the
 * linter has traversed the file before any rule runs and keeps the steps, so reading them replaces a walk of the
 * whole tree; `hostTraversed: false` (a parse of our own, which would pay for ESLint's code path analysis) and
 * hosts without `traverse()` (oxlint) get our own walk, which visits the same nodes in the same order.
 */
export function forEachNode(sourceCode: SourceCode, hostTraversed: boolean, visit: (node: Node) => void): void {
  const host = sourceCode as HostTraversal;
  if (hostTraversed && typeof host.traverse === 'function') {
    for (const step of host.traverse()) if (step.phase === 1 && step.type === 'visit') visit(step.target as Node);
    return;
  }
  const stack: Node[] = [sourceCode.ast as Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    pushChildren(sourceCode, node, stack);
  }
}
