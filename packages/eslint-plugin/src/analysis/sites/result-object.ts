import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { calleeName, initialValueOf, memberPath, skipWrappers, staticString, type Node, type SourceCode } from '../ast';
import { addHeaderToOptions, addToObjectLiteral, combineParts, findProperty, headerAddition, headerProperty, statusEdit } from '../edits';
import { headerNamesOfObject } from '../handles';
import { resolveStatus, type StatusValue } from '../status';
import type { AdapterContext, ResponseSite, RuleFix, RuleFixer } from '../types';

/** Where a serverless platform reads a handler's result object: its status, header and body keys. */
export interface ResultShape {
  framework: string;
  statusKey: string;
  /** The first is where the fix adds a header. */
  headerKeys: readonly string[];
  bodyKeys: readonly string[];
}

/**
 * A handler's plain result object that the platform turns into the HTTP response (Lambda's
 * `{ statusCode, headers, body }`, Azure Functions' `{ status, headers, jsonBody }`). The fix sets the status and
 * adds the header to the object's own headers. A status chosen by a conditional gives a site per error branch.
 */
export function resultObjectSites(object: TSESTree.ObjectExpression, shape: ResultShape, context: AdapterContext): ResponseSite[] {
  const { sourceCode } = context;
  const property = findProperty(object, shape.statusKey);
  if (!property) return [];
  const value = skipWrappers(property.value);
  if (value.type !== T.ConditionalExpression) {
    const status = resolveStatus(sourceCode, property.value);
    return status ? [resultSite(object, shape, status, context, null)] : [];
  }
  // `statusCode: valid ? 200 : 401`: each error branch is a response of its own, chosen by the test.
  return ([[value.consequent, true], [value.alternate, false]] as const).flatMap(([branch, holds]) => {
    const status = resolveStatus(sourceCode, branch);
    return status && status.code >= 400 ? [resultSite(object, shape, status, context, { test: value.test, holds })] : [];
  });
}

/** A branch's test the fix may repeat: a name or a member chain (with `!`), which reads the same twice. */
function isRepeatable(test: Node): boolean {
  const value = skipWrappers(test);
  if (value.type === T.UnaryExpression && value.operator === '!') return isRepeatable(value.argument);
  return memberPath(value) !== null;
}

function resultSite(
  object: TSESTree.ObjectExpression,
  shape: ResultShape,
  status: StatusValue,
  context: AdapterContext,
  branch: { test: Node; holds: boolean } | null,
): ResponseSite {
  const { sourceCode } = context;
  const headers = shape.headerKeys.flatMap((key) => {
    const found = findProperty(object, key);
    return found ? headerNamesOfObject(headersValue(sourceCode, found.value), sourceCode) : [];
  });
  if (object.properties.some((p) => p.type === T.SpreadElement)) headers.push('*');
  const headerKey = shape.headerKeys[0]!;
  const addHeader = (fixer: RuleFixer, header: { name: string; value: string }): RuleFix | null => {
    if (branch) {
      // Only the error branch gets the challenge: `headers: valid ? {} : { 'WWW-Authenticate': … }`.
      if (findProperty(object, headerKey) || !isRepeatable(branch.test)) return null;
      const own = `{ ${headerProperty(header)} }`;
      const choice = `${sourceCode.getText(branch.test)} ? ${branch.holds ? own : '{}'} : ${branch.holds ? '{}' : own}`;
      return addToObjectLiteral(fixer, sourceCode, object, `${headerKey}: ${choice}`);
    }
    const shared = findProperty(object, headerKey)?.value;
    // `headers: json` (a constant shared by every result): spread it into a literal of this result's own.
    return shared && skipWrappers(shared).type !== T.ObjectExpression
      ? fixer.replaceText(shared, `{ ...${sourceCode.getText(shared)}, ${headerProperty(header)} }`)
      : addHeaderToOptions(fixer, sourceCode, object, header, headerKey);
  };
  return {
    framework: shape.framework,
    node: status.node!,
    status,
    messages: shape.bodyKeys.flatMap((key) => bodyMessages(object, key)),
    carriers: [],
    ...(branch ? { guard: branch } : {}),
    hasHeader: (name) => headers.includes(name) || headers.includes('*'),
    edit: (fixer, edit) =>
      combineParts(
        statusEdit(fixer, sourceCode, status, edit),
        headerAddition(edit, (header) => addHeader(fixer, header)),
      ),
  };
}

/** A `headers` value, through a constant holding an object literal (`const json = { 'Content-Type': … }`). */
function headersValue(sourceCode: SourceCode, value: Node): Node {
  const direct = skipWrappers(value);
  const init = direct.type === T.Identifier ? initialValueOf(sourceCode, direct) : null;
  return init && skipWrappers(init).type === T.ObjectExpression ? init : value;
}

/** `body: JSON.stringify({ message })` → the object whose text is the response's; `jsonBody: { … }` as written. */
function bodyMessages(object: TSESTree.ObjectExpression, key: string): Node[] {
  const body = findProperty(object, key)?.value;
  if (!body) return [];
  const value = skipWrappers(body);
  if (value.type === T.CallExpression && calleeName(value) === 'stringify' && value.arguments[0] && value.arguments[0].type !== T.SpreadElement) {
    const sent = skipWrappers(value.arguments[0]);
    return sent.type === T.Identifier ? [sent, ...textsSetOn(sent, object)] : [sent];
  }
  return [body];
}

/** How far back texts written onto a sent object are read: the statements that prepare this one result. */
const PREPARING_STATEMENTS = 3;

/**
 * `authResponse.passwordError = 'Invalid password'` in the statements right before the result that sends
 * `JSON.stringify(authResponse)`: the text the client reads.
 */
function textsSetOn(sent: TSESTree.Identifier, result: Node): Node[] {
  let statement: Node = result;
  while (statement.parent && statement.parent.type !== T.BlockStatement) statement = statement.parent;
  const block = statement.parent;
  if (block?.type !== T.BlockStatement) return [];
  const index = block.body.indexOf(statement as TSESTree.Statement);
  return block.body.slice(Math.max(0, index - PREPARING_STATEMENTS), Math.max(0, index)).flatMap((before) => {
    const expression = before.type === T.ExpressionStatement ? skipWrappers(before.expression) : null;
    if (expression?.type !== T.AssignmentExpression || expression.left.type !== T.MemberExpression) return [];
    const owner = skipWrappers(expression.left.object);
    return owner.type === T.Identifier && owner.name === sent.name && staticString(expression.right) !== null ? [expression.right] : [];
  });
}
