import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

/**
 * Packages fixtures/eslint-stand-in as a .vsix under the ESLint extension's id: its client and vscode-eslint's
 * real language server (from the npm package vscode-langservers-extracted) bundled into dist/.
 */
export async function packageEslintStandIn(repo: string, root: string): Promise<string> {
  const folder = path.join(root, 'eslint-stand-in');
  await cp(path.join(__dirname, 'fixtures', 'eslint-stand-in'), folder, { recursive: true });
  const server = path.join(repo, 'node_modules', 'vscode-langservers-extracted', 'lib', 'eslint-language-server', 'eslintServer.js');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', outdir: path.join(folder, 'dist'), logLevel: 'error' } as const;
  await Promise.all([
    build({ ...common, entryPoints: { extension: path.join(folder, 'extension.ts') }, external: ['vscode'], nodePaths: [path.join(repo, 'node_modules')] }),
    build({ ...common, entryPoints: { eslintServer: server } }),
  ]);
  const vsix = path.join(root, 'eslint-stand-in.vsix');
  await promisify(execFile)(path.join(repo, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], { cwd: folder });
  return vsix;
}
