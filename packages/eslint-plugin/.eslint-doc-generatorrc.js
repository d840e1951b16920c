'use strict';
/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  pathRuleDoc: 'docs/rules/{name}.md',
  pathRuleList: '../../README.md',
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options'],
  urlConfigs: 'https://github.com/auth-status/auth-status#eslint-plugin',
};
