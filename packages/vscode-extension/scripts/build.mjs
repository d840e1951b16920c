// Bundles the extension (client) and the language server into one file each under dist/, so the .vsix needs no
// node_modules. Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = fileURLToPath(new URL('..', import.meta.url));

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...common,
    entryPoints: { server: '../language-server/src/server.ts' },
    outdir: 'dist',
    // ESLint imports jiti only to load eslint.config.ts files, and handles its absence with its own message.
    external: ['jiti'],
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context({ ...options, logLevel: 'info' })).watch();
} else {
  const started = performance.now();
  await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`bundled dist/extension.js and dist/server.js in ${Math.round(performance.now() - started)} ms`);
}
