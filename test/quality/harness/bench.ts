import type { BenchInput, BenchOutput, Configuration, ConfigurationTimes } from './bench-task';
import { count, megabytes, median, milliseconds, percent, table } from './format';
import { largestFirst } from './source-tree';
import { WorkerPool } from './worker-pool';

const TASK = require.resolve('./bench-task');

/** Our rules may add at most this share to ESLint's own time with a typical config (issue 19). */
export const OVERHEAD_TARGET = 0.05;

export interface RuleTiming {
  rule: string;
  totalMs: number;
  perFileMs: number;
  slowestFile: string;
  slowestFileMs: number;
}

export interface BenchResult {
  files: number;
  bytes: number;
  parseFailures: number;
  /** Each configuration's time per round, summed over files. */
  rounds: ConfigurationTimes[];
  /** Each chunk's median over the rounds, summed over chunks. */
  medians: ConfigurationTimes;
  /** What our rules add to a typical config's time: the target's measure. */
  overhead: number;
  /** What our rules add to ESLint's parse and traversal alone, with no other rule: the strictest measure. */
  overheadOverBare: number;
  rules: RuleTiming[];
  wallMs: number;
}

/** Files (spread over the sample) each configuration lints once before the rounds, uncounted. */
const WARM_UP_FILES = 480;
/**
 * A chunk: up to 16 files and 64 KB, a large file alone. Each configuration lints one in some 20 to 300 ms; a chunk of
 * sixteen of the largest files took seconds, long enough for the machine's speed to change between configurations.
 */
const CHUNK_FILES = 16;
const CHUNK_BYTES = 64 * 1024;

const CONFIGURATIONS: readonly Configuration[] = ['bareMs', 'oursMs', 'typicalMs', 'typicalWithOursMs'];

type Timed = Extract<BenchOutput, { kind: 'time' }>;
type Discovered = Extract<BenchOutput, { kind: 'discover' }> & { dialect: NonNullable<Extract<BenchOutput, { kind: 'discover' }>['dialect']> };
type Profile = Extract<BenchOutput, { kind: 'profile' }>;

/**
 * ESLint with and without our `configs.recommended`, on top of a typical config and of no rules at all, on the same
 * texts. A first pass finds each file's dialect and a warm-up runs every configuration on some files. Then each
 * round lints the files in chunks, in one thread: every configuration on a chunk in turn, in an order that turns
 * from chunk to chunk, timed as a whole (bench-task.ts says why). A last pass collects ESLint's per-rule stats.
 */
export async function runBench(
  files: readonly string[],
  options: { workers: number; rounds: number; onProgress?: (stage: string, done: number) => void },
): Promise<BenchResult> {
  const started = performance.now();
  const pool = new WorkerPool<BenchInput, BenchOutput>(TASK, options.workers);
  // Timed and profiled in one thread: two threads on two cores, with V8's own threads beside them, moved the
  // overhead on the typical config by 5-20% from round to round; in one thread its rounds agreed within 1.6 points.
  const timing = new WorkerPool<BenchInput, BenchOutput>(TASK, 1);
  const pass = async <T extends BenchOutput>(stage: string, inputs: BenchInput[], on = pool) =>
    (await on.map(inputs, 4, (done) => options.onProgress?.(stage, done))) as T[];
  try {
    const discovered = await pass<Extract<BenchOutput, { kind: 'discover' }>>('discover', largestFirst(files).map((file) => ({ kind: 'discover', file })));
    const parsed = discovered.filter((file): file is Discovered => file.dialect !== null);
    const chunksOf = (round: number, from: readonly Discovered[]): BenchInput[] =>
      chunked(from).map((chunk, index) => ({
        kind: 'time',
        files: chunk.map(({ file, dialect }) => ({ file, dialect })),
        order: turned(CONFIGURATIONS, round + index),
      }));
    // Not counted: until each configuration's rules are compiled and optimized, they run up to twice as long.
    const spacing = Math.max(1, Math.ceil(parsed.length / WARM_UP_FILES));
    await pass('warm-up', chunksOf(0, parsed.filter((_, index) => index % spacing === 0)), timing);
    const perRound: ConfigurationTimes[][] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const timed = await pass<Timed>(`round ${round}`, chunksOf(round, parsed), timing);
      perRound.push(timed.map((chunk) => chunk.times));
    }
    const profiles = await pass<Profile>('profile', parsed.map((file) => ({ kind: 'profile', file: file.file, dialect: file.dialect })), timing);
    return {
      files: parsed.length,
      bytes: sum(parsed.map((file) => file.bytes)),
      parseFailures: discovered.length - parsed.length,
      ...compareRounds(perRound),
      rules: ruleTimings(profiles),
      wallMs: performance.now() - started,
    };
  } finally {
    await Promise.all([pool.close(), timing.close()]);
  }
}

/** Consecutive files, up to CHUNK_FILES of them and CHUNK_BYTES together; a file of that size or more alone. */
export function chunked<T extends { bytes: number }>(files: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length === CHUNK_FILES || bytes + file.bytes > CHUNK_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The configurations in round `round`'s order: forward, backward, then starting one further on, and so on. */
export function turned<T>(items: readonly T[], round: number): T[] {
  const start = Math.floor(round / 2) % items.length;
  const rotated = [...items.slice(start), ...items.slice(0, start)];
  return round % 2 === 0 ? rotated : rotated.reverse();
}

/**
 * Round totals, and each chunk's median over the rounds summed over chunks, from `perRound[round][chunk]`: a pause
 * for collecting garbage that lands on one chunk in one round does not move the result.
 */
export function compareRounds(
  perRound: readonly (readonly ConfigurationTimes[])[],
): Pick<BenchResult, 'rounds' | 'medians' | 'overhead' | 'overheadOverBare'> {
  const chunks = perRound[0]?.length ?? 0;
  const medians = {} as ConfigurationTimes;
  for (const key of CONFIGURATIONS) {
    medians[key] = sum(Array.from({ length: chunks }, (_, index) => median(perRound.map((round) => round[index]![key]))));
  }
  return {
    rounds: perRound.map(totals),
    medians,
    overhead: onTypical(medians),
    overheadOverBare: onBare(medians),
  };
}

/** What our rules add, as a share of the time without them. */
const onTypical = (times: ConfigurationTimes) => times.typicalWithOursMs / times.typicalMs - 1;
const onBare = (times: ConfigurationTimes) => times.oursMs / times.bareMs - 1;

function totals(chunks: readonly ConfigurationTimes[]): ConfigurationTimes {
  const total = {} as ConfigurationTimes;
  for (const key of CONFIGURATIONS) total[key] = sum(chunks.map((chunk) => chunk[key]));
  return total;
}

function ruleTimings(profiles: readonly Profile[]): RuleTiming[] {
  const timings = new Map<string, RuleTiming>();
  for (const profile of profiles) {
    for (const [rule, ms] of Object.entries(profile.ruleMs)) {
      const timing = timings.get(rule) ?? { rule, totalMs: 0, perFileMs: 0, slowestFile: '', slowestFileMs: -1 };
      timing.totalMs += ms;
      if (ms > timing.slowestFileMs) Object.assign(timing, { slowestFile: profile.file, slowestFileMs: ms });
      timings.set(rule, timing);
    }
  }
  return [...timings.values()]
    .map((timing) => ({ ...timing, perFileMs: timing.totalMs / profiles.length }))
    .sort((a, b) => b.totalMs - a.totalMs);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Within or above the target, or unresolved: when the rounds' overheads spread wider than the target itself, the
 * machine's noise is larger than what is measured and the median says nothing either way.
 */
export function overheadVerdict(result: Pick<BenchResult, 'rounds' | 'overhead'>): string {
  const perRound = result.rounds.map(onTypical);
  const spread = Math.max(...perRound) - Math.min(...perRound);
  if (perRound.length > 1 && spread > OVERHEAD_TARGET) {
    return `not resolved, the rounds read ${percent(Math.min(...perRound))} to ${percent(Math.max(...perRound))}; see the rules' own time below`;
  }
  return result.overhead <= OVERHEAD_TARGET ? 'within target' : 'ABOVE target';
}

export function formatBench(result: BenchResult): string {
  const rulesTotal = sum(result.rules.map((rule) => rule.totalMs));
  const slowest = result.rules[0];
  const verdict = overheadVerdict(result);
  const row = (label: string, key: Configuration) => [
    label,
    ...result.rounds.map((round) => milliseconds(round[key])),
    milliseconds(result.medians[key]),
  ];
  const overheadRow = (label: string, overheadOf: (times: ConfigurationTimes) => number, value: number) => [
    label,
    ...result.rounds.map((round) => percent(overheadOf(round))),
    percent(value),
  ];
  return [
    `files:     ${count(result.files)} (${megabytes(result.bytes)}); ${count(result.parseFailures)} left out because they do not parse`,
    '',
    `each configuration's time, summed over all files (in chunks of up to ${CHUNK_FILES} files and ${CHUNK_BYTES / 1024} KB, every configuration in turn):`,
    table(
      ['configuration', ...result.rounds.map((_, index) => `round ${index + 1}`), 'per-chunk median'],
      [
        row('typical config (@eslint/js, typescript-eslint recommended)', 'typicalMs'),
        row('typical config + our recommended', 'typicalWithOursMs'),
        overheadRow('our overhead on the typical config', onTypical, result.overhead),
        row('ESLint, no rules (parse + traverse)', 'bareMs'),
        row('ESLint + our recommended alone', 'oursMs'),
        overheadRow('our overhead on parse + traverse alone', onBare, result.overheadOverBare),
      ],
    ),
    '',
    `overhead:  ${(1 + result.overhead).toFixed(3)}x ESLint's own time with a typical config (${percent(result.overhead)}; target ≤ ${percent(OVERHEAD_TARGET)}: ${verdict})`,
    `           ${(1 + result.overheadOverBare).toFixed(3)}x ESLint's parse and traversal with no other rule (${percent(result.overheadOverBare)}; the strictest measure)`,
    // ESLint's own count of the time spent in our rules' code: it leaves out the garbage they make and what a thread
    // waits for a core, so it is shown beside the comparison, never instead of it.
    `rules' own time (ESLint stats): ${milliseconds(rulesTotal)}, ${percent(rulesTotal / result.medians.typicalMs)} of the typical config's time, ${percent(rulesTotal / result.medians.bareMs)} of parse + traverse`,
    '',
    'per rule (ESLint `stats`, the TIMING=1 numbers; the first rule to run on a file pays for the shared analysis):',
    table(
      ['rule', 'time', 'per file', 'relative', 'slowest file'],
      result.rules.map((rule) => [
        rule.rule,
        milliseconds(rule.totalMs),
        `${(rule.perFileMs * 1000).toFixed(1)} µs`,
        percent(rulesTotal === 0 ? 0 : rule.totalMs / rulesTotal),
        `${rule.slowestFile} (${milliseconds(rule.slowestFileMs)})`,
      ]),
    ),
    slowest ? `slowest rule: ${slowest.rule}, ${(slowest.perFileMs * 1000).toFixed(1)} µs per file` : 'no rule ran',
    `wall time: ${milliseconds(result.wallMs)}`,
  ].join('\n');
}
