// Preloaded into the server process (`node --require`) by incremental-stdio.test.ts: makes require-www-authenticate
// silent in any file whose code (not comments) names SILENCE_CHALLENGES anywhere. A result that depends on a
// statement nothing refers to is what an incremental check cannot see: the test checks that the full lint that
// confirms the first answer corrects it.
'use strict';
const plugin = require('eslint-plugin-auth-status');

const rule = plugin.rules['require-www-authenticate'];
const create = rule.create;
rule.create = function createOrSilence(context) {
  const silenced = context.sourceCode.ast.tokens.some((token) => token.type === 'Identifier' && token.value === 'SILENCE_CHALLENGES');
  return silenced ? {} : create.call(this, context);
};
