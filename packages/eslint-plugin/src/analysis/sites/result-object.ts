import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { calleeName, initialValueOf, skipWrappers, type Node, type SourceCode } from '../ast';
import { addHeaderToOptions, combineParts, findProperty, headerAddition, headerProperty, statusEdit } from '../edits';
import { headerNamesOfObject } from '../handles';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite } from '../types';

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
 * adds the header to the object's own headers.
 */
export function resultObjectSite(object: TSESTree.ObjectExpression, shape: ResultShape, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const property = findProperty(object, shape.statusKey);
  const status = property && resolveStatus(sourceCode, property.value);
  if (!property || !status) return null;
  const headers = shape.headerKeys.flatMap((key) => {
    const found = findProperty(object, key);
    return found ? headerNamesOfObject(headersValue(sourceCode, found.value)) : [];
  });
  if (object.properties.some((p) => p.type === T.SpreadElement)) headers.push('*');
  const headerKey = shape.headerKeys[0]!;
  return {
    framework: shape.framework,
    node: property.value,
    status,
    messages: shape.bodyKeys.flatMap((key) => bodyMessages(object, key)),
    carriers: [],
    hasHeader: (name) => headers.includes(name) || headers.includes('*'),
    edit: (fixer, edit) =>
      combineParts(
        statusEdit(fixer, sourceCode, status, edit),
        headerAddition(edit, (header) => {
          const shared = findProperty(object, headerKey)?.value;
          // `headers: json` (a constant shared by every result): spread it into a literal of this result's own.
          return shared && skipWrappers(shared).type !== T.ObjectExpression
            ? fixer.replaceText(shared, `{ ...${sourceCode.getText(shared)}, ${headerProperty(header)} }`)
            : addHeaderToOptions(fixer, sourceCode, object, header, headerKey);
        }),
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
    return [value.arguments[0]];
  }
  return [body];
}
