// Preloaded into the server process (`node --require`) by robustness.test.ts: makes one of our rules throw on
// any file that contains CRASH_AUTH_STATUS, so the test can check that a failing rule never takes the server down.
'use strict';
const plugin = require('eslint-plugin-auth-status');

const rule = plugin.rules['require-www-authenticate'];
const create = rule.create;
rule.create = function createOrCrash(context) {
  if (context.sourceCode.text.includes('CRASH_AUTH_STATUS')) {
    return {
      Program() {
        throw new Error('injected rule failure');
      },
    };
  }
  return create.call(this, context);
};
