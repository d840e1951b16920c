import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, pushChildren, skipWrappers, type Node, type SourceCode } from '../ast';
import type { CredentialProblem } from '../challenge';
import { reasonFor } from '../reason';
import { plainSite } from '../sites/plain-site';

/**
 * A function that answers "no" (`null`, `false`, `undefined`) when a check fails, and what failed where it does:
 * `requireAdmin(request)` returning null both without a valid token and for a user who is not an admin. Its caller's
 * `if (!admin) return …` then answers those failures.
 */
export interface Gate {
  credential: CredentialProblem | null;
  authorization: boolean;
  line: number;
}

const MAX_NODES = 3000;
const known = new WeakMap<Node, Gate | null>();

/** The gate a function is, when every `return null` / `return false` in it answers a decided failure. */
export function gateOf(sourceCode: SourceCode, fn: TSESTree.FunctionLike): Gate | null {
  if (known.has(fn)) return known.get(fn)!;
  known.set(fn, null);
  const gate = computeGate(sourceCode, fn);
  known.set(fn, gate);
  return gate;
}

function computeGate(sourceCode: SourceCode, fn: TSESTree.FunctionLike): Gate | null {
  const refusals = falsyReturns(sourceCode, fn);
  if (refusals.length === 0) return null;
  let credential: CredentialProblem | null = null;
  let authorization = false;
  for (const refusal of refusals) {
    const reason = reasonFor(sourceCode, plainSite('gate', refusal, 0));
    if (reason.kind === 'credential') credential ??= reason.problem;
    else if (reason.kind === 'authorization') authorization = true;
    else if (reason.kind === 'split') {
      credential ??= reason.problem;
      authorization = true;
    } else return null;
  }
  return { credential, authorization, line: fn.loc.start.line };
}

/** `return null`, `return false`, `return undefined` of the function itself (not of functions inside it). */
function falsyReturns(sourceCode: SourceCode, fn: TSESTree.FunctionLike): Node[] {
  if (fn.body?.type !== T.BlockStatement) return [];
  const found: Node[] = [];
  const stack: Node[] = [fn.body];
  for (let visited = 0; stack.length > 0 && visited < MAX_NODES; visited++) {
    const node = stack.pop()!;
    if (isFunction(node)) continue;
    if (node.type === T.ReturnStatement && node.argument && isFalsy(node.argument)) found.push(node.argument);
    pushChildren(sourceCode, node, stack);
  }
  return found;
}

function isFalsy(node: Node): boolean {
  const value = skipWrappers(node);
  return (value.type === T.Literal && (value.value === null || value.value === false)) || (value.type === T.Identifier && value.name === 'undefined');
}
