import { CodeScanner } from './code-scanner';

/**
 * Deeper bracket nesting than any real module has, and far below what crashes ESLint on Node 20: parsing 2,000
 * nested blocks ends in a native out-of-memory abort (no exception, the process dies), 1,500 still works.
 */
export const MAX_NESTING_DEPTH = 1000;

const BRACKET = /[{}()[\]]/g;
const OPENERS = new Set(['{', '(', '[']);

/**
 * Does the code nest `{`, `(` or `[` more than `limit` deep? Brackets in comments, strings, template text and
 * regular expressions do not count (the prefilter's lexer tells them apart), so this needs no parse: a host can
 * refuse a file before handing it to a parser that would not survive it.
 */
export function exceedsNestingDepth(text: string, limit = MAX_NESTING_DEPTH): boolean {
  // No text with fewer brackets than the limit can exceed it.
  if (text.length <= limit) return false;
  const scanner = new CodeScanner(text);
  let depth = 0;
  BRACKET.lastIndex = 0;
  for (let match = BRACKET.exec(text); match; match = BRACKET.exec(text)) {
    const { region, start } = scanner.regionAt(match.index);
    // A bracket that is code is a region of its own; `${` and the `}` closing it belong to the template.
    if (region !== 'code' || start !== match.index) continue;
    if (OPENERS.has(match[0])) {
      if (++depth > limit) return true;
    } else if (depth > 0) {
      depth--;
    }
  }
  return false;
}
