import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';

describe('eslint-plugin-auth-status plugin object', () => {
  it('has meta with the package name and version', () => {
    assert.equal(plugin.meta.name, 'eslint-plugin-auth-status');
    assert.match(plugin.meta.version, /^\d+\.\d+\.\d+/);
  });

  it('derives the recommended config from rule metadata', () => {
    const recommended = plugin.configs.recommended.rules ?? {};
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const expected = rule.meta.docs?.recommended;
      assert.equal(recommended[`auth-status/${name}`], expected, name);
    }
  });

  it('leaves test suites, fixtures and mocks out of the recommended config, not out of strict', () => {
    const code = "app.get('/x', (req, res) => { if (!req.headers.authorization) return res.status(403).end(); });";
    const reports = (config: Linter.Config, filename: string) => new Linter({ cwd: '/project' }).verify(code, [config], `/project/${filename}`).length;
    const recommended = plugin.configs.recommended as Linter.Config;
    assert.equal(reports(recommended, 'src/routes.js'), 1);
    for (const filename of ['src/routes.test.js', 'src/routes.spec.mjs', 'test/app.js', 'src/__tests__/routes.js', 'tests/fixtures/app.js', 'src/__mocks__/api.js']) {
      assert.equal(reports(recommended, filename), 0, filename);
      assert.equal(reports(plugin.configs.strict as Linter.Config, filename), 1, filename);
    }
    assert.equal(reports(recommended, 'src/testing/harness.js'), 1);
  });

  it('sets every rule to error in the strict config', () => {
    const strict = plugin.configs.strict.rules ?? {};
    assert.deepEqual(Object.keys(strict).sort(), Object.keys(plugin.rules).map((name) => `auth-status/${name}`).sort());
    assert.ok(Object.values(strict).every((severity) => severity === 'error'));
  });

  it('gives every rule a docs URL to its page', () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      assert.match(rule.meta.docs?.url ?? '', new RegExp(`/docs/rules/${name}\\.md$`));
    }
  });

  for (const [label, LinterClass] of [
    ['ESLint 10', Linter],
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ['ESLint 9', (require('eslint9') as typeof import('eslint')).Linter],
  ] as const) {
    it(`runs in a flat config under ${label}`, () => {
      const linter = new LinterClass();
      const messages = linter.verify(
        "app.get('/', (req, res) => { if (!req.headers.authorization) return res.status(403).end(); });",
        [plugin.configs.recommended as never],
        'file.js',
      );
      assert.deepEqual(
        messages.map((message) => message.ruleId),
        ['auth-status/require-401-for-credential-failure'],
      );
    });
  }
});
