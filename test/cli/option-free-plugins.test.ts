import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { pluginsToCheck } from '../../packages/cli/src/lint/option-free-plugins';
import { REPO_ROOT } from './helpers';

const ourPlugins = plugin.configs.recommended.plugins as NonNullable<Linter.Config['plugins']>;
const ruleNames = Object.keys(plugin.rules).map((name) => `auth-status/${name}`);
const schemaOf = (plugins: NonNullable<Linter.Config['plugins']>, name: string) => plugins['auth-status'].rules![name.slice('auth-status/'.length)].meta?.schema;

/** Lints one file with the built CLI's FileLinter in a fresh process; says whether ajv was loaded. */
function loadsAjv(rules: object): boolean {
  const cli = path.join(REPO_ROOT, 'packages/cli/dist/lint');
  const script = `
    const { assertValidRules } = require(${JSON.stringify(path.join(cli, 'rules-config.js'))});
    const { FileLinter } = require(${JSON.stringify(path.join(cli, 'lint-file.js'))});
    const rules = ${JSON.stringify(rules)};
    assertValidRules(rules, 'in the test');
    const { result } = new FileLinter().lint({ filePath: '/virtual/guard.js', text: 'exports.guard = (req, res) => { if (!req.headers.authorization) return res.status(403).end(); };\\n', rules, fix: 'none' });
    if (result.messages.length === 0) throw new Error('no finding');
    process.stdout.write(String(Object.keys(require.cache).some((file) => file.includes('/node_modules/ajv/'))));`;
  return execFileSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AUTH_STATUS_COMPILE_CACHE: 'off' } }) === 'true';
}

describe('rule entries without options skip ESLint\'s schema check (and loading ajv)', () => {
  it('every rule of ours accepts an entry without options under its real schema, so skipping the check changes nothing', () => {
    for (const name of ruleNames) {
      for (const entry of ['error', ['warn']] as Linter.RuleEntry[]) {
        assert.doesNotThrow(() => new Linter().verify('', [{ files: ['**/*.js'], plugins: ourPlugins, rules: { [name]: entry } }], 'a.js'), name);
      }
    }
  });

  it('hands the rules over with schema: false for severities alone, and with their schemas when an entry has options', () => {
    const severities = pluginsToCheck(ourPlugins, { [ruleNames[0]]: 'error', [ruleNames[1]]: ['warn'] });
    for (const name of ruleNames) assert.equal(schemaOf(severities, name), false, name);
    assert.equal(severities['auth-status'].rules![ruleNames[0].slice('auth-status/'.length)].create, ourPlugins['auth-status'].rules![ruleNames[0].slice('auth-status/'.length)].create);
    const withOptions = pluginsToCheck(ourPlugins, { [ruleNames[0]]: ['error', {}] });
    assert.equal(withOptions, ourPlugins);
    assert.notEqual(schemaOf(withOptions, ruleNames[0]), false);
  });

  it('a one-file lint with the recommended severities never loads ajv; one with options does, and still rejects bad options', function () {
    this.timeout(60_000);
    const severities = Object.fromEntries(ruleNames.map((name) => [name, 'error']));
    assert.equal(loadsAjv(severities), false);
    assert.equal(loadsAjv({ ...severities, 'auth-status/require-www-authenticate': ['error', { scheme: 'Bearer' }] }), true);
    assert.throws(() => loadsAjv({ ...severities, 'auth-status/require-www-authenticate': ['error', { schemes: 'Bearer' }] }), /invalid rule settings in the test/);
  });
});
