import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './packages';

const FIXTURES = path.join(ROOT, 'test/fixtures/types');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

/**
 * `eslint.config.ts` variants and a `// @ts-check` `eslint.config.mjs` (ESLint's defineConfig(), Linter.Config[],
 * typescript-eslint's config(), typed rule options with the misuses that must stay errors), compiled against the
 * plugin's published declarations in `dist`.
 */
describe('eslint.config.ts type-checks with the plugin', function () {
  this.timeout(120000);
  for (const [label, project, eslintFolder] of [
    ['ESLint 10 types', 'tsconfig.json', 'eslint'],
    ['ESLint 9 types (the eslint9 alias)', 'tsconfig.eslint9.json', 'eslint9'],
  ] as const) {
    it(`against ${label}`, () => {
      const result = spawnSync(process.execPath, [TSC, '-p', path.join(FIXTURES, project), '--listFiles'], { encoding: 'utf8' });
      const lines = (result.stdout + result.stderr).split('\n').filter(Boolean);
      const problems = lines.filter((line) => !path.isAbsolute(line));
      assert.deepEqual(problems, []);
      assert.equal(result.status, 0);
      const eslintTypes = lines.filter((line) => /\/node_modules\/eslint9?\/lib\/types\//.test(line));
      assert.ok(eslintTypes.length > 0, 'no ESLint types were read');
      assert.ok(eslintTypes.every((line) => line.includes(`/node_modules/${eslintFolder}/lib/types/`)), eslintTypes.join('\n'));
    });
  }
});
