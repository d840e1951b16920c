import { parseArgs } from 'node:util';
import { everyNth, nodeModulesCodeFiles, stepForSampleSize } from './source-tree';
import { defaultWorkerCount } from './worker-pool';

export interface TreeRunOptions {
  files: string[];
  /** Files in the tree before sampling, and the sampling step (1: every file). */
  treeSize: number;
  step: number;
  workers: number;
}

/**
 * Command-line options shared by the quality commands: `--sample <files>` (about that many, evenly spread),
 * `--every <n>` (every n-th file), `--all` (no sampling), `--max-bytes <n>` (leave bigger files out, before
 * sampling) and `--workers <n>` (threads; 0 runs on the main thread), plus the command's own whole-number
 * options (`--rounds <n>`).
 */
export function treeRunOptions(
  argv: readonly string[],
  defaults: { sample?: number; extraNumbers?: string[] } = {},
): TreeRunOptions & { extra: Record<string, number | undefined> } {
  const extraOptions = Object.fromEntries((defaults.extraNumbers ?? []).map((name) => [name, { type: 'string' as const }]));
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sample: { type: 'string' },
      every: { type: 'string' },
      all: { type: 'boolean' },
      workers: { type: 'string' },
      'max-bytes': { type: 'string' },
      ...extraOptions,
    },
  });
  const all = nodeModulesCodeFiles(values['max-bytes'] === undefined ? Infinity : positive('--max-bytes', values['max-bytes']));
  const sample = values.sample !== undefined ? positive('--sample', values.sample) : values.all ? undefined : defaults.sample;
  const step = values.every !== undefined ? positive('--every', values.every) : sample ? stepForSampleSize(all.length, sample) : 1;
  const workers = values.workers !== undefined ? nonNegative('--workers', values.workers) : defaultWorkerCount();
  const extra = Object.fromEntries(
    (defaults.extraNumbers ?? []).map((name) => {
      const value = (values as Record<string, string | undefined>)[name];
      return [name, value === undefined ? undefined : positive(`--${name}`, value)];
    }),
  );
  return { files: everyNth(all, step), treeSize: all.length, step, workers, extra };
}

function positive(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${flag} expects a whole number ≥ 1, got "${value}"`);
  return number;
}

function nonNegative(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`${flag} expects a whole number ≥ 0, got "${value}"`);
  return number;
}

export class UsageError extends Error {}

/** Runs a command's main function: usage errors print one line and exit 2, anything else exits 1. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (exitCode) => (process.exitCode = exitCode),
    (error: unknown) => {
      const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      console.error(usage ? `error: ${(error as Error).message}` : error);
      process.exitCode = usage ? 2 : 1;
    },
  );
}
