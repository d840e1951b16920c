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
  | { kind: 'time'; files: { file: string; dialect: Dialect }[]; order: Configuration[] }
  | { kind: 'profile'; file: string; dialect: Dialect };

/** A time for each configuration the benchmark compares. */
export interface ConfigurationTimes {
  /** ESLint with no rules: parse, scope analysis and traversal. */
  bareMs: number;
  /** ESLint with our recommended config alone. */
  oursMs: number;
  /** ESLint with a typical project's rules (configured-linter.ts). */
  typicalMs: number;
  /** The typical rules and our recommended config. */
  typicalWithOursMs: number;
}

export type BenchOutput =
  | { kind: 'discover'; file: string; bytes: number; dialect: Dialect | null }
  | { kind: 'time'; times: ConfigurationTimes }
  | { kind: 'profile'; file: string; ruleMs: Record<string, number> };

export type Configuration = keyof ConfigurationTimes;
type Linters = Record<Configuration, ConfiguredLinter>;
let linters: Linters | undefined;

export function processItem(input: BenchInput): BenchOutput {
  linters ??= createLinters();
  if (input.kind === 'time') return time(input, linters);
  const text = fs.readFileSync(path.join(REPO_ROOT, input.file), 'utf8');
  switch (input.kind) {
    case 'discover':
      return discover(input.file, text, linters.bareMs);
    case 'profile':
      return profile(input, text, linters.oursMs);
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

function createLinters(): Linters {
  return {
    bareMs: new ConfiguredLinter('none'),
    oursMs: new ConfiguredLinter('recommended'),
    typicalMs: new ConfiguredLinter('none', [], 'typical'),
    typicalWithOursMs: new ConfiguredLinter('recommended', [], 'typical'),
  };
}

/**
 * A few files in each configuration, one configuration at a time in the given order: long enough that garbage is
 * mostly collected in the configuration that made it, short enough that a machine whose speed drifts over seconds
 * runs every configuration at about the same speed. No `stats`: its timers would slow the configurations with rules.
 * After its turn, untimed, each configuration's linter lets go of its last file: four linters each holding a large
 * file's tree made the heap, and with it every full collection that lands in another configuration's turn, large.
 */
function time(input: Extract<BenchInput, { kind: 'time' }>, all: Linters): BenchOutput {
  const texts = input.files.map(({ file }) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  const times = {} as ConfigurationTimes;
  for (const configuration of input.order) {
    const started = performance.now();
    input.files.forEach(({ file, dialect }, index) => {
      const messages = all[configuration].verify(texts[index]!, dialect);
      if (messages.some((message) => message.fatal)) throw new Error(`${file} no longer parses as ${dialectKey(dialect)}`);
    });
    times[configuration] = performance.now() - started;
    all[configuration].release(input.files[0]!.dialect);
  }
  return { kind: 'time', times };
}
