/** A problem with how the CLI was called or configured: exit code 2 and one line saying what to do. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Collapses a multi-line message (ESLint's, git's) into one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
