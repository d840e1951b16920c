import type { SourceCode } from './ast';

/**
 * Where the code next to a node goes on, found from ranges and the file's comments instead of ESLint's token
 * store: a host whose parser gives no tokens (the CLI's native parse) then never builds them for our fixes.
 * A position is significant when it holds neither whitespace nor a comment; strings and regular expressions are
 * never skipped, since only `getAllComments()` says what a comment is.
 */
type Range = readonly [number, number];

const WHITESPACE = /\s/;

/** The comment that holds `offset`, if any (comments come sorted and never overlap). */
function commentAt(comments: readonly { range: Range }[], offset: number): Range | undefined {
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = comments[middle]!.range;
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return comments[middle]!.range;
  }
  return undefined;
}

interface Lookahead {
  /** Characters that count as insignificant too (`)` after a parenthesized operand). */
  skipping?: string;
  /** A comment is significant: the offset of the next token or comment. */
  stopAtComments?: boolean;
}

/** The first significant offset at or after `from`, or -1 at the end of the text. */
export function nextSignificant(sourceCode: SourceCode, from: number, { skipping = '', stopAtComments = false }: Lookahead = {}): number {
  const { text } = sourceCode;
  const comments = stopAtComments ? [] : sourceCode.getAllComments();
  let offset = from;
  while (offset < text.length) {
    const comment = commentAt(comments, offset);
    if (comment) offset = comment[1];
    else if (WHITESPACE.test(text[offset]!) || skipping.includes(text[offset]!)) offset++;
    else return offset;
  }
  return -1;
}

/** The last significant offset before `before`, or -1 at the start of the text. */
export function previousSignificant(sourceCode: SourceCode, before: number): number {
  const { text } = sourceCode;
  const comments = sourceCode.getAllComments();
  let offset = before - 1;
  while (offset >= 0) {
    const comment = commentAt(comments, offset);
    if (comment) offset = comment[0] - 1;
    else if (WHITESPACE.test(text[offset]!)) offset--;
    else return offset;
  }
  return -1;
}
