import type { Problem } from './problem';

/** What the incremental check needs to know about one top-level statement, in offsets of the document text. */
export interface StatementFacts {
  start: number;
  end: number;
  /** Top-level names it declares (and undeclared globals it assigns). */
  declares: readonly string[];
  /** Top-level names and undeclared globals it uses, from anywhere inside it. */
  references: readonly string[];
  /** Imports and directive prologues: every check keeps them, and an edit to them is never checked alone. */
  fixed: boolean;
  /** A response site or a problem lies in it: its result may depend on the statements that use its names. */
  hasSite: boolean;
}

export interface Span {
  start: number;
  end: number;
}

/** A document version as the last exact (or exactly derived) check saw it. */
export interface Outline {
  text: string;
  statements: readonly StatementFacts[];
  /** ESLint directive comments (`eslint-disable…`, `eslint`, `global`, `exported`): they act across statements. */
  directives: readonly Span[];
  problems: readonly Problem[];
}

/** The parts of ESLint's `SourceCode` the outline reads (ESLint's and typescript-eslint's scope managers both fit). */
export interface ParsedSource {
  ast: { body: readonly ParsedStatement[] };
  scopeManager: { globalScope: ParsedScope | null } | null;
  getAllComments(): readonly { type: string; value: string; range: [number, number] }[];
}

interface ParsedStatement {
  type: string;
  range: [number, number];
  directive?: string;
}

interface ParsedReference {
  identifier: { name: string; range: [number, number] };
  isWrite(): boolean;
}

interface ParsedScope {
  block: unknown;
  variables: readonly { name: string; defs: readonly { name: { range: [number, number] } }[]; references: readonly ParsedReference[] }[];
  childScopes: readonly ParsedScope[];
  through: readonly ParsedReference[];
}

const DIRECTIVE = /^\s*(?:eslint|globals?|exported)\b/;

export function isDirectiveComment(value: string): boolean {
  return DIRECTIVE.test(value);
}

/**
 * The statements of a parsed file with the names each declares and uses, resolved through scope analysis (so a
 * parameter that shadows a top-level name is not a use of it). `shift` maps parser offsets to document offsets
 * (a byte order mark the parser did not see); `sitesAt` lists where response sites start.
 */
export function statementFactsOf(source: ParsedSource, shift: number, siteStarts: readonly number[], problems: readonly Problem[]): StatementFacts[] {
  const body = source.ast.body;
  const declares = body.map(() => new Set<string>());
  const references = body.map(() => new Set<string>());
  const indexAt = (offset: number) => statementAt(body, offset);
  const record = (sets: Set<string>[], offset: number, name: string) => {
    const index = indexAt(offset);
    if (index !== -1) sets[index]!.add(name);
  };
  const global = source.scopeManager?.globalScope;
  if (global) {
    for (const scope of [global, ...global.childScopes.filter((child) => child.block === source.ast)]) {
      for (const variable of scope.variables) {
        if (variable.defs.length === 0) continue;
        for (const definition of variable.defs) record(declares, definition.name.range[0], variable.name);
        for (const reference of variable.references) record(references, reference.identifier.range[0], variable.name);
      }
    }
    for (const reference of global.through) {
      const { name, range } = reference.identifier;
      record(references, range[0], name);
      if (reference.isWrite()) record(declares, range[0], name);
    }
  }
  const hasSite = body.map(() => false);
  for (const offset of [...siteStarts, ...problems.map((problem) => problem.start - shift)]) {
    const index = indexAt(offset);
    if (index !== -1) hasSite[index] = true;
  }
  return body.map((statement, index) => ({
    start: statement.range[0] + shift,
    end: statement.range[1] + shift,
    declares: [...declares[index]!],
    references: [...references[index]!],
    fixed: statement.type === 'ImportDeclaration' || typeof statement.directive === 'string',
    hasSite: hasSite[index]!,
  }));
}

export function directivesOf(source: ParsedSource, shift: number): Span[] {
  return source
    .getAllComments()
    .filter((comment) => isDirectiveComment(comment.value))
    .map((comment) => ({ start: comment.range[0] + shift, end: comment.range[1] + shift }));
}

/** Index of the statement whose range holds `offset`, or -1 (binary search: statements are sorted). */
export function statementAt(statements: readonly { range: [number, number] }[] | readonly Span[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const statement = statements[middle]!;
    const [start, end] = 'range' in statement ? statement.range : [statement.start, statement.end];
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return middle;
  }
  return -1;
}
