// Run by units.test.ts in a process of its own (`node --require tsx/cjs`), where nothing else allocates: grows the
// young generation, lets a HeapKeeper settle, and prints the young generation's size before and after (bytes).
'use strict';
const v8 = require('node:v8');
const { HeapKeeper } = require('../../packages/language-server/src/memory');

const youngGeneration = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
const limits = { burstGrowth: 1024 * 1024 * 1024, idleMs: 300, typingIdleMs: 2000, settleMs: 5500, youngFillBetweenKeystrokes: 0.25 };

/** Objects that survive a few young collections, which is what makes V8 grow the young generation. */
function growYoungGeneration() {
  const survivors = [];
  for (let round = 0; round < 30; round++) {
    survivors.push(Array.from({ length: 200_000 }, (_, index) => ({ index, text: `survivor ${index}` })));
    if (survivors.length > 3) survivors.shift();
  }
  return survivors.length;
}

growYoungGeneration();
const grown = youngGeneration();
const heap = new HeapKeeper(limits);
heap.afterWork();
setTimeout(() => {
  process.stdout.write(JSON.stringify({ grown, settled: youngGeneration() }));
  heap.dispose();
}, limits.settleMs + 300);
