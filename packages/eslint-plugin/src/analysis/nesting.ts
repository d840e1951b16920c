import { CodeScanner } from './code-scanner';

/**
 * Deeper bracket nesting than any real module has, and below what crashes ESLint on Node 20: parsing 2,000
 * nested blocks ends in a native out-of-memory abort (no exception, the process dies), 1,500 still works.
 */
export const MAX_NESTING_DEPTH = 1000;

const BRACKET = /[{}()[\]]/g;
const OPENERS = new Set(['{', '(', '[']);

/**
 * Where the code first nests `{`, `(` or `[` deeper than `maxDepth` levels, or undefined. Brackets in comments,
 * strings, template text and regular expressions do not count (the prefilter's lexer tells them apart), so this
 * needs no parse: the CLI and the language server refuse such a file before a parser that would not survive it.
 */
export function excessiveNesting(text: string, maxDepth: number = MAX_NESTING_DEPTH): { offset: number } | undefined {
  // The depth never exceeds the number of opening brackets: most files are ruled out by counting them.
  if (!hasMoreOpenersThan(text, maxDepth)) return undefined;
  const scanner = new CodeScanner(text);
  let depth = 0;
  BRACKET.lastIndex = 0;
  for (let match = BRACKET.exec(text); match; match = BRACKET.exec(text)) {
    const { region, start } = scanner.regionAt(match.index);
    // A bracket that is code is a region of its own; `${` and the `}` closing it belong to the template.
    if (region !== 'code' || start !== match.index) continue;
    if (OPENERS.has(match[0])) {
      if (++depth > maxDepth) return { offset: match.index };
    } else if (depth > 0) {
      depth--;
    }
  }
  return undefined;
}

function hasMoreOpenersThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let openers = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // `{`, `(`, `[`
    if ((code === 123 || code === 40 || code === 91) && ++openers > limit) return true;
  }
  return false;
}
