import type { Linter } from 'eslint';
import type * as Oxc from 'oxc-parser' with { 'resolution-mode': 'import' };
import { analyze } from '@typescript-eslint/scope-manager';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { decodeJsxEntities } from './jsx-entities';
import { answerTokensOnDemand, TOKENS_ON_DEMAND } from './lazy-tokens';
import { lineStartsOf, locationOf, NodeLocation } from './locations';

/**
 * JavaScript and TypeScript through oxc's native parser, behind ESLint's parser interface: the trees espree and
 * typescript-eslint give (ESTree, TS-ESTree), for a fraction of the time (no TypeScript program, no token list).
 * Tokens come from ESLint's own parser, and only for a file whose lint asks for one (parse/lazy-tokens.ts).
 */
interface ParserOptions {
  [option: string]: unknown;
  filePath?: string;
  sourceType?: 'module' | 'commonjs' | 'script';
  ecmaFeatures?: { jsx?: boolean };
}

type Language = 'javascript' | 'typescript';
type Located = { start: number; end: number; range?: [number, number]; loc?: unknown };
type Program = Located & Record<string, unknown>;

// An ES module: required, not imported, so the compiled CommonJS loads it with Node's require(esm).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseSync } = require('oxc-parser') as typeof Oxc;
answerTokensOnDemand();

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
 * espree decodes HTML entities in JSX text and attribute strings (`&apos;` → `'`) by its own rules; oxc keeps them
 * as written. A JavaScript JSX file that may hold one is left to espree; TypeScript's are decoded here as
 * typescript-estree decodes them (parse/jsx-entities.ts).
 */
const HTML_ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/**
 * The tree with ranges, locations and comments, or a thrown error where ESLint's own parser might answer
 * otherwise. JavaScript also gets the errors espree finds beyond the grammar (a name declared twice, `with` in a
 * module), and decorators, which oxc accepts in JavaScript and espree does not, are left to espree.
 */
function parseNatively(text: string, options: ParserOptions, language: Language): Program {
  const jsx = options.ecmaFeatures?.jsx === true;
  const typescript = language === 'typescript';
  const program = parsedTree(text, options.filePath ?? 'file', {
    lang: typescript ? (jsx ? 'tsx' : 'ts') : jsx ? 'jsx' : 'js',
    sourceType: !typescript && options.sourceType === 'commonjs' ? 'commonjs' : 'module',
    astType: typescript ? 'ts' : 'js',
    showSemanticErrors: !typescript,
  });
  program[TOKENS_ON_DEMAND as never] = () => tokensByEslintParser(text, options, language);
  return program;
}

type TreeOptions = Pick<Oxc.ParserOptions, 'lang' | 'sourceType' | 'astType' | 'showSemanticErrors'>;

/** oxc's tree with ESLint's parser's ranges, locations and comments, no tokens; thrown syntax errors. */
function parsedTree(text: string, filePath: string, options: TreeOptions): Program {
  const jsx = options.lang === 'jsx' || options.lang === 'tsx';
  const typescript = options.astType === 'ts';
  if (jsx && !typescript && HTML_ENTITY.test(text)) throw new Error('JSX that may hold HTML entities: left to espree');
  // espree also turns \r\n into \n in JSX text.
  if (jsx && text.includes('\r')) throw new Error('JSX with carriage returns: left to ESLint\'s parser');
  const parsed = parseSync(filePath, text, { ...options, range: true, preserveParens: false });
  const lineStarts = lineStartsOf(text);
  const error = parsed.errors.find((candidate) => candidate.severity === 'Error');
  if (error) {
    const where = locationOf(lineStarts, error.labels[0]?.start ?? 0);
    throw new NativeSyntaxError(error.message, where.line, where.column + 1);
  }
  const program = locate(parsed.program as unknown as Program, text, lineStarts, typescript);
  program.comments = parsed.comments.map((comment) => locate({ ...comment }, text, lineStarts, typescript));
  program.tokens = [];
  return program;
}

/** The statements that make typescript-estree call a file a module (TypeScript's `externalModuleIndicator`). */
const MODULE_STATEMENTS = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'TSExportAssignment']);

function isModuleStatement(statement: { type: string; moduleReference?: { type: string } }): boolean {
  return MODULE_STATEMENTS.has(statement.type) || (statement.type === 'TSImportEqualsDeclaration' && statement.moduleReference?.type === 'TSExternalModuleReference');
}

/**
 * The tree typescript-estree gives a module the project index reads (TS-ESTree for JavaScript too, JSX allowed
 * in every JavaScript file, no tokens or comments), or undefined where oxc might give another: a parse error (a
 * CommonJS `return`, TypeScript syntax in a .js file), `import.meta` without an import or export (TypeScript's
 * own rule for it is not worth copying).
 */
export function importedModuleTree(file: string, text: string): Program | undefined {
  const extension = /\.([cm]?[jt]sx?)$/.exec(file)?.[1];
  if (extension === undefined) return undefined;
  const lang = extension === 'tsx' ? 'tsx' : extension.endsWith('ts') ? 'ts' : 'jsx';
  let program: Program;
  try {
    program = parsedTree(text, file, { lang, sourceType: 'unambiguous', astType: 'ts', showSemanticErrors: false });
  } catch {
    return undefined;
  }
  const module = (program.body as { type: string }[]).some(isModuleStatement);
  if (!module && /\bimport\s*\.\s*meta\b/.test(text)) return undefined;
  program.sourceType = module ? 'module' : 'script';
  return program;
}

/** The tokens espree or typescript-eslint gives for the text, with the options ESLint hands them. */
function tokensByEslintParser(text: string, options: ParserOptions, language: Language): unknown[] {
  if (language === 'javascript') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('espree') as { parse(text: string, options: unknown): { tokens: unknown[] } }).parse(text, options).tokens;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('@typescript-eslint/typescript-estree') as typeof import('@typescript-eslint/typescript-estree');
  // What typescript-eslint's parser hands typescript-estree, less the scope analysis.
  const tokensOptions = { jsx: options.ecmaFeatures?.jsx === true, ...options, comment: true, loc: true, range: true, tokens: true };
  return parse(text, tokensOptions as never).tokens ?? [];
}

function parseTypeScript(text: string, options: ParserOptions = {}) {
  const program = parseNatively(text, options, 'typescript');
  program.sourceType = 'module';
  // The options typescript-eslint's parser gives the scope analysis when it has no TypeScript program.
  const scopeManager = analyze(program as never, { sourceType: 'module' });
  return { ast: program, scopeManager, visitorKeys, services: {} };
}

/** ESLint analyses the scopes itself, with eslint-scope and its own visitor keys, as it does for espree's tree. */
function parseJavaScript(text: string, options: ParserOptions = {}) {
  const program = parseNatively(text, options, 'javascript');
  program.sourceType = options.sourceType ?? 'module';
  return { ast: program };
}

/** Decorated plain parameters (`@Body() dto`, `@Query() page = 1`). */
const STARTS_AFTER_DECORATORS = new Set(['Identifier', 'AssignmentPattern']);
const TRIVIA = /(?:\s+|\/\/.*|\/\*[\s\S]*?\*\/)*/y;

/**
 * Where ESLint's parser puts a node: a decorated plain parameter starts at its name (typescript-eslint); a
 * template element of espree's tree takes in its delimiters (`` ` ``, `${`, `}`), where oxc's JavaScript tree does not.
 */
function rangeOf(node: Located & { type?: unknown; decorators?: unknown; tail?: unknown }, text: string, typescript: boolean): [number, number] {
  if (!typescript && node.type === 'TemplateElement') return [node.start - 1, node.end + (node.tail === true ? 1 : 2)];
  const start = startOf(node, text);
  // oxc's own range (asked for), kept where it agrees: one array less per node.
  return node.range !== undefined && node.range[0] === start && node.range[1] === node.end ? node.range : [start, node.end];
}

function startOf(node: Located & { type?: unknown; decorators?: unknown }, text: string): number {
  if (!Array.isArray(node.decorators) || node.decorators.length === 0 || !STARTS_AFTER_DECORATORS.has(node.type as string)) return node.start;
  TRIVIA.lastIndex = (node.decorators.at(-1) as Located).end;
  TRIVIA.exec(text);
  return TRIVIA.lastIndex;
}

/** oxc sorts a regular expression's flags (`gis`); ESLint's parsers keep them as written (`igs`). */
function keepFlagOrder(literal: { raw: string; regex: { flags: string } }): void {
  literal.regex.flags = literal.raw.slice(literal.raw.lastIndexOf('/') + 1);
}

/** JSX text and attribute strings as typescript-estree gives them: `value` decoded, `raw` as written. */
function decodeEntities(node: Record<string, unknown>): void {
  if (node.type === 'JSXText') node.value = decodeJsxEntities(node.value as string);
  const attributeValue = node.type === 'JSXAttribute' ? (node.value as { type: string; value: unknown } | null) : null;
  if (attributeValue?.type === 'Literal') attributeValue.value = decodeJsxEntities(attributeValue.value as string);
}

/** Adds `range` and `loc` to a node and everything under it (oxc gives offsets only). */
function locate<T extends Located>(root: T, text: string, lineStarts: readonly number[], typescript: boolean): T {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const node = value as Located & Record<string, unknown>;
    if (!typescript && node.type === 'Decorator') throw new Error('a decorator in JavaScript: left to espree');
    if (typeof node.type === 'string' && typeof node.start === 'number') {
      if (node.regex) keepFlagOrder(node as never);
      if (typescript) decodeEntities(node);
      const range = rangeOf(node, text, typescript);
      node.range = range;
      // acorn's own offsets, which espree's nodes carry too.
      if (!typescript) [node.start, node.end] = range;
      node.loc = new NodeLocation(lineStarts, range);
    }
    for (const key in node) {
      if (key === 'loc' || key === 'range' || key === 'parent') continue;
      const child = node[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return root;
}

export const oxcTypeScriptParser = { meta: { name: 'auth-status-oxc-typescript' }, parseForESLint: parseTypeScript } as unknown as Linter.Parser;
export const oxcJavaScriptParser = { meta: { name: 'auth-status-oxc-javascript' }, parseForESLint: parseJavaScript } as unknown as Linter.Parser;
