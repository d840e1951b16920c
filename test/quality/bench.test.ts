import assert from 'node:assert/strict';
import { compareRounds } from './harness/bench';
import { median } from './harness/format';

describe('benchmark arithmetic', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it("sums each file's median over the rounds, so one slow round on one file does not move the result", () => {
    const round = (a: [number, number], b: [number, number]) => [
      { bareMs: a[0], recommendedMs: a[1] },
      { bareMs: b[0], recommendedMs: b[1] },
    ];
    const result = compareRounds([round([10, 11], [20, 21]), round([10, 11], [200, 21]), round([12, 11], [20, 22])]);
    assert.deepEqual(result.rounds, [
      { bareMs: 30, recommendedMs: 32 },
      { bareMs: 210, recommendedMs: 32 },
      { bareMs: 32, recommendedMs: 33 },
    ]);
    assert.equal(result.bareMs, 10 + 20);
    assert.equal(result.recommendedMs, 11 + 21);
    assert.equal(result.overhead, 32 / 30 - 1);
  });
});
