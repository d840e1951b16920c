import fs from 'node:fs';
import { generatedReason, MAX_SOURCE_BYTES } from './default-ignores';

export type SourceText =
  /** `bytes`: what was read, so a fix is written only over these same bytes. */
  | { kind: 'text'; text: string; bytes: Buffer }
  /** Left out quietly: generated or minified. */
  | { kind: 'generated'; reason: string }
  /** Left out with a note: binary or unreadable. */
  | { kind: 'unusable'; reason: string };

/** Bytes git looks at to decide whether content is binary. */
const BINARY_SNIFF_BYTES = 8000;

export function readSourceFile(filePath: string, skipGenerated: boolean): SourceText {
  let bytes: Buffer;
  try {
    if (skipGenerated && fs.statSync(filePath).size > MAX_SOURCE_BYTES) {
      return { kind: 'generated', reason: `larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB` };
    }
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    return { kind: 'unusable', reason: `unreadable (${code})` };
  }
  return decodeSource(bytes, skipGenerated);
}

/** Text of a file's bytes, or why it is left out; shared by files on disk and blobs from the git index. */
export function decodeSource(bytes: Buffer, skipGenerated: boolean): SourceText {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'unusable', reason: 'binary file' };
  const text = bytes.toString('utf8');
  const generated = skipGenerated ? generatedReason(text) : undefined;
  return generated ? { kind: 'generated', reason: generated } : { kind: 'text', text, bytes };
}
