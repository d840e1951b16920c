import util from 'node:util';

/** A problem with how the CLI was called or configured: exit code 2 and one line saying what to do. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Collapses a multi-line message (ESLint's, git's) into one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** "EACCES (permission denied)": the code a user can search for, and what it means, without our temporary paths. */
export function describeSystemError(error: unknown): string {
  const failure = error as NodeJS.ErrnoException;
  if (typeof failure?.code !== 'string') return error instanceof Error ? error.message : String(error);
  const known = typeof failure.errno === 'number' ? util.getSystemErrorMap().get(failure.errno) : undefined;
  return known ? `${failure.code} (${known[1]})` : failure.code;
}
