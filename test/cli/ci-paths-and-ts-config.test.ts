import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CODE, linkPlugin, makeFolder, makeRepository, runCli } from './helpers';

describe('auth-status-lint --format github in a monorepo', () => {
  const repository = makeRepository({ 'services/api/src/token.js': CODE.missingChallenge });
  const api = path.join(repository, 'services/api');
  const fileOf = (output: string) => /file=([^,]+),/.exec(output)?.[1];

  it('gives paths from the repository root, whatever folder it runs in', () => {
    const result = runCli(['--format', 'github'], api, { GITHUB_WORKSPACE: '' });
    assert.equal(result.code, 1);
    assert.equal(fileOf(result.stdout), 'services/api/src/token.js');
  });

  it('gives paths from GITHUB_WORKSPACE when set', () => {
    const result = runCli(['--format', 'github', 'src'], api, { GITHUB_WORKSPACE: path.join(repository, 'services') });
    assert.equal(fileOf(result.stdout), 'api/src/token.js');
  });

  it('other formats keep paths relative to the current folder', () => {
    assert.match(runCli([], api, { GITHUB_WORKSPACE: '' }).stdout, /^src\/token\.js:7:/);
  });
});

describe('auth-status-lint with an eslint.config.ts, the CLI installed outside the project', () => {
  const typedConfig = `import authStatus from 'eslint-plugin-auth-status';
import type { Linter } from 'eslint';

const turnedOff: Linter.RuleEntry = 'off';
export default [{ plugins: { 'auth-status': authStatus }, rules: { 'auth-status/require-www-authenticate': turnedOff } }] satisfies Linter.Config[];
`;
  const files = { 'eslint.config.ts': typedConfig, 'token.js': CODE.missingChallenge, 'auth.js': CODE.wrongStatus };
  const findings = (output: string) => [...output.matchAll(/^(\w+\.js):\d+/gm)].map((match) => match[1]).sort();

  it('the CLI\'s own ESLint cannot load a TypeScript config by itself (what these tests rely on)', () => {
    const eslintFolder = path.dirname(require.resolve('eslint'));
    assert.throws(() => require.resolve('jiti', { paths: [eslintFolder] }));
  });

  it('loads it with the project\'s own jiti', () => {
    const project = makeFolder(files);
    linkPlugin(project);
    fs.symlinkSync(path.dirname(require.resolve('project-jiti/package.json')), path.join(project, 'node_modules', 'jiti'), 'dir');
    const result = runCli([], project);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    assert.deepEqual(findings(result.stdout), ['auth.js'], 'the config turned require-www-authenticate off');
  });

  it('without jiti in the project, runs the built-in rules after one warning line instead of exiting 2', () => {
    const project = makeFolder(files);
    linkPlugin(project);
    const result = runCli([], project);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      'auth-status-lint: the ESLint config for auth.js is TypeScript and needs jiti, which this project does not have (npm install --save-dev jiti); using the built-in rules.\n',
    );
    assert.deepEqual(findings(result.stdout), ['auth.js', 'token.js']);
  });
});
