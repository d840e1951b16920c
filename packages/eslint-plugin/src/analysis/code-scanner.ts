/**
 * A forward-only lexer that tells, for increasing offsets of one JavaScript or TypeScript text, whether the
 * offset lies in code, a comment, a string, a template chunk or a regular expression. It needs no parse and
 * never fails: where JavaScript's grammar is ambiguous to a lexer (`/` as division or regex; quotes in JSX text)
 * a wrong guess only mislabels the rest of that line.
 */
export type Region = 'code' | 'comment' | 'string' | 'template' | 'regex';

const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const BACKTICK = 96;
const DOLLAR = 36;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);
/** Characters after which a `/` starts a regular expression (an operand is expected); not `<`, which starts a JSX closing tag (`</p>`). */
const REGEX_AFTER_CHAR = new Set('(,=:[!&|?{};+-*%>~^'.split('').map((char) => char.charCodeAt(0)));

const isWordChar = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === DOLLAR || code > 127;
const isSpace = (code: number) => code === 32 || code === 9 || code === NEWLINE || code === CARRIAGE_RETURN || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;

export class CodeScanner {
  /** Start of the region the scanner stands in, and its kind; `position` is where lexing continues. */
  private regionStart = 0;
  private region: Region = 'code';
  private position = 0;
  /** Brace depth of code inside each open `${ … }` of a template literal, innermost last. */
  private readonly templateDepths: number[] = [];
  /** Comments seen so far, as [start, end) pairs in order, so a backward look can step over them. */
  private readonly comments: number[] = [];

  constructor(readonly text: string) {}

  /** The region `offset` lies in, and where that region started; offsets must not decrease between calls. */
  regionAt(offset: number): { region: Region; start: number } {
    while (this.position <= offset && this.position < this.text.length) this.step();
    return { region: this.region, start: this.regionStart };
  }

  /** The last non-space character before `offset` that is not in a comment, with its offset (-1 at the start). */
  previousCodeChar(offset: number): number {
    let index = offset - 1;
    for (;;) {
      while (index >= 0 && isSpace(this.text.charCodeAt(index))) index--;
      const comment = this.commentEndingAt(index + 1);
      if (comment === undefined) return index;
      index = comment - 1;
    }
  }

  /** The first non-space character at or after `offset` outside comments (text.length at the end), and whether a line break came first. */
  nextCodeChar(offset: number): { index: number; newline: boolean } {
    const { text } = this;
    let index = offset;
    let newline = false;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (isSpace(code)) {
        if (code === NEWLINE || code === CARRIAGE_RETURN) newline = true;
        index++;
      } else if (code === SLASH && text.charCodeAt(index + 1) === SLASH) {
        index = lineEnd(text, index);
      } else if (code === SLASH && text.charCodeAt(index + 1) === STAR) {
        const end = text.indexOf('*/', index + 2);
        if (end === -1) return { index: text.length, newline };
        if (text.slice(index, end).includes('\n')) newline = true;
        index = end + 2;
      } else {
        break;
      }
    }
    return { index, newline };
  }

  /** The identifier or number that ends at `end` (exclusive). */
  wordEndingAt(end: number): string {
    let start = end;
    while (start > 0 && isWordChar(this.text.charCodeAt(start - 1))) start--;
    return this.text.slice(start, end);
  }

  /** The identifier or number that starts at `start`. */
  wordStartingAt(start: number): string {
    let end = start;
    while (end < this.text.length && isWordChar(this.text.charCodeAt(end))) end++;
    return this.text.slice(start, end);
  }

  private commentEndingAt(end: number): number | undefined {
    const { comments } = this;
    for (let index = comments.length - 2; index >= 0; index -= 2) {
      if (comments[index + 1] === end) return comments[index];
      if (comments[index + 1]! < end) return undefined;
    }
    return undefined;
  }

  /** Lexes one token or region from `position`, leaving `region` as the kind of the text just consumed. */
  private step(): void {
    const { text } = this;
    const start = this.position;
    const code = text.charCodeAt(start);
    this.regionStart = start;
    this.region = 'code';
    if (isWordChar(code)) {
      let end = start + 1;
      while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
      this.position = end;
    } else if (code === SLASH && text.charCodeAt(start + 1) === SLASH) {
      this.comment(start, lineEnd(text, start));
    } else if (code === SLASH && text.charCodeAt(start + 1) === STAR) {
      const end = text.indexOf('*/', start + 2);
      this.comment(start, end === -1 ? text.length : end + 2);
    } else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
      this.region = 'string';
      this.position = stringEnd(text, start, code);
    } else if (code === BACKTICK) {
      this.region = 'template';
      this.position = this.templateChunkEnd(start + 1);
    } else if (code === SLASH && this.regexMayStartAt(start)) {
      this.region = 'regex';
      this.position = regexEnd(text, start);
    } else if (code === OPEN_BRACE) {
      if (this.templateDepths.length > 0) this.templateDepths[this.templateDepths.length - 1]!++;
      this.position = start + 1;
    } else if (code === CLOSE_BRACE && this.templateDepths.length > 0 && this.templateDepths[this.templateDepths.length - 1] === 0) {
      // The `}` that closes a `${`: the template literal goes on.
      this.templateDepths.pop();
      this.region = 'template';
      this.position = this.templateChunkEnd(start + 1);
    } else {
      if (code === CLOSE_BRACE && this.templateDepths.length > 0) this.templateDepths[this.templateDepths.length - 1]!--;
      this.position = start + 1;
    }
  }

  private comment(start: number, end: number): void {
    this.region = 'comment';
    this.comments.push(start, end);
    this.position = end;
  }

  /** Reads template text up to the closing backtick or a `${` (which opens code); returns where code resumes. */
  private templateChunkEnd(from: number): number {
    const { text } = this;
    for (let index = from; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === BACKSLASH) index++;
      else if (code === BACKTICK) return index + 1;
      else if (code === DOLLAR && text.charCodeAt(index + 1) === OPEN_BRACE) {
        this.templateDepths.push(0);
        return index + 2;
      }
    }
    return text.length;
  }

  private regexMayStartAt(offset: number): boolean {
    const previous = this.previousCodeChar(offset);
    if (previous < 0) return true;
    const code = this.text.charCodeAt(previous);
    if (REGEX_AFTER_CHAR.has(code)) return true;
    return isWordChar(code) && REGEX_AFTER_WORD.has(this.wordEndingAt(previous + 1));
  }
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** A quoted string ends at its unescaped quote; an unterminated one at the end of its line. */
function stringEnd(text: string, start: number, quote: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH) index++;
    else if (code === quote) return index + 1;
    else if (code === NEWLINE) return index;
  }
  return text.length;
}

/** A regular expression ends at an unescaped `/` outside a character class, or at the end of its line. */
function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === BACKSLASH) index++;
    else if (code === NEWLINE) return index;
    else if (code === OPEN_BRACKET) inClass = true;
    else if (code === CLOSE_BRACKET) inClass = false;
    else if (code === SLASH && !inClass) return index + 1;
  }
  return text.length;
}
