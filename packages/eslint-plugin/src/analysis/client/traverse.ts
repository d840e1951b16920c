import type { Node, SourceCode } from '../ast';

/** Pushes a node's children on a depth-first stack, last child first, so they pop in source order. */
export function pushChildren(sourceCode: SourceCode, node: Node, stack: Node[]): void {
  const keys = sourceCode.visitorKeys[node.type] ?? [];
  for (let i = keys.length - 1; i >= 0; i--) {
    const child = (node as unknown as Record<string, unknown>)[keys[i]!];
    if (Array.isArray(child)) {
      for (let j = child.length - 1; j >= 0; j--) if (child[j]) stack.push(child[j] as Node);
    } else if (child && typeof child === 'object' && 'type' in child) {
      stack.push(child as Node);
    }
  }
}
