import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, skipWrappers, type Node, type SourceCode } from '../ast';
import { resolveStatus, type StatusValue } from '../status';
import { isResponseStatus } from './status-subjects';

/** How the code tests the status, which decides how a fix re-keys it. */
export type CheckForm =
  /** `status === 403`, `403 == res.status`, `status !== 403` */
  | { kind: 'comparison'; comparison: TSESTree.BinaryExpression }
  /** `[401, 403].includes(status)`, `new Set([401, 403]).has(status)`, or a `const` list of them */
  | { kind: 'listed'; list: TSESTree.ArrayExpression }
  /** `switch (res.status) { case 403: … }` */
  | { kind: 'case'; switchCase: TSESTree.SwitchCase };

/** A test on a received response's status that must hold for a branch to run. */
export interface StatusCheck {
  /** The status the branch is keyed on; `node` is the literal (or `StatusCodes.X`) in the code. */
  status: StatusValue & { node: Node };
  /** The status expression tested: `error.response.status`, `status`, the `switch` discriminant. */
  subject: Node;
  form: CheckForm;
}

const MAX_BINDING_DEPTH = 3;
/** Conditions nest a few `&&`/`||` deep; minified chains of hundreds would make every level re-read the rest. */
const MAX_LOGICAL_DEPTH = 8;

/** The status a literal of a check stands for: `403`, `'403'`, `FORBIDDEN`, `StatusCodes.FORBIDDEN`, `HttpStatusCode.Forbidden`. */
export function statusLiteral(sourceCode: SourceCode, node: Node): (StatusValue & { node: Node }) | null {
  const status = resolveStatus(sourceCode, node);
  return status?.node ? { ...status, node: status.node } : null;
}

/**
 * The status checks that hold whenever code guarded by `test` runs, that code running when `test` is truthy
 * (`taken`) or falsy: `if (s === 401 || s === 403) {…}` keys its block on 401 and 403; so does the rest of the
 * function after `if (s !== 401 && s !== 403) return`.
 */
export function keyedChecks(sourceCode: SourceCode, test: Node, taken: boolean, depth = 0, logicalDepth = 0): StatusCheck[] {
  const node = skipWrappers(test);
  switch (node.type) {
    case T.UnaryExpression:
      return node.operator === '!' ? keyedChecks(sourceCode, node.argument, !taken, depth, logicalDepth) : [];
    case T.LogicalExpression:
      if (node.operator === '??' || logicalDepth >= MAX_LOGICAL_DEPTH) return [];
      return [
        ...keyedChecks(sourceCode, node.left, taken, depth, logicalDepth + 1),
        ...keyedChecks(sourceCode, node.right, taken, depth, logicalDepth + 1),
      ];
    case T.BinaryExpression:
      return comparisonCheck(sourceCode, node, taken);
    case T.CallExpression:
      return taken ? listedChecks(sourceCode, node) : [];
    case T.Identifier: {
      // const isAuthError = status === 401 || status === 403; if (isAuthError) …
      if (depth >= MAX_BINDING_DEPTH) return [];
      const binding = bindingOf(sourceCode, node);
      if (binding?.kind !== 'const' || binding.key !== undefined) return [];
      return keyedChecks(sourceCode, binding.init, taken, depth + 1);
    }
    default:
      return [];
  }
}

function comparisonCheck(sourceCode: SourceCode, comparison: TSESTree.BinaryExpression, taken: boolean): StatusCheck[] {
  const { operator } = comparison;
  if (operator !== '===' && operator !== '==' && operator !== '!==' && operator !== '!=') return [];
  const equal = operator === '===' || operator === '==';
  if (equal !== taken) return [];
  const left = comparison.left as Node;
  for (const [literal, subject] of [[comparison.right, left], [left, comparison.right]] as const) {
    if (!mayBeStatusLiteral(literal) || !isResponseStatus(sourceCode, subject)) continue;
    const status = statusLiteral(sourceCode, literal);
    if (status) return [{ status, subject, form: { kind: 'comparison', comparison } }];
  }
  return [];
}

/**
 * Cheap shape test run before any scope lookup, since every `a === b` of a file gets here: a 3-digit literal,
 * `StatusCodes.FORBIDDEN`-like members, or an upper-case constant (`const FORBIDDEN = 403`).
 */
function mayBeStatusLiteral(expression: Node): boolean {
  const node = skipWrappers(expression);
  switch (node.type) {
    case T.Literal:
      return typeof node.value === 'number' ? node.value >= 100 && node.value <= 999 : typeof node.value === 'string' && /^\d{3}$/.test(node.value);
    case T.TemplateLiteral:
      return node.expressions.length === 0;
    case T.MemberExpression:
      return true;
    case T.Identifier:
      return /^[A-Z][A-Z0-9_]{2,}$/.test(node.name) || /status|code/i.test(node.name);
    default:
      return false;
  }
}

/** `[401, 403].includes(status)`, `RETRY_STATUSES.includes(status)`, `new Set([401, 403]).has(status)`. */
function listedChecks(sourceCode: SourceCode, call: TSESTree.CallExpression): StatusCheck[] {
  const name = calleeName(call);
  const callee = skipWrappers(call.callee);
  const [subject] = call.arguments;
  if ((name !== 'includes' && name !== 'has') || callee.type !== T.MemberExpression || !subject || subject.type === T.SpreadElement) return [];
  if (!isResponseStatus(sourceCode, subject)) return [];
  const list = listOf(sourceCode, callee.object, name === 'has');
  if (!list) return [];
  const checks: StatusCheck[] = [];
  for (const element of list.elements) {
    if (!element || element.type === T.SpreadElement) continue;
    const status = statusLiteral(sourceCode, element);
    if (status) checks.push({ status, subject, form: { kind: 'listed', list } });
  }
  return checks;
}

function listOf(sourceCode: SourceCode, expression: Node, isSet: boolean): TSESTree.ArrayExpression | null {
  let value = skipWrappers(expression);
  if (value.type === T.Identifier) {
    const binding = bindingOf(sourceCode, value);
    if (binding?.kind !== 'const' || binding.key !== undefined) return null;
    value = skipWrappers(binding.init);
  }
  if (isSet) {
    if (value.type !== T.NewExpression || calleeName(value) !== 'Set' || !value.arguments[0]) return null;
    value = skipWrappers(value.arguments[0]);
  }
  return value.type === T.ArrayExpression ? value : null;
}

/** `case 403:` of a `switch` on a response status. */
export function caseCheck(sourceCode: SourceCode, switchCase: TSESTree.SwitchCase): StatusCheck | null {
  const statement = switchCase.parent as TSESTree.SwitchStatement;
  if (!switchCase.test || !isResponseStatus(sourceCode, statement.discriminant)) return null;
  const status = statusLiteral(sourceCode, switchCase.test);
  return status ? { status, subject: statement.discriminant, form: { kind: 'case', switchCase } } : null;
}
