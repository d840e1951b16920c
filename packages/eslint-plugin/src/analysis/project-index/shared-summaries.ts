import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ModuleSummary } from './summary';

/**
 * A folder where the threads of one run share the module summaries they compute (the CLI's lint workers): a
 * summary is computed by the first thread that needs it and read by the others. The folder lives for one run, in
 * which no file changes, so a summary is keyed by the module's path and the hash of its text.
 */
export const SUMMARY_FOLDER_VARIABLE = 'AUTH_STATUS_SUMMARY_FOLDER';

function folder(): string | undefined {
  return process.env[SUMMARY_FOLDER_VARIABLE] || undefined;
}

function entryFile(directory: string, file: string, hash: string): string {
  return path.join(directory, createHash('sha1').update(`${file}\0${hash}`).digest('hex') + '.json');
}

/** Maps are written as `{ "<map>": entries }`, since JSON has none. */
function replacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? { '<map>': [...value] } : value;
}

function reviver(_key: string, value: unknown): unknown {
  return value && typeof value === 'object' && '<map>' in value ? new Map((value as { '<map>': [unknown, unknown][] })['<map>']) : value;
}

/** The summary another thread of this run stored for this text of `file`; undefined when there is none. */
export function sharedSummary(file: string, hash: string): ModuleSummary | null | undefined {
  const directory = folder();
  if (!directory) return undefined;
  try {
    return (JSON.parse(readFileSync(entryFile(directory, file, hash), 'utf8'), reviver) as { summary: ModuleSummary | null }).summary;
  } catch {
    return undefined;
  }
}

/** Stores a summary for the other threads; written whole (a temporary file renamed), or not at all. */
export function shareSummary(file: string, hash: string, summary: ModuleSummary | null): void {
  const directory = folder();
  if (!directory) return;
  const target = entryFile(directory, file, hash);
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    writeFileSync(temporary, JSON.stringify({ summary }, replacer));
    renameSync(temporary, target);
  } catch {
    // Another thread's copy or none: this thread keeps its own in memory either way.
  }
}
