import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, skipWrappers, type Node, type SourceCode } from './ast';
import { jsString } from './challenge';
import { statusText, type StatusValue } from './status';
import type { RuleFix, RuleFixer } from './types';

/** Replaces the status expression with `code`, written in the same form (literal, string, `StatusCodes.X`). */
export function replaceStatus(fixer: RuleFixer, sourceCode: SourceCode, status: StatusValue, code: number): RuleFix | null {
  if (!status.node) return null;
  return fixer.replaceText(status.node, statusText(status.form, code, sourceCode.getText(status.node)));
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
  const open = sourceCode.getFirstToken(object)!;
  if (object.properties.length === 0) return fixer.replaceText(object, `{ ${property} }`);
  const first = object.properties[0]!;
  const sameLine = first.loc.start.line === open.loc.start.line;
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
  return fixer.insertTextBefore(host, `${statement}\n${indentOf(sourceCode, host)}`);
}

export function insertStatementAfter(fixer: RuleFixer, sourceCode: SourceCode, node: Node, statement: string): RuleFix | null {
  const host = statementOf(node);
  if (!host) return null;
  return fixer.insertTextAfter(host, `\n${indentOf(sourceCode, host)}${statement}`);
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
