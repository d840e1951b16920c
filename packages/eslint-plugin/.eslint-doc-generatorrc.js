'use strict';
/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  pathRuleDoc: 'docs/rules/{name}.md',
  pathRuleList: ['../../README.md', 'README.md'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options'],
  // The eslintrc forms mirror recommended and strict; listing them again in every rule doc adds nothing.
  ignoreConfig: ['recommended-legacy', 'strict-legacy'],
  urlConfigs: 'https://github.com/auth-status/auth-status#eslint-plugin',
};
