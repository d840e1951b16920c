import type { TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { isFunction, keyName, skipWrappers, staticString, type Node, type SourceCode } from './ast';
import { jsString } from './challenge';
import { nextSignificant } from './significant-text';
import { statusText, type StatusValue } from './status';
import type { ResponseEdit, ResponseSite, RuleFix, RuleFixer } from './types';

/** Replaces the status expression with `code`, written in the same form (literal, string, `StatusCodes.X`). */
export function replaceStatus(fixer: RuleFixer, sourceCode: SourceCode, status: StatusValue, code: number): RuleFix | null {
  if (!status.node || status.form.kind === 'instance') return null;
  return fixer.replaceText(status.node, statusText(status.form, code, sourceCode.getText(status.node)));
}

/** The edit of a site where only the status can change: no header can be added where it is written. */
export function statusOnlyEdit(sourceCode: SourceCode, status: StatusValue): ResponseSite['edit'] {
  return (fixer, edit) => (edit.addHeader ? null : statusEdit(fixer, sourceCode, status, edit));
}

/** The fixes for `edit.status` (none when the edit keeps the status), or null when the status cannot be rewritten. */
export function statusEdit(fixer: RuleFixer, sourceCode: SourceCode, status: StatusValue, edit: ResponseEdit): RuleFix[] | null {
  if (edit.status === undefined || edit.status === status.code) return [];
  const fix = replaceStatus(fixer, sourceCode, status, edit.status);
  return fix ? [fix] : null;
}

/** All parts of an edit, or null when any part has no safe form. */
export function combineParts(...parts: (RuleFix[] | null)[]): RuleFix[] | null {
  return parts.some((part) => part === null) ? null : (parts.flat() as RuleFix[]);
}

/** The part of an edit that adds a header: nothing when none is asked, null when `insert` finds no safe form. */
export function headerAddition(edit: ResponseEdit, insert: (header: { name: string; value: string }) => RuleFix | null): RuleFix[] | null {
  if (!edit.addHeader) return [];
  const fix = insert(edit.addHeader);
  return fix ? [fix] : null;
}

/** `'Name', 'value'`: the arguments of a header setter call. */
export function headerArguments(header: { name: string; value: string }): string {
  return `${jsString(header.name)}, ${jsString(header.value)}`;
}

/** `'Name': 'value'` */
export function headerProperty(header: { name: string; value: string }): string {
  return `${jsString(header.name)}: ${jsString(header.value)}`;
}

/** Adds a header to an object literal of headers (`{ 'Content-Type': … }` → `{ 'WWW-Authenticate': …, 'Content-Type': … }`). */
export function addToObjectLiteral(
  fixer: RuleFixer,
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  property: string,
): RuleFix {
  if (object.properties.length === 0) return fixer.replaceText(object, `{ ${property} }`);
  const first = object.properties[0]!;
  // The literal's `{` is where its range starts.
  const sameLine = first.loc.start.line === object.loc.start.line;
  if (sameLine) return fixer.insertTextBefore(first, `${property}, `);
  return fixer.insertTextBefore(first, `${property},\n${indentOf(sourceCode, first)}`);
}

/** Finds `key` in an object literal (static keys only). */
export function findProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | null {
  for (const property of object.properties) {
    if (property.type === T.Property && keyName(property)?.toLowerCase() === key.toLowerCase()) return property;
  }
  return null;
}

/** Adds `headers: { … }` to an options object, or the header to its existing `headers` object literal. */
export function addHeaderToOptions(
  fixer: RuleFixer,
  sourceCode: SourceCode,
  options: TSESTree.ObjectExpression,
  header: { name: string; value: string },
  headersKey = 'headers',
): RuleFix | null {
  const existing = findProperty(options, headersKey);
  if (existing) {
    const value = skipWrappers(existing.value);
    return value.type === T.ObjectExpression ? addToObjectLiteral(fixer, sourceCode, value, headerProperty(header)) : null;
  }
  return addToObjectLiteral(fixer, sourceCode, options, `${headersKey}: { ${headerProperty(header)} }`);
}

/** Inserts a statement before the statement that contains `node`, when that statement is a plain expression statement. */
export function insertStatementBefore(fixer: RuleFixer, sourceCode: SourceCode, node: Node, statement: string): RuleFix | null {
  const host = statementOf(node);
  if (!host) return null;
  const separator = startsLine(sourceCode, host) ? `\n${indentOf(sourceCode, host)}` : ' ';
  return fixer.insertTextBefore(host, `${statement}${separator}`);
}

export function insertStatementAfter(fixer: RuleFixer, sourceCode: SourceCode, node: Node, statement: string): RuleFix | null {
  const host = statementOf(node);
  if (!host) return null;
  const separator = startsLine(sourceCode, host) ? `\n${indentOf(sourceCode, host)}` : ' ';
  return fixer.insertTextAfter(host, `${separator}${statement}`);
}

/** Is the node the first thing on its line (so a new statement gets a line of its own)? */
function startsLine(sourceCode: SourceCode, node: Node): boolean {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return line.slice(0, node.loc.start.column).trim() === '';
}

/** The expression statement whose expression is `node` (through `await`/casts), in a block or program body. */
function statementOf(node: Node): TSESTree.ExpressionStatement | null {
  let current: Node = node;
  while (current.parent && skipWrappers(current.parent) === skipWrappers(current) && current.parent.type !== T.ExpressionStatement) {
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type !== T.ExpressionStatement) return null;
  const container = parent.parent;
  if (container?.type !== T.BlockStatement && container?.type !== T.Program && container?.type !== T.SwitchCase) return null;
  return parent;
}

export function indentOf(sourceCode: SourceCode, node: Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)![0];
}

/**
 * Removes one element of a comma-separated list (properties, array elements, arguments) with its comma; `inner`
 * may be the item or a node inside it (an argument under its `as` cast).
 */
export function removeListElement(fixer: RuleFixer, sourceCode: SourceCode, list: readonly Node[], inner: Node): RuleFix {
  const index = list.findIndex((item) => item.range[0] <= inner.range[0] && inner.range[1] <= item.range[1]);
  const element = list[index];
  if (!element) return fixer.remove(inner);
  const next = list[index + 1];
  if (next) return fixer.removeRange([element.range[0], next.range[0]]);
  const previous = list[index - 1];
  if (previous) return fixer.removeRange([previous.range[1], element.range[1]]);
  const after = nextSignificant(sourceCode, element.range[1]);
  return sourceCode.text[after] === ',' ? fixer.removeRange([element.range[0], after + 1]) : fixer.remove(element);
}

/**
 * A challenge that still means something on a 403: RFC 6750 §3.1 `error="insufficient_scope"` tells the client
 * which scope it lacks, so a fix that turns the 401 into a 403 keeps it.
 */
function keepsMeaningOn403(sourceCode: SourceCode, value: Node): boolean {
  return sourceCode.getText(value).includes('insufficient_scope');
}

/** The property of an object literal of headers that sets `name` and may be dropped, or null. */
export function removableHeaderProperty(sourceCode: SourceCode, headers: Node, name: string): TSESTree.Property | null {
  const object = skipWrappers(headers);
  if (object.type !== T.ObjectExpression) return null;
  const property = findProperty(object, name);
  return property && !keepsMeaningOn403(sourceCode, property.value) ? property : null;
}

/**
 * Drops header `name` from an options object's `headers` literal (`{ headers: { 'WWW-Authenticate': v } }`), taking
 * the `headers` property with it when it was its only header. `emptied`: the options object is left empty.
 */
export function removeHeaderFromOptions(
  fixer: RuleFixer,
  sourceCode: SourceCode,
  options: TSESTree.ObjectExpression,
  name: string,
): { fix: RuleFix; emptied: boolean } | null {
  const headers = findProperty(options, 'headers');
  if (!headers) return null;
  const header = removableHeaderProperty(sourceCode, headers.value, name);
  if (!header) return null;
  const headerObject = skipWrappers(headers.value) as TSESTree.ObjectExpression;
  if (headerObject.properties.length > 1) {
    return { fix: removeListElement(fixer, sourceCode, headerObject.properties, header), emptied: false };
  }
  return { fix: removeListElement(fixer, sourceCode, options.properties, headers), emptied: options.properties.length === 1 };
}

/**
 * Drops a chained header setter for `name` (`.set('WWW-Authenticate', v)` or `.set({ 'WWW-Authenticate': v })`)
 * from a response chain; the setters return the response, so the chain keeps working without it.
 */
export function removeChainedHeaderSetter(
  fixer: RuleFixer,
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  name: string,
): RuleFix | null {
  const callee = call.callee;
  if (callee.type !== T.MemberExpression) return null;
  const [first, value] = call.arguments;
  if (!first || first.type === T.SpreadElement) return null;
  const removeCall = () => fixer.removeRange([callee.object.range[1], call.range[1]]);
  if (staticString(first)?.toLowerCase() === name.toLowerCase()) {
    return value && keepsMeaningOn403(sourceCode, value) ? null : removeCall();
  }
  const header = removableHeaderProperty(sourceCode, first, name);
  if (!header) return null;
  const object = skipWrappers(first) as TSESTree.ObjectExpression;
  return object.properties.length === 1 ? removeCall() : removeListElement(fixer, sourceCode, object.properties, header);
}

/**
 * Puts a statement before the `return`/`throw`/expression statement holding `node`: in a block on a line of its
 * own, or as the branch of an `if` by turning the branch into a block.
 */
export function insertBeforeStatement(fixer: RuleFixer, sourceCode: SourceCode, node: Node, statement: string): RuleFix | RuleFix[] | null {
  let host: Node = node;
  while (host.parent && host.type !== T.ReturnStatement && host.type !== T.ThrowStatement && host.type !== T.ExpressionStatement) {
    if (isFunction(host.parent)) return null;
    host = host.parent;
  }
  const container = host.parent;
  if (!container || (host.type !== T.ReturnStatement && host.type !== T.ThrowStatement)) {
    return host.type === T.ExpressionStatement ? insertStatementBefore(fixer, sourceCode, node, statement) : null;
  }
  if (container.type === T.BlockStatement || container.type === T.SwitchCase) {
    const line = sourceCode.lines[host.loc.start.line - 1] ?? '';
    const ownLine = line.slice(0, host.loc.start.column).trim() === '';
    return fixer.insertTextBefore(host, ownLine ? `${statement}\n${indentOf(sourceCode, host)}` : `${statement} `);
  }
  if (container.type === T.IfStatement) {
    // Two insertions, not one replacement, so the status edit inside the statement does not overlap.
    return [fixer.insertTextBefore(host, `{ ${statement} `), fixer.insertTextAfter(host, ' }')];
  }
  return null;
}
