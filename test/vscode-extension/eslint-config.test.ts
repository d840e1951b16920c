import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findEslintConfig, mentionsOurRules } from '../../packages/vscode-extension/src/coexistence/eslintConfig';

describe('vscode-extension: does the workspace ESLint configuration run our rules?', () => {
  describe('mentionsOurRules', () => {
    const cases: [text: string, mentions: boolean][] = [
      ["import authStatus from 'eslint-plugin-auth-status';\nexport default [authStatus.configs.recommended];", true],
      ["module.exports = [{ plugins: { 'auth-status': plugin }, rules: { 'auth-status/require-www-authenticate': 'error' } }];", true],
      ['plugins:\n  - "auth-status"\n', true],
      ["const url = 'https://example.com/x'; // a URL before the plugin\nconst p = require('eslint-plugin-auth-status');", true],
      ['export default [js.configs.recommended]; // TODO: add eslint-plugin-auth-status', false],
      ["export default [/* 'auth-status/require-401-for-credential-failure': 'error' */];", false],
      ['# plugins: [auth-status]\nrules: {}\n', false],
      ["import oauth from 'eslint-plugin-oauth-status';", false],
      ["const rules = { 'my-auth-status/x': 'error', 'auth-statuses': 'off', 'auth-status-helper': 1 };", false],
      ["export default [{ rules: { 'no-console': 'error' } }];", false],
    ];
    for (const [text, mentions] of cases) {
      it(`${mentions ? 'sees' : 'ignores'} ${JSON.stringify(text.slice(0, 50))}`, () => assert.equal(mentionsOurRules(text), mentions));
    }
  });

  describe('findEslintConfig', () => {
    const root = path.join(path.sep, 'repo');
    const files = new Map<string, string>([
      [path.join(root, 'eslint.config.js'), "import authStatus from 'eslint-plugin-auth-status';"],
      [path.join(root, 'packages', 'web', 'eslint.config.mjs'), 'export default [];'],
      [path.join(root, 'packages', 'web', '.eslintrc.json'), '{ "plugins": ["auth-status"] }'],
      [path.join(path.sep, 'eslint.config.js'), "export default [require('eslint-plugin-auth-status')];"],
    ]);
    const readText = async (file: string) => files.get(file);

    it('uses the nearest configuration above the file', async () => {
      const finding = await findEslintConfig(path.join(root, 'packages', 'api', 'src'), root, readText);
      assert.deepEqual(finding, { file: path.join(root, 'eslint.config.js'), enablesOurRules: true });
    });

    it('prefers a nearer configuration that does not mention our rules, and flat over legacy files', async () => {
      const finding = await findEslintConfig(path.join(root, 'packages', 'web', 'src'), root, readText);
      assert.deepEqual(finding, { file: path.join(root, 'packages', 'web', 'eslint.config.mjs'), enablesOurRules: false });
    });

    it('never looks above the workspace folder', async () => {
      const folder = path.join(root, 'packages', 'cli');
      const onlyOutside = async (file: string) => (file.startsWith(folder) ? undefined : files.get(file));
      const finding = await findEslintConfig(path.join(folder, 'src'), folder, onlyOutside);
      assert.deepEqual(finding, { file: undefined, enablesOurRules: false });
    });
  });
});
