#!/usr/bin/env node
// Bundles the compiled CLI (dist/) into one file per thread with esbuild, after `tsc -b`: dist/bundled-cli.js (the
// command), dist/worker.js and dist/config-worker.js (the threads it starts, found beside the code that starts
// them), and dist/bundle-inputs.json, the workspace files they were built from (src/startup/bundle.ts).
// Left out: native or large packages loaded on demand (oxc-parser, TypeScript and typescript-eslint's parser),
// ESLint (its config loader and formatters find files beside their own), and the module that calls import().
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(packageFolder, 'dist');
const { BUNDLE_ENTRIES, BUNDLE_INPUTS } = createRequire(import.meta.url)(path.join(dist, 'startup/bundle.js'));
const EXTERNAL = ['oxc-parser', 'typescript', 'eslint', 'espree', 'jiti', '@typescript-eslint/parser', '@typescript-eslint/typescript-estree'];

/** Every import of the plugin's `import()` module, relative inside the plugin too, stays a require of the package's export. */
const importModuleOutside = {
  name: 'import-module-outside',
  setup(esbuild) {
    esbuild.onResolve({ filter: /(^|\/)import-module(\.js)?$/ }, () => ({ path: 'eslint-plugin-auth-status/import-module', external: true }));
  },
};

const result = await build({
  entryPoints: Object.fromEntries(Object.entries(BUNDLE_ENTRIES).map(([bundle, entry]) => [bundle.replace(/\.js$/, ''), path.join(dist, entry)])),
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
  plugins: [importModuleOutside],
  metafile: true,
  logLevel: 'warning',
  logOverride: { 'require-resolve-not-external': 'silent' },
});
const inputs = Object.keys(result.metafile.inputs)
  .map((input) => path.relative(packageFolder, path.resolve(input)))
  .filter((input) => !input.split(path.sep).includes('node_modules'))
  .sort();
fs.writeFileSync(path.join(dist, BUNDLE_INPUTS), `${JSON.stringify({ inputs }, null, 1)}\n`);
