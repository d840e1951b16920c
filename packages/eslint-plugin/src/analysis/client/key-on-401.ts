import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import type { Node, SourceCode } from '../ast';
import { removeListElement, replaceStatus } from '../edits';
import { nextSignificant, previousSignificant } from '../significant-text';
import type { RuleFix, RuleFixer } from '../types';
import { keyedChecks, statusLiteral, type StatusCheck } from './status-checks';

const UNAUTHORIZED = 401;

/**
 * Keys a status check on 401 instead: drops the wrong alternative where 401 is already one
 * (`s === 401 || s === 403` → `s === 401`, `[401, 403]` → `[401]`, `case 401: case 403:` → `case 401:`),
 * else writes 401 in its place (`s === 403` → `s === 401`, `StatusCodes.FORBIDDEN` → `StatusCodes.UNAUTHORIZED`).
 * Null when neither is safe (a `case 403:` with its own body beside a separate `case 401:`).
 */
export function keyOn401(fixer: RuleFixer, sourceCode: SourceCode, check: StatusCheck): RuleFix | null {
  switch (check.form.kind) {
    case 'comparison':
      return dropAlternative(fixer, sourceCode, check.form.comparison) ?? replaceStatus(fixer, sourceCode, check.status, UNAUTHORIZED);
    case 'listed': {
      const elements = check.form.list.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== T.SpreadElement);
      return elements.some((element) => statusLiteral(sourceCode, element)?.code === UNAUTHORIZED)
        ? removeListElement(fixer, sourceCode, check.form.list.elements.filter((element) => element !== null), check.status.node)
        : replaceStatus(fixer, sourceCode, check.status, UNAUTHORIZED);
    }
    case 'case':
      return rekeyCase(fixer, sourceCode, check.form.switchCase, check);
  }
}

/** `s === 401 || s === 403` → `s === 401`: removes the comparison and its operator when the other side tests 401. */
function dropAlternative(fixer: RuleFixer, sourceCode: SourceCode, comparison: TSESTree.BinaryExpression): RuleFix | null {
  const parent = comparison.parent;
  if (parent?.type !== T.LogicalExpression || parent.operator === '??') return null;
  const other = parent.left === comparison ? parent.right : (parent.left as Node);
  if (!tests401(sourceCode, other)) return null;
  const operator = nextSignificant(sourceCode, parent.left.range[1], { skipping: ')' });
  return parent.left === comparison
    ? fixer.removeRange([parent.range[0], nextSignificant(sourceCode, operator + parent.operator.length)])
    : fixer.removeRange([previousSignificant(sourceCode, operator) + 1, parent.range[1]]);
}

function tests401(sourceCode: SourceCode, node: Node): boolean {
  return [...keyedChecks(sourceCode, node, true), ...keyedChecks(sourceCode, node, false)].some((check) => check.status.code === UNAUTHORIZED);
}

function rekeyCase(fixer: RuleFixer, sourceCode: SourceCode, switchCase: TSESTree.SwitchCase, check: StatusCheck): RuleFix | null {
  const statement = switchCase.parent as TSESTree.SwitchStatement;
  const caseStatus = (other: TSESTree.SwitchCase) => (other.test ? statusLiteral(sourceCode, other.test)?.code : undefined);
  if (fallThroughGroup(statement, switchCase).some((other) => caseStatus(other) === UNAUTHORIZED)) {
    return removeCaseLabel(fixer, sourceCode, switchCase);
  }
  if (statement.cases.some((other) => caseStatus(other) === UNAUTHORIZED)) return null;
  return replaceStatus(fixer, sourceCode, check.status, UNAUTHORIZED);
}

/** The cases that run the same statements: `case 401: case 403: body` (each empty case falls into the next). */
function fallThroughGroup(statement: TSESTree.SwitchStatement, switchCase: TSESTree.SwitchCase): TSESTree.SwitchCase[] {
  const index = statement.cases.indexOf(switchCase);
  let start = index;
  while (start > 0 && statement.cases[start - 1]!.consequent.length === 0) start--;
  let end = index;
  while (end < statement.cases.length - 1 && statement.cases[end]!.consequent.length === 0) end++;
  return statement.cases.slice(start, end + 1);
}

/** Removes `case 403:` and leaves its statements to the case that falls into them; a label on its own line goes with its line. */
function removeCaseLabel(fixer: RuleFixer, sourceCode: SourceCode, switchCase: TSESTree.SwitchCase): RuleFix {
  const colonEnd = nextSignificant(sourceCode, switchCase.test!.range[1], { skipping: ')' }) + 1;
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', switchCase.range[0] - 1) + 1;
  const lineEnd = text.indexOf('\n', colonEnd);
  const ownLine = /^\s*$/.test(text.slice(lineStart, switchCase.range[0])) && lineEnd >= 0 && /^\s*$/.test(text.slice(colonEnd, lineEnd));
  if (ownLine) return fixer.removeRange([lineStart, lineEnd + 1]);
  const next = nextSignificant(sourceCode, colonEnd, { stopAtComments: true });
  return fixer.removeRange([switchCase.range[0], next >= 0 ? next : colonEnd]);
}
