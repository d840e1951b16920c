/** Number formatting and plain-text tables for the quality commands' output. */

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function milliseconds(ms: number): string {
  return ms >= 100 ? `${Math.round(ms).toLocaleString('en-US')} ms` : `${ms.toFixed(2)} ms`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(2)}%`;
}

/** Columns padded to their widest cell; numbers (cells starting with a digit or sign) are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (/^[-+]?\d/.test(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
