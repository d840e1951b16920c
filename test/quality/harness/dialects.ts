import path from 'node:path';

/** How a file is parsed: which parser, with JSX or not, as an ES module or as CommonJS. */
export interface Dialect {
  parser: 'typescript' | 'espree';
  jsx: boolean;
  sourceType: 'module' | 'commonjs';
}

/** Files the quality checks read: JavaScript and TypeScript in every module flavour (`.d.ts` included). */
export const CODE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;

/** Extensions the robustness run and the benchmark take from `node_modules` (the list). */
export const TREE_CODE_FILE = /\.(?:[cm]?js|ts|tsx)$/;

const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/;

/**
 * The dialects a file may be written in, most likely first. The extension fixes the parser; `.js` files in the
 * wild are as often CommonJS scripts as modules, so a `.js` (or `.ts`) file that does not parse as a module is
 * tried again as CommonJS, the way Node itself would load it.
 */
export function dialectsFor(filePath: string): Dialect[] {
  const extension = path.extname(filePath);
  const parser = TYPESCRIPT.test(filePath) ? 'typescript' : 'espree';
  // TypeScript's parser reads JSX only in .tsx (in .ts, `<T>x` is a cast); espree reads JSX in every JS flavour.
  const jsx = parser === 'espree' || extension === '.tsx';
  if (extension === '.cjs' || extension === '.cts') return [{ parser, jsx, sourceType: 'commonjs' }];
  if (extension === '.mjs' || extension === '.mts') return [{ parser, jsx, sourceType: 'module' }];
  return [
    { parser, jsx, sourceType: 'module' },
    { parser, jsx, sourceType: 'commonjs' },
  ];
}

export function dialectKey(dialect: Dialect): string {
  return `${dialect.parser}${dialect.jsx ? '+jsx' : ''}:${dialect.sourceType}`;
}
