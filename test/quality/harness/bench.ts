import type { BenchInput, BenchOutput } from './bench-task';
import { count, megabytes, median, milliseconds, percent, table } from './format';
import { largestFirst } from './source-tree';
import { WorkerPool } from './worker-pool';

const TASK = require.resolve('./bench-task');

/** Our rules may add at most this share to ESLint's own time (parse + traverse). */
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
  /** Time summed over all files, per round. */
  rounds: { bareMs: number; recommendedMs: number }[];
  /** Each file's median over the rounds, summed over files: robust to bursts of load from other processes. */
  bareMs: number;
  recommendedMs: number;
  /** `recommendedMs / bareMs - 1`. */
  overhead: number;
  rules: RuleTiming[];
  wallMs: number;
}

type Discovered = Extract<BenchOutput, { kind: 'discover' }> & { dialect: NonNullable<Extract<BenchOutput, { kind: 'discover' }>['dialect']> };
type Timed = Extract<BenchOutput, { kind: 'time' }>;
type Profile = Extract<BenchOutput, { kind: 'profile' }>;

/**
 * ESLint without rules against ESLint with `configs.recommended`, file by file on the same texts, `rounds` times.
 * A first pass finds each file's dialect and warms every thread up; a last pass collects ESLint's per-rule stats.
 */
export async function runBench(
  files: readonly string[],
  options: { workers: number; rounds: number; onProgress?: (stage: string, done: number) => void },
): Promise<BenchResult> {
  const started = performance.now();
  const pool = new WorkerPool<BenchInput, BenchOutput>(TASK, options.workers);
  const pass = async <T extends BenchOutput>(stage: string, inputs: BenchInput[]) =>
    (await pool.map(inputs, 4, (done) => options.onProgress?.(stage, done))) as T[];
  try {
    const discovered = await pass<Extract<BenchOutput, { kind: 'discover' }>>('discover', largestFirst(files).map((file) => ({ kind: 'discover', file })));
    const parsed = discovered.filter((file): file is Discovered => file.dialect !== null);
    const perRound: Timed[][] = [];
    for (let round = 0; round < options.rounds; round++) {
      const inputs: BenchInput[] = parsed.map((file, index) => ({
        kind: 'time',
        file: file.file,
        dialect: file.dialect,
        bareFirst: (index + round) % 2 === 0,
      }));
      perRound.push(await pass<Timed>(`round ${round + 1}`, inputs));
    }
    const profiles = await pass<Profile>('profile', parsed.map((file) => ({ kind: 'profile', file: file.file, dialect: file.dialect })));
    return {
      files: parsed.length,
      bytes: sum(parsed.map((file) => file.bytes)),
      parseFailures: discovered.length - parsed.length,
      ...compareRounds(perRound),
      rules: ruleTimings(profiles),
      wallMs: performance.now() - started,
    };
  } finally {
    await pool.close();
  }
}

/** Round totals, and each file's median over the rounds summed over files, from `perRound[round][file]`. */
export function compareRounds(
  perRound: readonly (readonly { bareMs: number; recommendedMs: number }[])[],
): Pick<BenchResult, 'rounds' | 'bareMs' | 'recommendedMs' | 'overhead'> {
  const files = perRound[0]?.length ?? 0;
  const fileMedians = (key: 'bareMs' | 'recommendedMs') =>
    sum(Array.from({ length: files }, (_, index) => median(perRound.map((timed) => timed[index]![key]))));
  const bareMs = fileMedians('bareMs');
  const recommendedMs = fileMedians('recommendedMs');
  return {
    rounds: perRound.map((timed) => ({ bareMs: sum(timed.map((t) => t.bareMs)), recommendedMs: sum(timed.map((t) => t.recommendedMs)) })),
    bareMs,
    recommendedMs,
    overhead: recommendedMs / bareMs - 1,
  };
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

export function formatBench(result: BenchResult): string {
  const rulesTotal = sum(result.rules.map((rule) => rule.totalMs));
  const slowest = result.rules[0];
  const verdict = result.overhead <= OVERHEAD_TARGET ? 'within' : 'ABOVE';
  return [
    `files:     ${count(result.files)} (${megabytes(result.bytes)}); ${count(result.parseFailures)} left out because they do not parse`,
    '',
    table(
      ['configuration', ...result.rounds.map((_, index) => `round ${index + 1}`), 'per-file median'],
      [
        ['ESLint, no rules (parse + traverse)', ...result.rounds.map((round) => milliseconds(round.bareMs)), milliseconds(result.bareMs)],
        ['ESLint + configs.recommended', ...result.rounds.map((round) => milliseconds(round.recommendedMs)), milliseconds(result.recommendedMs)],
        ['overhead', ...result.rounds.map((round) => percent(round.recommendedMs / round.bareMs - 1)), percent(result.overhead)],
      ],
    ),
    '',
    `overhead:  ${(1 + result.overhead).toFixed(3)}x ESLint's own time (${percent(result.overhead)}; target ≤ ${percent(OVERHEAD_TARGET)}: ${verdict} target)`,
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
