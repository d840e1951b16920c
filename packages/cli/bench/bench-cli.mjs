#!/usr/bin/env node
// npm run bench:cli — auth-status-lint against plain ESLint (the plugin's recommended config, same files)
// and `grep -rP` (the floor: reading every file once) on two trees:
//   1. real code: .js/.ts files from this repository's node_modules, plus a few files with findings;
//   2. HTTP code only: every file has status codes, so the prefilter saves nothing.
// Environment: BENCH_FILES (default 5000), BENCH_HTTP_FILES (default 600), BENCH_RUNS (default 1, best of).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cliDist = path.join(repoRoot, 'packages/cli/dist/index.js');
if (!fs.existsSync(cliDist)) {
  console.error('bench:cli: build first (npm run build)');
  process.exit(2);
}
const { isLintedFile, ignoredByName, generatedReason } = require(cliDist);
const { MAY_CONTAIN_FINDING, mayContainFinding } = require('eslint-plugin-auth-status/tooling');

const FILES = Number(process.env.BENCH_FILES ?? 5000);
const HTTP_FILES = Number(process.env.BENCH_HTTP_FILES ?? 600);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const LINTED = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const IGNORED_BY_ESLINT_OR_US = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git', 'bower_components', '.cache', '.next']);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-bench-'));
if (!process.env.BENCH_KEEP) process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
else console.log(`keeping ${work}`);

/** Every source file either tool would lint under node_modules, minus generated ones and ESLint configs. */
function realSourceFiles() {
  const files = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const entryPath = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(entryPath);
      else if (entry.isFile() && isLintedFile(entry.name) && !ignoredByName(entry.name) && !/^eslint\.config\./.test(entry.name)) {
        files.push(entryPath);
      }
    }
  };
  walk(path.join(repoRoot, 'node_modules'));
  return files;
}

/** Copies files into `tree`, renaming folders that ESLint or we skip by default so both tools see every file. */
function copyTree(tree, files, base) {
  let bytes = 0;
  for (const file of files) {
    const relative = path.relative(base, file).split(path.sep).map((part) => (IGNORED_BY_ESLINT_OR_US.has(part) ? `${part}_` : part));
    const target = path.join(tree, ...relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    bytes += fs.statSync(file).size;
  }
  return bytes;
}

function corpusFiles() {
  const corpus = path.join(repoRoot, 'test/corpus');
  if (!fs.existsSync(corpus)) return [];
  return fs
    .readdirSync(corpus, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && LINTED.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function buildRealTree() {
  const candidates = realSourceFiles().filter((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return generatedReason(text) === undefined;
  });
  const step = Math.max(1, candidates.length / FILES);
  const picked = [];
  for (let index = 0; index < candidates.length && picked.length < FILES; index += step) picked.push(candidates[Math.floor(index)]);
  const tree = path.join(work, 'real');
  const bytes = copyTree(tree, picked, path.join(repoRoot, 'node_modules'));
  const withFindings = corpusFiles().slice(0, 5);
  copyTree(path.join(tree, 'app'), withFindings, path.join(repoRoot, 'test/corpus'));
  return { tree, files: picked.length + withFindings.length, bytes };
}

function buildHttpTree() {
  const sources = corpusFiles().filter((file) => mayContainFinding(fs.readFileSync(file, 'utf8')));
  if (sources.length === 0) throw new Error('bench:cli needs test/corpus for the HTTP-only tree');
  const tree = path.join(work, 'http');
  let bytes = 0;
  for (let index = 0; index < HTTP_FILES; index++) {
    const source = sources[index % sources.length];
    const target = path.join(tree, `copy-${Math.floor(index / sources.length)}`, path.basename(source));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(source, target);
    bytes += fs.statSync(source).size;
  }
  return { tree, files: HTTP_FILES, bytes };
}

const eslintConfig = path.join(work, 'eslint.config.mjs');
fs.writeFileSync(
  eslintConfig,
  `import plugin from ${JSON.stringify(require.resolve('eslint-plugin-auth-status'))};
import tsParser from ${JSON.stringify(require.resolve('@typescript-eslint/parser'))};
export default [
  { files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'], ...plugin.configs.recommended, linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
];
`,
);

const node = process.execPath;
const tools = (tree, report) => [
  ['grep -rP (floor)', 'grep', ['-rlP', MAY_CONTAIN_FINDING.source, tree]],
  ['auth-status-lint', node, [path.join(repoRoot, 'packages/cli/bin/auth-status-lint.js'), '--no-project-config', '-f', 'json', '-o', report('ours'), tree]],
  ['eslint', node, [path.join(repoRoot, 'node_modules/eslint/bin/eslint.js'), '--no-config-lookup', '-c', eslintConfig, '-f', 'json', '-o', report('eslint'), tree]],
  ['eslint --concurrency=auto', node, [path.join(repoRoot, 'node_modules/eslint/bin/eslint.js'), '--no-config-lookup', '-c', eslintConfig, '--concurrency=auto', '-f', 'json', '-o', report('eslint-mt'), tree]],
];

/** CPU time (user + system) of this process's finished children, in ms: Linux only, else undefined. */
function childrenCpuMs() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Best wall-clock time of RUNS runs, and the CPU time that run used (all threads). */
function time(command, args) {
  let best = { wall: Infinity, cpu: undefined };
  for (let run = 0; run < RUNS; run++) {
    const cpuBefore = childrenCpuMs();
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const cpuAfter = childrenCpuMs();
    if (result.status === 2 || result.error) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
    if (wall < best.wall) best = { wall, cpu: cpuBefore === undefined ? undefined : cpuAfter - cpuBefore };
  }
  return best;
}

/** Rule findings as "file:line rule", to check both tools agree (parse errors differ by design: we try CommonJS too). */
function findings(reportFile) {
  const results = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  return results.flatMap((result) => result.messages.filter((message) => message.ruleId?.startsWith('auth-status/')).map((message) => `${result.filePath}:${message.line} ${message.ruleId}`)).sort();
}

function bench(label, { tree, files, bytes }) {
  const texts = fs
    .readdirSync(tree, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && LINTED.test(entry.name))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  const mentionStatus = texts.filter((text) => MAY_CONTAIN_FINDING.test(text));
  const parsed = mentionStatus.filter((text) => mayContainFinding(text));
  const megabytesOf = (list) => (list.reduce((sum, text) => sum + text.length, 0) / 1024 / 1024).toFixed(1);
  console.log(
    `\n${label}: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB; ${mentionStatus.length} (${megabytesOf(mentionStatus)} MB) mention a status,` +
      ` ${parsed.length} (${megabytesOf(parsed)} MB) have one in code and are parsed; ${os.availableParallelism()} cores, best of ${RUNS}`,
  );
  const report = (name) => path.join(work, `${label.replace(/\W+/g, '-')}-${name}.json`);
  const timings = {};
  for (const [name, command, args] of tools(tree, report)) {
    timings[name] = time(command, args);
  }
  const ours = timings['auth-status-lint'];
  const ratioText = (theirs, mine) => (theirs >= mine ? `${(theirs / mine).toFixed(1)}×` : `1/${(mine / theirs).toFixed(1)}×`);
  console.log(`  ${'tool'.padEnd(26)} ${'wall ms'.padStart(8)} ${'cpu ms'.padStart(8)}  ${'files/s'.padStart(7)}  auth-status-lint faster by (wall, cpu)`);
  for (const [name, { wall, cpu }] of Object.entries(timings)) {
    const ratio = name === 'auth-status-lint' ? '' : `${ratioText(wall, ours.wall)}, ${cpu === undefined ? '?' : ratioText(cpu, ours.cpu)}`;
    const cpuText = cpu === undefined ? '?' : cpu.toFixed(0);
    console.log(`  ${name.padEnd(26)} ${wall.toFixed(0).padStart(8)} ${cpuText.padStart(8)}  ${(files / (wall / 1000)).toFixed(0).padStart(7)}  ${ratio}`);
  }
  const ourFindings = findings(report('ours'));
  const eslintFindings = findings(report('eslint'));
  const same = JSON.stringify(ourFindings) === JSON.stringify(eslintFindings);
  console.log(`  findings: auth-status-lint ${ourFindings.length}, eslint ${eslintFindings.length} — ${same ? 'identical' : 'DIFFERENT'}`);
  return { wall: timings.eslint.wall / ours.wall, cpu: timings.eslint.cpu / ours.cpu, same };
}

console.log('bench:cli — building the trees …');
const real = bench('real code (node_modules)', buildRealTree());
const http = bench('HTTP code in every file', buildHttpTree());
console.log(
  `\nsummary: against plain ESLint, auth-status-lint is ${real.wall.toFixed(1)}× faster (wall; ${real.cpu.toFixed(1)}× less CPU) on real code (target ≥ 5×)` +
    ` and ${http.wall.toFixed(1)}× (wall; ${http.cpu.toFixed(1)}× less CPU) on HTTP-only code (target ≥ 1×)`,
);
if (!real.same || !http.same) console.log('warning: auth-status-lint and ESLint disagree on findings; see above');
