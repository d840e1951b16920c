// Preloaded into the server process (`node --require`) by containment.test.ts: in any file that contains
// BREAK_THE_FIX, require-www-authenticate's fix (and the suggestion that makes the same edit) inserts a lone quote
// at the start of the file, so the fixed text does not parse. The test checks that such a quick fix is never offered and fix-all leaves the file alone.
'use strict';
const plugin = require('eslint-plugin-auth-status');

const rule = plugin.rules['require-www-authenticate'];
const create = rule.create;
rule.create = function createWithBrokenFix(context) {
  if (!context.sourceCode.text.includes('BREAK_THE_FIX')) return create.call(this, context);
  const broken = (fix) => fix && ((fixer) => fixer.insertTextAfterRange([0, 0], "'"));
  const report = (descriptor) =>
    context.report({
      ...descriptor,
      fix: broken(descriptor.fix),
      suggest: descriptor.suggest?.map((suggestion) => ({ ...suggestion, fix: broken(suggestion.fix) })),
    });
  return create.call(this, Object.create(context, { report: { value: report } }));
};
