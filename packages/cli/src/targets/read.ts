import fs from 'node:fs';
import { isLintedFile, LINTED_EXTENSIONS } from '../lint/languages';
import { generatedReason, MAX_SOURCE_BYTES, HARD_MAX_SOURCE_BYTES, megabytes } from './default-ignores';

export type SourceText =
  /** `bytes`: what was read, so a fix is written only over these same bytes. */
  | { kind: 'text'; text: string; bytes: Buffer }
  /** Left out quietly: generated or minified. */
  | { kind: 'generated'; reason: string }
  /** Left out with a note: binary, unreadable, not a regular file, too large to lint at all. */
  | { kind: 'unusable'; reason: string };

export interface ReadOptions {
  /** Leave out generated and minified files, and files over MAX_SOURCE_BYTES (unless explicit). */
  skipGenerated: boolean;
  /** Named on the command line: linted whatever its size, up to HARD_MAX_SOURCE_BYTES. */
  explicit: boolean;
}

/** Bytes git looks at to decide whether content is binary. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * The file's text, or why it is left out. The file is opened without blocking and checked to be a regular file
 * before anything is read: a FIFO or a device named on the command line (`/dev/zero`) is never read.
 */
export function readSourceFile(filePath: string, { skipGenerated, explicit }: ReadOptions): SourceText {
  let descriptor: number;
  try {
    descriptor = fs.openSync(filePath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    // ENXIO: a socket (`/dev/stdin` when the input is one).
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') return { kind: 'unusable', reason: notRegular('a socket') };
    return unreadable(error);
  }
  try {
    const stats = fs.fstatSync(descriptor);
    if (!stats.isFile()) return { kind: 'unusable', reason: notRegular(specialKind(stats)) };
    if (explicit && !isLintedFile(filePath)) {
      return { kind: 'unusable', reason: `not a JavaScript or TypeScript file (linted: ${LINTED_EXTENSIONS.join(' ')})` };
    }
    if (skipGenerated && !explicit && stats.size > MAX_SOURCE_BYTES) {
      return { kind: 'generated', reason: `larger than ${megabytes(MAX_SOURCE_BYTES)} MB` };
    }
    if (stats.size > HARD_MAX_SOURCE_BYTES) return { kind: 'unusable', reason: tooLarge() };
    const bytes = fs.readFileSync(descriptor);
    // The size may have changed since fstat.
    if (bytes.length > HARD_MAX_SOURCE_BYTES) return { kind: 'unusable', reason: tooLarge() };
    return decodeSource(bytes, skipGenerated && !explicit ? 'all' : skipGenerated ? 'content' : 'none');
  } catch (error) {
    return unreadable(error);
  } finally {
    fs.closeSync(descriptor);
  }
}

const notRegular = (kind: string) => `${kind}, not a regular file (nothing was read)`;
const tooLarge = () => `larger than ${megabytes(HARD_MAX_SOURCE_BYTES)} MB, the limit for any file`;

function unreadable(error: unknown): SourceText {
  const code = (error as NodeJS.ErrnoException).code ?? 'read error';
  return { kind: 'unusable', reason: `unreadable (${code})` };
}

function specialKind(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return 'a special file';
}

/**
 * Text of a file's bytes, or why it is left out; shared by files on disk and blobs from the git index.
 * `generated`: `all` applies every generated-file test, `content` all but the size limit, `none` none.
 */
export function decodeSource(bytes: Buffer, generated: 'all' | 'content' | 'none'): SourceText {
  if (bytes.length > HARD_MAX_SOURCE_BYTES) return { kind: 'unusable', reason: tooLarge() };
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (isUtf16(sniff)) return { kind: 'unusable', reason: 'UTF-16 text (unsupported encoding; save it as UTF-8)' };
  if (sniff.includes(0)) return { kind: 'unusable', reason: 'binary file' };
  const text = bytes.toString('utf8');
  const reason = generated === 'none' ? undefined : generatedReason(text, generated === 'all');
  return reason ? { kind: 'generated', reason } : { kind: 'text', text, bytes };
}

/** A UTF-16 byte order mark, or (without one) ASCII-range text where every other byte is NUL. */
function isUtf16(sniff: Buffer): boolean {
  if (sniff.length >= 2 && ((sniff[0] === 0xff && sniff[1] === 0xfe) || (sniff[0] === 0xfe && sniff[1] === 0xff))) return true;
  const pairs = Math.floor(sniff.length / 2);
  if (pairs < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index + 1 < sniff.length; index += 2) {
    if (sniff[index] === 0) evenNuls++;
    if (sniff[index + 1] === 0) oddNuls++;
  }
  const mostly = (count: number) => count >= pairs * 0.9;
  return (mostly(oddNuls) && evenNuls === 0) || (mostly(evenNuls) && oddNuls === 0);
}
