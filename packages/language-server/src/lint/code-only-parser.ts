import { createRequire } from 'node:module';
import type { Linter } from 'eslint';

/**
 * Parsers for a masked text (`masking.ts`) that parse only its code, not the comment after it that holds the
 * left-out statements: that comment is most of a long document, and the scanner, the parser's line starts and
 * comment list, and ESLint's token store and directive search would each pass over it on every keystroke. ESLint
 * still gets the whole text as the file's text, so checks that read it (which challenge scheme the file uses) see
 * the left-out statements. The comment can neither hold code nor be a directive, so leaving it out of the parse
 * changes nothing else; the Program is stretched over it, as a parse of the whole text makes it.
 */

/** Where the code of the text being parsed ends; set only during one masked lint. */
let codeEnd: number | undefined;

export function parsingCodeOnly<T>(codeLength: number, lint: () => T): T {
  codeEnd = codeLength;
  try {
    return lint();
  } finally {
    codeEnd = undefined;
  }
}

type ParseOptions = Parameters<NonNullable<Extract<Linter.Parser, { parse: unknown }>['parse']>>[1];
interface Program {
  range: [number, number];
  end?: number;
  loc: { end: { line: number; column: number } };
}

/** ESLint's own default parser (espree), the very module its JavaScript lints use. */
export function eslintDefaultParser(): Linter.Parser {
  return createRequire(require.resolve('eslint'))('espree') as Linter.Parser;
}

const wrapped = new WeakMap<Linter.Parser, Linter.Parser>();

/** The same parser, reading only the code when called inside `parsingCodeOnly`; one object per parser, so configs stay cached. */
export function codeOnly(parser: Linter.Parser): Linter.Parser {
  let codeParser = wrapped.get(parser);
  if (codeParser) return codeParser;
  const meta = { ...parser.meta, name: `${parser.meta?.name ?? 'parser'} (code of a masked text)` };
  if ('parseForESLint' in parser) {
    codeParser = {
      meta,
      parseForESLint(text: string, options?: ParseOptions) {
        const parsed = parser.parseForESLint(codeOf(text), options);
        stretchProgram(parsed.ast as unknown as Program, text);
        return parsed;
      },
    };
  } else {
    codeParser = {
      meta,
      parse(text: string, options?: ParseOptions) {
        const ast = parser.parse(codeOf(text), options);
        stretchProgram(ast as unknown as Program, text);
        return ast;
      },
    };
  }
  wrapped.set(parser, codeParser);
  return codeParser;
}

function codeOf(text: string): string {
  return codeEnd === undefined || codeEnd >= text.length ? text : text.slice(0, codeEnd);
}

/** The rest of a masked text is one line break and one line (the comment): the Program ends where that line does. */
function stretchProgram(program: Program, text: string): void {
  if (codeEnd === undefined || codeEnd >= text.length) return;
  program.range = [program.range[0], text.length];
  if (program.end !== undefined) program.end = text.length;
  program.loc.end = { line: program.loc.end.line + 1, column: text.length - codeEnd - 1 };
}
