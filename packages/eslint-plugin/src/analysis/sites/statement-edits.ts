import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, type Node, type SourceCode } from '../ast';
import { indentOf } from '../edits';
import type { RuleFix, RuleFixer } from '../types';

/** The statement that holds `node` inside its own function (null when an arrow's expression body holds it). */
export function enclosingStatement(node: Node): TSESTree.Statement | null {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (isFunction(current)) return null;
    if (current.type.endsWith('Statement') || current.type === T.VariableDeclaration) return current as TSESTree.Statement;
  }
  return null;
}

/** Is the statement an item of a statement list (block, program, `case`), where a sibling can be inserted? */
function isListed(statement: TSESTree.Statement): boolean {
  const parent = statement.parent;
  return parent?.type === T.BlockStatement || parent?.type === T.Program || parent?.type === T.SwitchCase;
}

/** The text that separates two statements placed where `statement` is: a new line when it starts its line. */
function separator(sourceCode: SourceCode, statement: Node): string {
  const before = (sourceCode.lines[statement.loc.start.line - 1] ?? '').slice(0, statement.loc.start.column);
  return /^\s*$/.test(before) ? `\n${indentOf(sourceCode, statement)}` : ' ';
}

/**
 * Inserts `text` (one or more statements) right before the statement holding `node`; a statement that is the
 * body of an `if`/loop without braces gets them (`if (x) throw e;` → `if (x) { text throw e; }`).
 */
export function insertBeforeStatement(fixer: RuleFixer, sourceCode: SourceCode, node: Node, text: string): RuleFix[] | null {
  const statement = enclosingStatement(node);
  if (!statement) return null;
  if (isListed(statement)) return [fixer.insertTextBefore(statement, `${text}${separator(sourceCode, statement)}`)];
  return [fixer.insertTextBefore(statement, `{ ${text} `), fixer.insertTextAfter(statement, ' }')];
}

/** Replaces a statement with several, adding braces where the statement is an unbraced `if`/loop body. */
export function replaceStatement(fixer: RuleFixer, sourceCode: SourceCode, statement: TSESTree.Statement, texts: string[]): RuleFix {
  if (isListed(statement)) return fixer.replaceText(statement, texts.join(separator(sourceCode, statement)));
  return fixer.replaceText(statement, `{ ${texts.join(' ')} }`);
}
