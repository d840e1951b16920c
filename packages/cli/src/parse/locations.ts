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
