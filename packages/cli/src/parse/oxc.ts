import type { Linter } from 'eslint';
import type * as Oxc from 'oxc-parser' with { 'resolution-mode': 'import' };
import { analyze } from '@typescript-eslint/scope-manager';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { lineStartsOf, locationOf } from './locations';

/**
 * TypeScript through oxc's native parser, behind ESLint's parser interface: the same TS-ESTree shapes and
 * scopes as `@typescript-eslint/parser`, for a fraction of the time (no TypeScript program, no token list).
 * It has no tokens, so a rule asking for one gets nothing: `FileLinter` trusts it only to say a file is clean
 * and lints every other file again with typescript-eslint (see lint/lint-file.ts).
 */
interface ParserOptions {
  filePath?: string;
  ecmaFeatures?: { jsx?: boolean };
}

type Located = { start: number; end: number; range?: [number, number]; loc?: unknown };

// An ES module: required, not imported, so the compiled CommonJS loads it with Node's require(esm).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseSync } = require('oxc-parser') as typeof Oxc;

/** A syntax error as ESLint reports a parser's: a message with a line and column. */
class NativeSyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly lineNumber: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * typescript-eslint decodes HTML entities in JSX text and attribute strings (`&apos;` → `'`); oxc keeps them as
 * written. A JSX file that may hold one is left to typescript-eslint rather than decoded a second way here.
 */
const HTML_ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

function parseForESLint(text: string, options: ParserOptions = {}) {
  const jsx = options.ecmaFeatures?.jsx === true;
  if (jsx && HTML_ENTITY.test(text)) throw new Error('JSX that may hold HTML entities: left to typescript-eslint');
  const parsed = parseSync(options.filePath ?? (jsx ? 'file.tsx' : 'file.ts'), text, {
    lang: jsx ? 'tsx' : 'ts',
    sourceType: 'module',
    astType: 'ts',
    range: true,
    preserveParens: false,
  });
  const lineStarts = lineStartsOf(text);
  const error = parsed.errors.find((candidate) => candidate.severity === 'Error');
  if (error) {
    const where = locationOf(lineStarts, error.labels[0]?.start ?? 0);
    throw new NativeSyntaxError(error.message, where.line, where.column + 1);
  }
  const program = locate(parsed.program as unknown as Located & Record<string, unknown>, text, lineStarts);
  program.comments = parsed.comments.map((comment) => locate({ ...comment }, text, lineStarts));
  program.tokens = [];
  program.sourceType = 'module';
  // The options typescript-eslint's parser gives the scope analysis when it has no TypeScript program.
  const scopeManager = analyze(program as never, { sourceType: 'module' });
  return { ast: program, scopeManager, visitorKeys, services: {} };
}

/** typescript-eslint starts a decorated plain parameter (`@Body() dto`, `@Query() page = 1`) at its name. */
const STARTS_AFTER_DECORATORS = new Set(['Identifier', 'AssignmentPattern']);
const TRIVIA = /(?:\s+|\/\/.*|\/\*[\s\S]*?\*\/)*/y;

function startOf(node: Located & { type?: unknown; decorators?: unknown }, text: string): number {
  if (!Array.isArray(node.decorators) || node.decorators.length === 0 || !STARTS_AFTER_DECORATORS.has(node.type as string)) return node.start;
  TRIVIA.lastIndex = (node.decorators.at(-1) as Located).end;
  TRIVIA.exec(text);
  return TRIVIA.lastIndex;
}

/** Adds `range` and `loc` to a node and everything under it (oxc gives offsets only). */
function locate<T extends Located>(root: T, text: string, lineStarts: readonly number[]): T {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const node = value as Located & Record<string, unknown>;
    if (typeof node.type === 'string' && typeof node.start === 'number') {
      node.range = [startOf(node, text), node.end];
      node.loc = { start: locationOf(lineStarts, node.range[0]), end: locationOf(lineStarts, node.end) };
    }
    for (const key in node) {
      if (key === 'loc' || key === 'range' || key === 'parent') continue;
      const child = node[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return root;
}

export const oxcTypeScriptParser = { meta: { name: 'auth-status-oxc-typescript' }, parseForESLint } as unknown as Linter.Parser;
