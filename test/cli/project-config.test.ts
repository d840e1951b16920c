import assert from 'node:assert/strict';
import path from 'node:path';
import { CODE, linkPlugin, lintJson, makeFolder } from './helpers';

const warnBasic = `import authStatus from 'eslint-plugin-auth-status';
export default [
  authStatus.configs.recommended,
  { rules: { 'auth-status/require-www-authenticate': ['warn', { scheme: 'Basic', realm: 'staff' }] } },
  { files: ['legacy/**'], rules: { 'auth-status/require-401-for-credential-failure': 'off' } },
];
`;

describe('auth-status-lint and the project ESLint config', () => {
  const project = makeFolder({
    'token.js': CODE.missingChallenge,
    'legacy/auth.js': CODE.wrongStatus,
    'auth.js': CODE.wrongStatus,
    'eslint.config.mjs': warnBasic,
    'other.config.mjs': `export default [{ rules: {} }];\n`,
  });
  linkPlugin(project);

  const severities = (args: string[]) =>
    lintJson(args, project)
      .results.flatMap((result) => result.messages.map((message) => `${result.filePath.slice(project.length + 1)} ${message.ruleId} ${message.severity}`))
      .sort();

  it('honours the severities, options and file globs it sets for auth-status rules', () => {
    assert.deepEqual(severities([]), [
      'auth.js auth-status/require-401-for-credential-failure 2',
      'token.js auth-status/require-www-authenticate 1',
    ]);
    const token = lintJson(['token.js'], project).results[0];
    assert.match(token.messages[0].message, /WWW-Authenticate: Basic realm="staff"/);
  });

  it('--no-project-config uses the built-in recommended settings', () => {
    assert.deepEqual(severities(['--no-project-config']), [
      'auth.js auth-status/require-401-for-credential-failure 2',
      'legacy/auth.js auth-status/require-401-for-credential-failure 2',
      'token.js auth-status/require-www-authenticate 2',
    ]);
  });

  it('--config FILE reads the settings from that file instead', () => {
    assert.equal(severities(['--config', 'other.config.mjs']).length, 3);
  });

  it('--rule applies on top of the project settings and keeps their options', () => {
    const results = lintJson(['--rule', 'require-www-authenticate:error', 'token.js'], project).results;
    assert.equal(results[0].messages[0].severity, 2);
    assert.match(results[0].messages[0].message, /Basic realm="staff"/);
  });

  it('a config file in a folder above the one linted applies; with none up to the root, the built-in settings do', () => {
    const fromBelow = lintJson(['.'], path.join(project, 'legacy')).results;
    assert.deepEqual(fromBelow.flatMap((result) => result.messages), [], 'legacy/** switches the rule off in the parent config');
    const alone = makeFolder({ 'auth.js': CODE.wrongStatus });
    const rules = lintJson(['.'], alone).results.flatMap((result) => result.messages.map((message) => message.ruleId));
    assert.deepEqual(rules, ['auth-status/require-401-for-credential-failure']);
  });
});
