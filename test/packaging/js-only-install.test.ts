import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packInto, ROOT } from './packages';

const WRONG_STATUS = "export function guard(req, res) {\n  if (!req.headers.authorization) return res.status(403).end();\n}\n";

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

interface TreeNode {
  version?: string;
  missing?: boolean;
  dependencies?: Record<string, TreeNode>;
}

/** Every installed package name in npm's tree below `node` (optional peers that are absent are listed as missing). */
function namesBelow(node: TreeNode): string[] {
  return Object.entries(node.dependencies ?? {}).flatMap(([name, child]) => (child.missing || !child.version ? [] : [name, ...namesBelow(child)]));
}

describe('eslint-plugin-auth-status in a JavaScript-only project, installed from its tarball', function () {
  this.timeout(180000);
  let project: string;

  before(() => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-js-only-'));
    const tarball = packInto('eslint-plugin-auth-status', folder);
    project = path.join(folder, 'project');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'js-only', private: true, type: 'module' }));
    fs.writeFileSync(
      path.join(project, 'eslint.config.js'),
      "import authStatus from 'eslint-plugin-auth-status';\nexport default [authStatus.configs.recommended];\n",
    );
    fs.writeFileSync(path.join(project, 'src/app.js'), WRONG_STATUS);
    // The ESLint this repository tests with is in npm's cache already, so this needs the registry only on a cold cache.
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/eslint/package.json'), 'utf8')) as { version: string };
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', `eslint@${version}`, tarball], project);
  });

  after(() => fs.rmSync(path.dirname(project), { recursive: true, force: true }));

  it('installs no TypeScript, and nothing beyond the small @typescript-eslint/types and visitor-keys that ESLint does not bring itself', () => {
    assert.equal(fs.existsSync(path.join(project, 'node_modules/typescript')), false);
    const tree = JSON.parse(run('npm', ['ls', '--all', '--json'], project)) as TreeNode;
    const own = namesBelow(tree.dependencies?.['eslint-plugin-auth-status'] ?? {});
    // The project index's parser and TypeScript are optional peers: a JavaScript-only project judges each file alone.
    assert.deepEqual([...new Set(own.filter((name) => name !== 'eslint' && name !== 'eslint-visitor-keys'))].sort(), ['@typescript-eslint/types', '@typescript-eslint/visitor-keys']);
  });

  it('lints a JavaScript file with the recommended config', () => {
    let output = '';
    try {
      run(path.join(project, 'node_modules/.bin/eslint'), ['--format', 'json', 'src'], project);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    const [result] = JSON.parse(output) as { messages: { ruleId: string; line: number }[] }[];
    assert.deepEqual(
      result.messages.map(({ ruleId, line }) => [ruleId, line]),
      [['auth-status/require-401-for-credential-failure', 2]],
    );
  });
});
