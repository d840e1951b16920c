import type * as ScopeManager from '@typescript-eslint/scope-manager';
import type * as Estree from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { SourceCode as ESLintSourceCode } from 'eslint';
import type { Node, SourceCode } from '../ast';
import { debugIndex } from './debug';

/* eslint-disable @typescript-eslint/no-require-imports */
/** Loaded on the first module typescript-estree parses: TypeScript itself is loaded only then. */
let parser: typeof Estree | undefined;
function loadParser(): typeof Estree {
  return (parser ??= require('@typescript-eslint/typescript-estree') as typeof Estree);
}

/** Loaded on the first module summarized (it does not load TypeScript). */
let analyzeScopes: typeof ScopeManager.analyze | undefined;
function loadScopeAnalysis(): typeof ScopeManager.analyze {
  return (analyzeScopes ??= (require('@typescript-eslint/scope-manager') as typeof ScopeManager).analyze);
}

/** ESLint's `SourceCode` class, loaded on the first module summarized unless a tool has handed over its own. */
let SourceCodeClass: typeof ESLintSourceCode | undefined;
function loadSourceCode(): typeof ESLintSourceCode {
  return (SourceCodeClass ??= (require('eslint') as { SourceCode: typeof ESLintSourceCode }).SourceCode);
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** A tool that loads only part of ESLint (the CLI: `eslint/universal`) hands over the `SourceCode` class it has. */
export function useSourceCodeClass(sourceCodeClass: typeof ESLintSourceCode): void {
  SourceCodeClass = sourceCodeClass;
}

/**
 * A faster parser a tool may bring (the CLI's oxc adapter): the tree typescript-estree gives for the file, with
 * ranges and locations, no tokens or comments, and `sourceType` 'module' exactly when typescript-estree says so.
 * Returns undefined for any text it cannot give that tree for; typescript-estree then parses it.
 */
export type ModuleTreeParser = (file: string, text: string) => Estree.TSESTree.Program | undefined;
let moduleTreeParser: ModuleTreeParser | undefined;
export function useModuleTreeParser(parser: ModuleTreeParser | undefined): void {
  moduleTreeParser = parser;
}

function parseTree(file: string, text: string): Estree.TSESTree.Program {
  const native = moduleTreeParser?.(file, text);
  if (native) return native;
  const jsx = /\.[jt]sx$/.test(file) || /\.[cm]?js$/.test(file);
  // No tokens or comments: a summary reads nodes only, and converting tokens is a third of the parse.
  return loadParser().parse(text, { range: true, loc: true, tokens: false, comment: false, jsx, filePath: file });
}

/**
 * Parses an imported module into the same kind of SourceCode the rules get (AST with ranges, locations, parents,
 * and scopes), so the engine's adapters read it as they read the linted file. Throws on a syntax error.
 */
export function parseModule(file: string, text: string): SourceCode {
  const ast = parseTree(file, text);
  Object.assign(ast, { tokens: [], comments: [] });
  const commonjs = /\.c[jt]s$/.test(file) || (ast.sourceType === 'script' && /\brequire\s*\(/.test(text));
  ast.sourceType = commonjs ? 'script' : 'module';
  setParents(ast as Node);
  const scopeManager = loadScopeAnalysis()(ast, { sourceType: ast.sourceType, globalReturn: commonjs });
  const sourceCode = new (loadSourceCode())({ text, ast: ast as never, scopeManager: scopeManager as never, visitorKeys: visitorKeys as never });
  return sourceCode as unknown as SourceCode;
}

/** The parsed module, or null when it does not parse (logged with `AUTH_STATUS_DEBUG=index`, never reported). */
export function parseModuleOrSkip(file: string, text: string): SourceCode | null {
  try {
    return parseModule(file, text);
  } catch (error) {
    debugIndex(`skipped ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function setParents(root: Node): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) {
          (child as { parent?: Node }).parent = node;
          stack.push(child as Node);
        }
      }
    }
  }
}
