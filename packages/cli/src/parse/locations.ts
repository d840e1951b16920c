/** Where each line starts in a text, as ESLint counts lines (\r\n, \r, \n, U+2028 and U+2029 end one). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  const lineBreak = /\r\n|[\r\n\u2028\u2029]/g;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

/** ESLint's position of an offset: 1-based line, 0-based column. */
export function locationOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low] };
}

type Position = { line: number; column: number };

/**
 * A node's `loc` as ESLint's parsers give it (`{ start, end }`), each end worked out on first read: ESLint and our
 * rules read the positions of few nodes, and building them for every node was a large share of the adapter's
 * time and garbage.
 */
export class NodeLocation {
  readonly #lineStarts: readonly number[];
  readonly #range: readonly [number, number];
  #start: Position | undefined;
  #end: Position | undefined;

  constructor(lineStarts: readonly number[], range: readonly [number, number]) {
    this.#lineStarts = lineStarts;
    this.#range = range;
  }

  get start(): Position {
    return (this.#start ??= locationOf(this.#lineStarts, this.#range[0]));
  }

  get end(): Position {
    return (this.#end ??= locationOf(this.#lineStarts, this.#range[1]));
  }

  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}
