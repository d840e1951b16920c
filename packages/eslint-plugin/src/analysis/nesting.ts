import { CodeScanner } from './code-scanner';

/**
 * Deepest bracket nesting a file may have before it is left unparsed. ESLint's traversal recurses once per
 * level; a few thousand levels exhaust the stack, and on Node 20 that can abort the process natively instead of
 * throwing. Hand-written code stays far below this.
 */
export const MAX_NESTING_DEPTH = 500;

const BRACKETS = /[{}()[\]]/g;

/**
 * Where the text's code first nests `{`, `(` or `[` deeper than `maxDepth` levels, or undefined. Brackets in
 * comments, strings, template text and regular expressions do not count (the lexer the prefilter uses tells
 * them apart, without parsing). Meant as a guard before parsing.
 */
export function excessiveNesting(text: string, maxDepth: number = MAX_NESTING_DEPTH): { offset: number } | undefined {
  if (text.length <= maxDepth) return undefined;
  const scanner = new CodeScanner(text);
  let depth = 0;
  BRACKETS.lastIndex = 0;
  for (let match = BRACKETS.exec(text); match !== null; match = BRACKETS.exec(text)) {
    if (scanner.regionAt(match.index).region !== 'code') continue;
    const char = match[0];
    if (char === '{' || char === '(' || char === '[') {
      if (++depth > maxDepth) return { offset: match.index };
    } else if (depth > 0) {
      depth--;
    }
  }
  return undefined;
}
