import fs from 'node:fs';
import path from 'node:path';
import { ConfiguredLinter, inFirstParsingDialect } from './configured-linter';
import { dialectKey, dialectsFor, type Dialect } from './dialects';
import { REPO_ROOT } from './source-tree';

/**
 * One file for the benchmark: find the dialect it parses in, time it with and without our rules, or profile it
 * (ESLint's time per rule).
 */
export type BenchInput =
  | { kind: 'discover'; file: string }
  | { kind: 'time'; file: string; dialect: Dialect; bareFirst: boolean }
  | { kind: 'profile'; file: string; dialect: Dialect };

export type BenchOutput =
  | { kind: 'discover'; file: string; bytes: number; dialect: Dialect | null }
  | { kind: 'time'; file: string; bareMs: number; recommendedMs: number }
  | { kind: 'profile'; file: string; ruleMs: Record<string, number> };

let linters: { bare: ConfiguredLinter; recommended: ConfiguredLinter } | undefined;

export function processItem(input: BenchInput): BenchOutput {
  linters ??= { bare: new ConfiguredLinter('none'), recommended: new ConfiguredLinter('recommended') };
  const text = fs.readFileSync(path.join(REPO_ROOT, input.file), 'utf8');
  switch (input.kind) {
    case 'discover':
      return discover(input.file, text, linters.bare);
    case 'time':
      return time(input, text, linters);
    case 'profile':
      return profile(input, text, linters.recommended);
  }
}

function discover(file: string, text: string, bare: ConfiguredLinter): BenchOutput {
  const outcome = inFirstParsingDialect(dialectsFor(file), (dialect) => ({ messages: bare.verify(text, dialect) }));
  return { kind: 'discover', file, bytes: Buffer.byteLength(text), dialect: 'parseError' in outcome ? null : outcome.dialect };
}

/** ESLint's `stats` per rule: the numbers `TIMING=1` prints. */
function profile(input: Extract<BenchInput, { kind: 'profile' }>, text: string, recommended: ConfiguredLinter): BenchOutput {
  recommended.verifyAndFix(text, input.dialect, { fix: false, stats: true });
  return { kind: 'profile', file: input.file, ruleMs: recommended.lastRuleTimes() };
}

/**
 * Both configurations on the same text, back to back, in alternating order from file to file so that neither
 * always runs on the caches the other warmed. No `stats`: its timers would slow the configuration with rules.
 */
function time(input: Extract<BenchInput, { kind: 'time' }>, text: string, pair: NonNullable<typeof linters>): BenchOutput {
  const run = (linter: ConfiguredLinter) => {
    const started = performance.now();
    const messages = linter.verify(text, input.dialect);
    const elapsed = performance.now() - started;
    if (messages.some((message) => message.fatal)) throw new Error(`${input.file} no longer parses as ${dialectKey(input.dialect)}`);
    return elapsed;
  };
  if (input.bareFirst) {
    const bareMs = run(pair.bare);
    return { kind: 'time', file: input.file, bareMs, recommendedMs: run(pair.recommended) };
  }
  const recommendedMs = run(pair.recommended);
  return { kind: 'time', file: input.file, bareMs: run(pair.bare), recommendedMs };
}
