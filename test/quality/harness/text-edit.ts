/** ESLint's fix shape: replace `range` of the text with `text`. */
export interface TextFix {
  range: readonly [number, number];
  text: string;
}

export function applyFix(text: string, fix: TextFix): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/** Beyond this many character pairs the changed middle is treated as replaced whole instead of aligned. */
const MAX_ALIGNMENT_CELLS = 4_000_000;

/**
 * Maps offsets of the fixed text back to the original text. ESLint merges all edits of one fix into a single
 * range, so the replaced text keeps stretches of the original (`res.status(403)` → `res.set(…);\nres.status(401)`);
 * aligning old and new text character by character sends a position inside a kept stretch back to where it was,
 * and a position inside inserted text to the original position the insertion sits before. The common prefix
 * and suffix are matched first, so inside the changed middle a position can land a few characters off; the
 * fix-safety check therefore compares the answered report by overlap, not by exact position.
 */
export function originalOffsetOf(original: string, fix: TextFix): (fixedOffset: number) => number {
  const [start, end] = fix.range;
  const before = original.slice(start, end);
  const after = fix.text;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  const oldMiddle = before.slice(prefix, before.length - suffix);
  const newMiddle = after.slice(prefix, after.length - suffix);
  const middleMap = alignMiddle(oldMiddle, newMiddle);
  const middleStart = start + prefix;
  const delta = after.length - before.length;
  return (offset) => {
    if (offset < middleStart) return offset;
    if (offset >= middleStart + newMiddle.length) return offset - delta;
    return middleStart + middleMap[offset - middleStart]!;
  };
}

/**
 * For each character of `after`, the index in `before` it corresponds to: its own index when the longest common
 * subsequence keeps it, else the index of the next kept character (or the end of `before`).
 */
function alignMiddle(before: string, after: string): number[] {
  const rows = before.length;
  const columns = after.length;
  const map = new Array<number>(columns).fill(rows);
  if (rows === 0 || columns === 0 || rows * columns > MAX_ALIGNMENT_CELLS) return columns === 0 ? map : map.fill(0);
  // lcs[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const width = columns + 1;
  const lcs = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lcs[i * width + j] =
        before[i] === after[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const kept = new Array<number>(columns).fill(-1);
  for (let i = 0, j = 0; i < rows && j < columns; ) {
    if (before[i] === after[j]) kept[j++] = i++;
    else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) i++;
    else j++;
  }
  let next = rows;
  for (let j = columns - 1; j >= 0; j--) {
    if (kept[j]! >= 0) next = kept[j]!;
    map[j] = next;
  }
  return map;
}

/** Offsets of each line's first character (ESLint's line breaks), for turning 1-based line and column into offsets. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|[\r\n\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}

export function offsetAt(starts: readonly number[], line: number, column: number): number {
  return starts[line - 1]! + column - 1;
}
