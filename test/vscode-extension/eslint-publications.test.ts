import * as assert from 'node:assert/strict';
import { EslintPublications, isEslintReportOfOurRule } from '../../packages/vscode-extension/src/coexistence/eslintPublications';

describe('vscode-extension: is ESLint reporting our rules for a document?', () => {
  describe('isEslintReportOfOurRule', () => {
    const cases: [origin: Parameters<typeof isEslintReportOfOurRule>[0], ours: boolean][] = [
      [{ source: 'eslint', code: 'auth-status/require-401-for-credential-failure' }, true],
      [{ source: 'eslint', code: { value: 'auth-status/require-www-authenticate' } }, true],
      [{ source: 'auth-status', code: 'auth-status/require-www-authenticate' }, false],
      [{ source: 'eslint', code: 'no-unused-vars' }, false],
      [{ source: 'eslint', code: 'my-auth-status/require-www-authenticate' }, false],
      [{ source: 'eslint', code: { value: 401 } }, false],
      [{ source: 'ESLint', code: 'auth-status/require-www-authenticate' }, false],
      [{ source: 'eslint' }, false],
      [{ code: 'auth-status/require-www-authenticate' }, false],
    ];
    for (const [origin, ours] of cases) {
      it(`${ours ? 'counts' : 'ignores'} ${JSON.stringify(origin)}`, () => assert.equal(isEslintReportOfOurRule(origin), ours));
    }
  });

  describe('EslintPublications', () => {
    const file = 'file:///project/authenticate.js';
    const eslintReport = { source: 'eslint', code: 'auth-status/require-401-for-credential-failure' };
    const ourReport = { source: 'auth-status', code: 'auth-status/require-401-for-credential-failure' };

    it('flips on when ESLint starts reporting our rule and off as soon as it stops', () => {
      const publications = new EslintPublications();
      assert.equal(publications.observe(file, [ourReport]), false);
      assert.equal(publications.publishesOurRules(file), false);
      assert.equal(publications.observe(file, [ourReport, eslintReport]), true);
      assert.equal(publications.publishesOurRules(file), true);
      assert.equal(publications.observe(file, [eslintReport]), false, 'our own problems going away changes nothing');
      assert.equal(publications.observe(file, [{ source: 'eslint', code: 'semi' }]), true);
      assert.equal(publications.publishesOurRules(file), false);
    });

    it('keeps documents apart', () => {
      const publications = new EslintPublications();
      publications.observe(file, [eslintReport]);
      assert.equal(publications.publishesOurRules('file:///project/other.js'), false);
      assert.equal(publications.observe('file:///project/other.js', []), false);
      assert.equal(publications.publishesOurRules(file), true);
    });
  });
});
