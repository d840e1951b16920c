import type * as ScopeManager from '@typescript-eslint/scope-manager';
import type * as Estree from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { SourceCode as ESLintSourceCode } from 'eslint';
import type { Node, SourceCode } from '../ast';
import { debugIndex } from './debug';

/** Loaded on the first module summarized: a process that never follows an import never loads TypeScript for it. */
let parser: { parse: typeof Estree.parse; analyzeScopes: typeof ScopeManager.analyze } | undefined;
function loadParser(): NonNullable<typeof parser> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  parser ??= {
    parse: (require('@typescript-eslint/typescript-estree') as typeof Estree).parse,
    analyzeScopes: (require('@typescript-eslint/scope-manager') as typeof ScopeManager).analyze,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return parser;
}

/**
 * Parses an imported module into the same kind of SourceCode the rules get (AST with ranges, locations, parents,
 * and scopes), so the engine's adapters read it as they read the linted file. Throws on a syntax error.
 */
export function parseModule(file: string, text: string): SourceCode {
  const jsx = /\.[jt]sx$/.test(file) || /\.[cm]?js$/.test(file);
  // No tokens or comments: a summary reads nodes only, and converting tokens is a third of the parse.
  const { parse, analyzeScopes } = loadParser();
  const ast = parse(text, { range: true, loc: true, tokens: false, comment: false, jsx, filePath: file });
  Object.assign(ast, { tokens: [], comments: [] });
  const commonjs = /\.c[jt]s$/.test(file) || (ast.sourceType === 'script' && /\brequire\s*\(/.test(text));
  ast.sourceType = commonjs ? 'script' : 'module';
  setParents(ast as Node);
  const scopeManager = analyzeScopes(ast, { sourceType: ast.sourceType, globalReturn: commonjs });
  const sourceCode = new ESLintSourceCode({ text, ast: ast as never, scopeManager: scopeManager as never, visitorKeys: visitorKeys as never });
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
