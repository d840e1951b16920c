import assert from 'node:assert/strict';
import os from 'node:os';
import type { LintOutcome, LintTask } from '../../packages/cli/src/lint/lint-file';
import { recommendedRules } from '../../packages/cli/src/lint/rules-config';
import { CODE } from './helpers';

// The built pool: its workers run the compiled worker.js beside it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LintPool, laneCount, freeCores } = require('../../packages/cli/dist/lint/pool') as typeof import('../../packages/cli/src/lint/pool');

/** The shared snippets, each several times, as tasks the CLI would queue. */
function tasks(): LintTask[] {
  return Array.from({ length: 12 }, (_, index) => {
    const [name, text] = Object.entries(CODE)[index % Object.keys(CODE).length]!;
    return { filePath: `/project/${name}-${index}.js`, text, rules: recommendedRules(), fix: 'none' as const };
  });
}

function summaryOf(outcomes: readonly LintOutcome[]): string[] {
  return outcomes.map(({ result, internalError }) => `${result.filePath} ${internalError ?? ''}${result.messages.map((message) => `${message.line}:${message.ruleId}`).join(',')}`);
}

async function lintAll(pool: InstanceType<typeof LintPool>): Promise<LintOutcome[]> {
  for (const task of tasks()) pool.add(task);
  return pool.finish();
}

describe('lint pool', () => {
  it('auto: between one lane and one per core; off: one; a number: that many', () => {
    const sinceNow = { idle: 0, total: 0, own: 0 };
    const lanes = laneCount('auto', sinceNow);
    assert.ok(lanes >= 1 && lanes <= os.availableParallelism(), String(lanes));
    assert.equal(laneCount('off', sinceNow), 1);
    assert.equal(laneCount(3, sinceNow), 3);
  });

  it("auto counts this process's own threads as free, and other processes' work as load", () => {
    const since = { idle: 1_000, total: 10_000, own: 500 };
    // Two cores for 2 s (4,000 ms of core time): this process read on one and V8's threads took most of the other
    // (3,000 ms), nothing else ran; 900 ms stayed idle, which alone would have said one lane.
    const alone = { idle: 1_900, total: 14_000, own: 3_500 };
    assert.equal(freeCores(since, alone, 2), 1.95);
    assert.equal(laneCount('auto', since, alone, 2), 2);
    // Another process keeps one core busy: its 2,000 ms are load.
    const beside = { idle: 1_000, total: 14_000, own: 2_500 };
    assert.equal(freeCores(since, beside, 2), 1);
    assert.equal(laneCount('auto', since, beside, 2), 1);
    // A saturated machine still gets one lane.
    assert.equal(laneCount('auto', since, { idle: 1_000, total: 14_000, own: 1_000 }, 2), 1);
  });

  it('worker threads give the same outcomes, in task order, as the main thread alone', async function () {
    this.timeout(120_000);
    const alone = summaryOf(await lintAll(new LintPool('off', () => {})));
    assert.ok(alone.some((line) => line.includes('auth-status/')), 'the snippets have findings');
    assert.deepEqual(summaryOf(await lintAll(new LintPool(2, () => {}))), alone);
  });

  it('files of a worker that runs out of heap are linted on the main thread, with the same outcomes', async function () {
    this.timeout(120_000);
    const alone = summaryOf(await lintAll(new LintPool('off', () => {})));
    // A heap this small cannot even hold ESLint: every worker fails, and the main thread lints everything.
    const starved = new LintPool(2, () => {}, { maxOldGenerationSizeMb: 4 });
    assert.deepEqual(summaryOf(await lintAll(starved)), alone);
  });
});
