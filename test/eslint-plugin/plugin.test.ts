import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import packageJson from '../../packages/eslint-plugin/package.json';

describe('eslint-plugin-auth-status plugin object', () => {
  it('has meta with the package name, version and rule namespace', () => {
    assert.equal(plugin.meta.name, 'eslint-plugin-auth-status');
    assert.equal(plugin.meta.version, packageJson.version);
    assert.equal(plugin.meta.namespace, 'auth-status');
  });

  it('declares the defaults of every rule that takes options in meta.defaultOptions', () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const schema = rule.meta.schema as unknown[];
      if (schema.length === 0) continue;
      const defaults = rule.meta.defaultOptions as unknown[] | undefined;
      assert.equal(defaults?.length, schema.length, name);
    }
  });

  it('offers eslintrc configs without the flat-only keys, naming the plugin as eslintrc does', () => {
    for (const [legacy, flat] of [['recommended-legacy', 'recommended'], ['strict-legacy', 'strict']] as const) {
      const config = plugin.configs[legacy];
      assert.deepEqual(Object.keys(config).filter((key) => ['name', 'ignores', 'files', 'languageOptions'].includes(key)), [], legacy);
      assert.deepEqual(config.plugins, ['auth-status'], legacy);
      assert.deepEqual(config.rules, plugin.configs[flat].rules, legacy);
    }
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
    for (const filename of ['src/routes.test.js', 'src/routes.spec.mjs', 'src/routes.test-d.js', 'src/login.cy.js', 'src/login.e2e.js', 'test/app.js', 'src/__tests__/routes.js', 'tests/fixtures/app.js', 'src/__mocks__/api.js']) {
      assert.equal(reports(recommended, filename), 0, filename);
      assert.equal(reports(plugin.configs.strict as Linter.Config, filename), 1, filename);
    }
    assert.equal(reports(recommended, 'src/testing/harness.js'), 1);
    // A file named after a kind of test, not marked as one, is source.
    assert.equal(reports(recommended, 'src/e2e.js'), 1);
  });

  it('sets every rule to error in the strict config', () => {
    const strict = plugin.configs.strict.rules ?? {};
    assert.deepEqual(Object.keys(strict).sort(), Object.keys(plugin.rules).map((name) => `auth-status/${name}`).sort());
    assert.ok(Object.values(strict).every((severity) => severity === 'error'));
  });

  it('gives every rule a docs URL to its page at the tag of this release', () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const url = rule.meta.docs?.url ?? '';
      assert.ok(url.includes(`/blob/v${packageJson.version}/`), url);
      assert.match(url, new RegExp(`/docs/rules/${name}\\.md$`));
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
