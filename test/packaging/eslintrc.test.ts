import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './packages';

const WRONG_STATUS = "export function guard(req, res) {\n  if (!req.headers.authorization) return res.status(403).end();\n}\n";
const ESLINT9 = path.join(ROOT, 'node_modules/eslint9/bin/eslint.js');

/** ESLint 9 in eslintrc mode on a project whose `.eslintrc.json` extends `config`. */
function lintWithEslintrc(config: string): { status: number | null; stderr: string; reports: Record<string, string[]> } {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-eslintrc-'));
  try {
    fs.writeFileSync(
      path.join(project, '.eslintrc.json'),
      JSON.stringify({ root: true, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' }, extends: [config] }),
    );
    for (const file of ['src/app.js', 'test/app.js', 'src/app.test.js']) {
      fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      fs.writeFileSync(path.join(project, file), WRONG_STATUS);
    }
    // The plugin resolves from this repository's node_modules, where the workspace links it.
    const result = spawnSync(process.execPath, [ESLINT9, '--resolve-plugins-relative-to', ROOT, '--format', 'json', 'src', 'test'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, ESLINT_USE_FLAT_CONFIG: 'false' },
    });
    const results = result.stdout ? (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[]) : [];
    const reports = Object.fromEntries(
      results.map(({ filePath, messages }) => [path.relative(project, filePath), messages.map(({ ruleId }) => String(ruleId))]),
    );
    return { status: result.status, stderr: result.stderr, reports };
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
}

describe('.eslintrc users (ESLint 9, ESLINT_USE_FLAT_CONFIG=false)', function () {
  this.timeout(60000);

  it('plugin:auth-status/recommended-legacy reports app code and leaves test code alone', () => {
    const { status, stderr, reports } = lintWithEslintrc('plugin:auth-status/recommended-legacy');
    assert.equal(status, 1, stderr);
    assert.deepEqual(reports, {
      'src/app.js': ['auth-status/require-401-for-credential-failure'],
      'src/app.test.js': [],
      'test/app.js': [],
    });
  });

  it('plugin:auth-status/strict-legacy reports everywhere', () => {
    const { reports } = lintWithEslintrc('plugin:auth-status/strict-legacy');
    assert.deepEqual(Object.values(reports), Array(3).fill(['auth-status/require-401-for-credential-failure']));
  });

  it('the flat config under eslintrc fails with ESLint’s message, not silently', () => {
    const { status, stderr } = lintWithEslintrc('plugin:auth-status/recommended');
    assert.equal(status, 2);
    assert.match(stderr, /Unexpected top-level property "name"/);
  });
});
