import type { Span } from './outline';

const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029]/g;

/** A text with some statements left out, and how its offsets map back to the document's. */
export interface MaskedText {
  text: string;
  /** Where the comment holding the left-out statements begins (the text's length when nothing is left out). */
  codeLength: number;
  /** The document span of a span of the masked text; undefined when it reaches into a left-out statement. */
  toDocument<T extends Span>(span: T): T | undefined;
}

interface Segment {
  /** Where the kept text starts in the masked text and in the document. */
  from: number;
  to: number;
  documentFrom: number;
}

/**
 * The document without the masked statements, so the parser only reads what is kept; the text between statements
 * (line breaks, comments, directives) stays, so a left-out statement still leaves its line behind. The left-out
 * statements follow at the end, on one line inside one comment: checks that read the whole text (which challenge
 * scheme the file uses) still see them, and the comment's text starts with `-`, so it never reads as an ESLint
 * directive.
 */
export function maskText(text: string, masked: readonly Span[]): MaskedText {
  // Built as one list of pieces joined once: per keystroke the left-out text is most of a long document.
  const kept: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let position = 0;
  const keep = (end: number) => {
    segments.push({ from: length, to: length + (end - position), documentFrom: position });
    kept.push(text.slice(position, end));
    length += end - position;
  };
  for (const { start, end } of masked) {
    keep(start);
    position = end;
  }
  keep(text.length);
  const result = masked.length > 0 ? [...kept, '\n/*-', leftOutComment(text, masked), '*/'].join('') : kept.join('');
  return {
    text: result,
    codeLength: length,
    toDocument<T extends Span>(span: T): T | undefined {
      // Where a statement was left out, the offset before it and the one after it are the same: ambiguous.
      const shifts = new Set(
        segments.filter((segment) => segment.from <= span.start && span.end <= segment.to).map((segment) => segment.documentFrom - segment.from),
      );
      if (shifts.size !== 1) return undefined;
      const [shift] = shifts as unknown as [number];
      return { ...span, start: span.start + shift, end: span.end + shift };
    },
  };
}

/**
 * The statements left out last time, and the comment text made of them. Typing inside one statement leaves out the
 * very same statements keystroke after keystroke (only their offsets move): comparing their text is much cheaper
 * than making the comment again, which rewrites most of a long document.
 */
let lastLeftOut: { statements: readonly string[]; comment: string } | undefined;

function leftOutComment(text: string, masked: readonly Span[]): string {
  const last = lastLeftOut;
  const same =
    last !== undefined &&
    last.statements.length === masked.length &&
    masked.every(({ start, end }, index) => end - start === last.statements[index]!.length && text.slice(start, end) === last.statements[index]);
  if (same) return last.comment;
  // Flattened copies, so the cache does not keep this version of the document alive through sliced strings.
  const statements = masked.map(({ start, end }) => flat(text.slice(start, end)));
  const comment = statements.map(oneLineComment).join(' ');
  lastLeftOut = { statements, comment };
  return comment;
}

function flat(slice: string): string {
  return Buffer.from(slice, 'utf16le').toString('utf16le');
}

/** A left-out statement as comment text on one line that cannot end the comment. */
function oneLineComment(statement: string): string {
  return statement.replace(LINE_BREAKS, ' ').replaceAll('*/', '* ');
}
