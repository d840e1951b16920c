import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { skipWrappers, type Node, type SourceCode } from '../ast';
import { followingStatements } from '../response-object';
import { caseCheck, keyedChecks, type StatusCheck } from './status-checks';

/** Code that runs only when a response has a given status. */
export interface StatusBranch {
  /** Checks that hold whenever the body runs (`403` and `401` for `if (s === 401 || s === 403)`). */
  checks: StatusCheck[];
  /** What runs: a block or statement, an expression (`?:`, `&&`), the rest of a block after an early exit, case bodies. */
  body: Node[];
}

/**
 * The status-keyed branches a node creates: both sides of an `if` or `?:`, the right side of `&&`/`||`, the
 * statements after `if (status !== 401) return …`, and each `case` of a `switch` on a status (with fall-through).
 */
export function branchesOf(sourceCode: SourceCode, node: Node): StatusBranch[] {
  switch (node.type) {
    case T.IfStatement: {
      const otherwise = () => (node.alternate ? [node.alternate] : exits(node.consequent) ? followingStatements(node, Infinity) : []);
      return [branch(sourceCode, node.test, true, () => [node.consequent]), branch(sourceCode, node.test, false, otherwise)].filter(isBranch);
    }
    case T.ConditionalExpression:
      return [
        branch(sourceCode, node.test, true, () => [node.consequent]),
        branch(sourceCode, node.test, false, () => [node.alternate]),
      ].filter(isBranch);
    case T.LogicalExpression:
      // `status === 403 && refresh()`: only a call (or calls) on the right can act on the status.
      if (node.operator === '??' || !isCallLike(node.right)) return [];
      return [branch(sourceCode, node.left, node.operator === '&&', () => [node.right])].filter(isBranch);
    case T.SwitchStatement:
      return node.cases.flatMap((switchCase, index) => {
        const check = caseCheck(sourceCode, switchCase);
        return check ? [{ checks: [check], body: fallThroughBody(node.cases.slice(index)) }] : [];
      });
    default:
      return [];
  }
}

function branch(sourceCode: SourceCode, test: Node, taken: boolean, bodyOf: () => Node[]): StatusBranch | null {
  const checks = keyedChecks(sourceCode, test, taken);
  if (checks.length === 0) return null;
  const body = bodyOf();
  return body.length > 0 ? { checks, body } : null;
}

function isBranch(branch: StatusBranch | null): branch is StatusBranch {
  return branch !== null;
}

function isCallLike(node: Node): boolean {
  const value = skipWrappers(node);
  return value.type === T.CallExpression || value.type === T.NewExpression || value.type === T.SequenceExpression;
}

/** `case 401: case 403: body` — the statements a case runs: its own, or those of the cases it falls into. */
function fallThroughBody(cases: TSESTree.SwitchCase[]): Node[] {
  const body: Node[] = [];
  for (const switchCase of cases) {
    body.push(...switchCase.consequent);
    if (switchCase.consequent.length > 0) break;
  }
  return body;
}

/** Does the statement always leave the enclosing block (`return`, `throw`, `break`, `continue`)? */
function exits(statement: Node): boolean {
  switch (statement.type) {
    case T.ReturnStatement:
    case T.ThrowStatement:
    case T.BreakStatement:
    case T.ContinueStatement:
      return true;
    case T.BlockStatement: {
      const last = statement.body[statement.body.length - 1];
      return last !== undefined && exits(last);
    }
    default:
      return false;
  }
}
