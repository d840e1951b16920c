import assert from 'node:assert/strict';
import { chunked, compareRounds, overheadVerdict, turned } from './harness/bench';
import { ConfiguredLinter } from './harness/configured-linter';
import type { Dialect } from './harness/dialects';
import { median } from './harness/format';

describe('benchmark arithmetic', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it("sums each chunk's median over the rounds, so one slow round on one chunk does not move the result", () => {
    // Two chunks, three rounds; each chunk's times are [bare, ours, typical, typical with ours].
    const times = ([bareMs, oursMs, typicalMs, typicalWithOursMs]: number[]) => ({ bareMs, oursMs, typicalMs, typicalWithOursMs });
    const round = (first: number[], second: number[]) => [times(first), times(second)];
    const result = compareRounds([
      round([10, 11, 30, 31], [20, 21, 50, 52]),
      round([10, 11, 30, 31], [200, 21, 500, 52]),
      round([12, 11, 31, 33], [20, 22, 50, 51]),
    ]);
    assert.deepEqual(result.rounds, [times([30, 32, 80, 83]), times([210, 32, 530, 83]), times([32, 33, 81, 84])]);
    assert.deepEqual(result.medians, times([10 + 20, 11 + 21, 30 + 50, 31 + 52]));
    assert.equal(result.overhead, 83 / 80 - 1);
    assert.equal(result.overheadOverBare, 32 / 30 - 1);
  });

  it('turns the order of the configurations from round to round, so each runs before and after the others', () => {
    const orders = [0, 1, 2, 3].map((round) => turned(['a', 'b', 'c'], round).join(''));
    assert.deepEqual(orders, ['abc', 'cba', 'bca', 'acb']);
  });

  it('calls the overhead unresolved when the rounds spread wider than the target, whatever the median says', () => {
    const round = (typicalMs: number, typicalWithOursMs: number) => ({ bareMs: 0, oursMs: 0, typicalMs, typicalWithOursMs });
    assert.equal(overheadVerdict({ rounds: [round(100, 102), round(100, 103)], overhead: 0.025 }), 'within target');
    assert.equal(overheadVerdict({ rounds: [round(100, 108), round(100, 107)], overhead: 0.075 }), 'ABOVE target');
    assert.match(overheadVerdict({ rounds: [round(100, 96), round(100, 108)], overhead: -0.02 }), /^not resolved, the rounds read -4\.00% to 8\.00%/);
  });

  it('chunks files up to 16 and 64 KB together, and a large file alone', () => {
    const sizes = (kilobytes: number[]) => kilobytes.map((size) => ({ bytes: size * 1024 }));
    const chunkSizes = (kilobytes: number[]) => chunked(sizes(kilobytes)).map((chunk) => chunk.map((file) => file.bytes / 1024));
    assert.deepEqual(chunkSizes([300, 70, 40, 30, 10, 5]), [[300], [70], [40], [30, 10, 5]]);
    assert.deepEqual(chunked(sizes(Array(20).fill(1))).map((chunk) => chunk.length), [16, 4]);
  });

  it("lets go of the last file's tree between turns, so four linters do not each hold a large file", () => {
    const dialect: Dialect = { parser: 'espree', jsx: false, sourceType: 'module' };
    const typical = new ConfiguredLinter('recommended', [], 'typical');
    typical.verify('export const answer = (res) => res.status(403).end();\n', dialect);
    assert.notEqual(typical.linter.getSourceCode()?.text, '');
    typical.release(dialect);
    assert.equal(typical.linter.getSourceCode()?.text, '');
  });
});
