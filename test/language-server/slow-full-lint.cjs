// Preloaded into the server process (`node --require`, which worker threads inherit) by incremental-stdio.test.ts:
// every full lint that keeps an outline (the lint that confirms an incremental answer) holds its thread for
// SLOW_FULL_LINT_MS, as a long file on a busy machine does. Incremental checks keep their speed.
'use strict';
const { LintEngine } = require('../../packages/language-server/dist/lint/engine');

const holdMs = Number(process.env.SLOW_FULL_LINT_MS);
const lintWithOutline = LintEngine.prototype.lintWithOutline;
LintEngine.prototype.lintWithOutline = function slowLintWithOutline(...args) {
  const until = Date.now() + holdMs;
  while (Date.now() < until) {
    // A synchronous lint gives nothing else on its thread a turn.
  }
  return lintWithOutline.apply(this, args);
};
