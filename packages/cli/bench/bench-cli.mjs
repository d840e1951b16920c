#!/usr/bin/env node
// npm run bench:cli — auth-status-lint against the other hosts of the same four rules, side by side in one run:
// oxlint with our plugin as a JS plugin and ESLint with our plugin (recommended config), plus `grep -rlP` (the
// floor: reading every file once). Rounds alternate the tools' order; the table shows medians of wall and CPU
// time and the highest peak memory (RSS, worker threads included) of any round.
// Trees:
//   1. real code: `--tree DIR`, or else application code from the git snapshots in /work/.mirror (held-out
//      repositories excluded), or else (no snapshots on this machine) .js/.ts files from node_modules;
//   2. HTTP code only: every file has status codes, so the prefilter saves nothing.
// Also the pre-commit latency: `auth-status-lint --staged` with one staged file.
// Environment: BENCH_FILES (default 6000), BENCH_HTTP_FILES (default 600), BENCH_ROUNDS (default 3), BENCH_ESLINT_ROUNDS,
// BENCH_SNAPSHOTS (default /work/.mirror), BENCH_KEEP=1 keeps the trees, BENCH_BASELINE=path/to/bin/auth-status-lint.js
// adds another build of the CLI (say, of the main branch) as a row, to measure a change side by side;
// BENCH_INDEX_OFF=1 adds our CLI with the project index switched off (each file judged alone), to show what following
// imports costs; BENCH_NATIVE_OFF=1 adds our CLI with ESLint's parsers only and no compile cache (as before oxc).
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
const { isLintedFile, ignoredByName, generatedReason, MAX_SOURCE_BYTES } = require(cliDist);
const plugin = require('eslint-plugin-auth-status');
const { MAY_CONTAIN_FINDING, mayContainFinding, isTestFile } = require('eslint-plugin-auth-status/tooling');

const FILES = Number(process.env.BENCH_FILES ?? 6000);
const HTTP_FILES = Number(process.env.BENCH_HTTP_FILES ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** ESLint is several times slower than the rest; on a busy machine fewer rounds of it keep the run short. */
const ESLINT_ROUNDS = Math.min(ROUNDS, Number(process.env.BENCH_ESLINT_ROUNDS ?? ROUNDS));
const SNAPSHOTS = process.env.BENCH_SNAPSHOTS ?? '/work/.mirror';
const HELD_OUT = path.join(path.dirname(SNAPSHOTS), 'shared/eval/held-out-repos.txt');
const treeArgument = process.argv.indexOf('--tree');
const GIVEN_TREE = treeArgument > 0 ? path.resolve(process.argv[treeArgument + 1]) : undefined;
const LINTED = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const IGNORED_BY_ESLINT_OR_US = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git', 'bower_components', '.cache', '.next']);
const BASELINE_CLI = process.env.BENCH_BASELINE;
const INDEX_OFF = process.env.BENCH_INDEX_OFF === '1';
const NATIVE_OFF = process.env.BENCH_NATIVE_OFF === '1';
/** Judges each file alone, so its findings are fewer by design: shown, never compared with ESLint's. */
const INDEX_OFF_ROW = 'our CLI, index off';
const TIME = '/usr/bin/time';
const canMeasureMemory = fs.existsSync(TIME);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-bench-'));
if (!process.env.BENCH_KEEP) process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
else console.log(`keeping ${work}`);

/** A file all three tools lint the same way: source, not generated, not test code (our defaults skip those). */
function isComparable(relativePath, text) {
  return isLintedFile(relativePath) && !ignoredByName(path.basename(relativePath)) && !/(^|\/)eslint\.config\./.test(relativePath) &&
    !isTestFile(relativePath) && text.length <= MAX_SOURCE_BYTES && generatedReason(text) === undefined;
}

/** Where a file goes in the tree: folders that ESLint or we skip by default are renamed so every tool sees it. */
function treePath(tree, relative) {
  return path.join(tree, ...relative.split(/[\\/]/).map((part) => (IGNORED_BY_ESLINT_OR_US.has(part) ? `${part}_` : part)));
}

function writeTreeFile(tree, relative, text) {
  const target = treePath(tree, relative);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return Buffer.byteLength(text);
}

function heldOutRepositories() {
  if (!fs.existsSync(HELD_OUT)) return new Set();
  return new Set(fs.readFileSync(HELD_OUT, 'utf8').split('\n').map((line) => line.trim().toLowerCase()).filter((line) => line && !line.startsWith('#')));
}

const git = (gitDir, args) => spawnSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });

/** Application code from git snapshots, whole repositories in name order until FILES files are taken. */
function snapshotTree(tree) {
  if (!fs.existsSync(SNAPSHOTS)) return undefined;
  const heldOut = heldOutRepositories();
  let files = 0;
  let bytes = 0;
  const repositories = [];
  for (const name of fs.readdirSync(SNAPSHOTS).sort()) {
    if (files >= FILES) break;
    const gitDir = path.join(SNAPSHOTS, name, 'repo');
    if (heldOut.has(name.replace('+', '/').toLowerCase()) || !fs.existsSync(gitDir)) continue;
    const listed = git(gitDir, ['ls-tree', '-r', '--name-only', 'HEAD']);
    if (listed.status !== 0) continue;
    let taken = 0;
    for (const relative of listed.stdout.split('\n')) {
      if (files >= FILES || !LINTED.test(relative) || relative.split('/').includes('node_modules')) continue;
      const shown = git(gitDir, ['cat-file', 'blob', `HEAD:${relative}`]);
      if (shown.status !== 0 || !isComparable(relative, shown.stdout)) continue;
      bytes += writeTreeFile(tree, path.join(name, relative), shown.stdout);
      files++;
      taken++;
    }
    if (taken > 0) repositories.push(name.replace('+', '/'));
  }
  return files === 0 ? undefined : { tree, files, bytes, source: `${repositories.length} application repositories from ${SNAPSHOTS}` };
}

/** Fallback without snapshots: every FILES-th comparable file under node_modules. */
function nodeModulesTree(tree) {
  const base = path.join(repoRoot, 'node_modules');
  const candidates = fs
    .readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && LINTED.test(entry.name))
    .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)))
    .sort();
  const step = Math.max(1, candidates.length / FILES);
  let files = 0;
  let bytes = 0;
  for (let index = 0; index < candidates.length && files < FILES; index += step) {
    const relative = candidates[Math.floor(index)];
    const text = fs.readFileSync(path.join(base, relative), 'utf8');
    if (!isComparable(relative, text)) continue;
    bytes += writeTreeFile(tree, relative, text);
    files++;
  }
  return { tree, files, bytes, source: 'node_modules (no git snapshots here)' };
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

function givenTree(tree) {
  const texts = listTree(tree);
  return { tree, files: texts.length, bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0), source: tree };
}

function buildRealTree() {
  if (GIVEN_TREE) return givenTree(GIVEN_TREE);
  const tree = path.join(work, 'real');
  return snapshotTree(tree) ?? nodeModulesTree(tree);
}

function buildHttpTree() {
  const sources = corpusFiles().filter((file) => mayContainFinding(fs.readFileSync(file, 'utf8')));
  if (sources.length === 0) throw new Error('bench:cli needs test/corpus for the HTTP-only tree');
  const tree = path.join(work, 'http');
  let bytes = 0;
  for (let index = 0; index < HTTP_FILES; index++) {
    const source = sources[index % sources.length];
    bytes += writeTreeFile(tree, path.join(`copy-${Math.floor(index / sources.length)}`, path.basename(source)), fs.readFileSync(source, 'utf8'));
  }
  return { tree, files: HTTP_FILES, bytes, source: 'test/corpus files with a status, repeated' };
}

const recommendedRules = plugin.configs.recommended.rules;
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
const oxlintConfig = path.join(work, '.oxlintrc.json');
fs.writeFileSync(
  oxlintConfig,
  JSON.stringify({ plugins: [], categories: { correctness: 'off' }, jsPlugins: [require.resolve('eslint-plugin-auth-status')], rules: recommendedRules }),
);
const oxlintBin = path.join(path.dirname(require.resolve('oxlint/package.json')), 'bin/oxlint');

const node = process.execPath;
const ESLINT = 'eslint + our plugin';
const tools = (tree, report) => [
  ['grep -rlP (floor)', 'grep', ['-rlP', MAY_CONTAIN_FINDING.source, tree], undefined],
  ['auth-status-lint', node, [path.join(repoRoot, 'packages/cli/bin/auth-status-lint.js'), '--no-project-config', '-f', 'json', '-o', report('ours'), tree], ourFindings],
  ...(BASELINE_CLI ? [['auth-status-lint (baseline)', node, [BASELINE_CLI, '--no-project-config', '-f', 'json', '-o', report('baseline'), tree], baselineFindings]] : []),
  ...(INDEX_OFF
    ? [[INDEX_OFF_ROW, node, [path.join(repoRoot, 'packages/cli/bin/auth-status-lint.js'), '--no-project-config', '-f', 'json', '-o', report('index-off'), tree], indexOffFindings, { AUTH_STATUS_PROJECT_INDEX: 'off' }]]
    : []),
  ...(NATIVE_OFF
    ? [['our CLI, no oxc', node, [path.join(repoRoot, 'packages/cli/bin/auth-status-lint.js'), '--no-project-config', '-f', 'json', '-o', report('native-off'), tree], nativeOffFindings, { AUTH_STATUS_NATIVE_PARSE: 'off', AUTH_STATUS_COMPILE_CACHE: 'off' }]]
    : []),
  ['oxlint + our plugin', node, [oxlintBin, '-c', oxlintConfig, '-f', 'json', tree], oxlintFindings],
  [ESLINT, node, [path.join(repoRoot, 'node_modules/eslint/bin/eslint.js'), '--no-config-lookup', '-c', eslintConfig, '-f', 'json', '-o', report('eslint'), tree], eslintFindings],
];

/** One run: wall ms; CPU ms (user + system, all threads) and peak RSS in MiB from GNU time when it is installed. */
function runOnce(command, args, cwd = work, env = {}) {
  const measured = canMeasureMemory ? [TIME, ['-f', '%U %S %M', command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(measured[0], measured[1], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status === 2 || result.error) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  if (!canMeasureMemory) return { wall, stdout: result.stdout };
  const [user, system, rssKiB] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: (user + system) * 1000, peakMiB: rssKiB / 1024, stdout: result.stdout };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

const ruleOf = (ruleId) => ruleId?.startsWith('auth-status/') ? ruleId : undefined;
/** ESLint-style JSON reports: findings of our rules as "file:line:column rule" (parse errors differ by design). */
function eslintStyleFindings(reportFile) {
  return JSON.parse(fs.readFileSync(reportFile, 'utf8')).flatMap((result) =>
    result.messages.filter((message) => ruleOf(message.ruleId)).map((message) => `${result.filePath}:${message.line}:${message.column} ${message.ruleId}`),
  );
}
function ourFindings(_stdout, report) {
  return eslintStyleFindings(report('ours'));
}
function baselineFindings(_stdout, report) {
  return eslintStyleFindings(report('baseline'));
}
function nativeOffFindings(_stdout, report) {
  return eslintStyleFindings(report('native-off'));
}
function indexOffFindings(_stdout, report) {
  return eslintStyleFindings(report('index-off'));
}
function eslintFindings(_stdout, report) {
  return eslintStyleFindings(report('eslint'));
}
/** oxlint names a rule `auth-status(rule)` and reports files relative to where it runs. */
function oxlintFindings(stdout, _report, tree) {
  return JSON.parse(stdout).diagnostics.flatMap((diagnostic) => {
    const rule = /^auth-status\((.+)\)$/.exec(diagnostic.code ?? '')?.[1];
    const span = diagnostic.labels[0]?.span;
    return rule && span ? [`${path.resolve(tree, diagnostic.filename)}:${span.line}:${span.column} auth-status/${rule}`] : [];
  });
}

function listTree(tree) {
  return fs
    .readdirSync(tree, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && LINTED.test(entry.name))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

function bench(label, { tree, files, bytes, source }) {
  const texts = listTree(tree);
  const mentionStatus = texts.filter((text) => MAY_CONTAIN_FINDING.test(text));
  const parsed = mentionStatus.filter((text) => mayContainFinding(text));
  const megabytesOf = (list) => (list.reduce((sum, text) => sum + text.length, 0) / 1024 / 1024).toFixed(1);
  console.log(
    `\n${label}: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB from ${source}; ${mentionStatus.length} (${megabytesOf(mentionStatus)} MB) mention a status,` +
      ` ${parsed.length} (${megabytesOf(parsed)} MB) have one in code and are parsed; ${os.availableParallelism()} cores, median of ${ROUNDS} alternating rounds (ESLint ${ESLINT_ROUNDS})`,
  );
  const report = (name) => path.join(work, `${label.replace(/\W+/g, '-')}-${name}.json`);
  const toolList = tools(tree, report);
  const runs = new Map(toolList.map(([name]) => [name, []]));
  const findingsOf = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? toolList : [...toolList].reverse();
    for (const [name, command, args, findings, env] of order) {
      if (name === ESLINT && round >= ESLINT_ROUNDS) continue;
      // Run in the tree: ESLint ignores files outside its base path (the working directory with -c).
      const run = runOnce(command, args, tree, env);
      runs.get(name).push(run);
      if (findings && !findingsOf.has(name)) findingsOf.set(name, findings(run.stdout, report, tree).sort());
    }
  }
  const summary = Object.fromEntries(
    [...runs].map(([name, list]) => [
      name,
      { wall: median(list.map((run) => run.wall)), cpu: canMeasureMemory ? median(list.map((run) => run.cpu)) : undefined, peakMiB: canMeasureMemory ? Math.max(...list.map((run) => run.peakMiB)) : undefined },
    ]),
  );
  const ours = summary['auth-status-lint'];
  const reference = findingsOf.get(ESLINT);
  console.log(`  ${'tool'.padEnd(22)} ${'wall ms'.padStart(8)} ${'cpu ms'.padStart(8)} ${'peak MiB'.padStart(9)}  ${'files/s'.padStart(7)}  wall/ours  findings`);
  for (const [name, { wall, cpu, peakMiB }] of Object.entries(summary)) {
    const found = findingsOf.get(name);
    const verdict = name === INDEX_OFF_ROW ? 'each file alone' : JSON.stringify(found) === JSON.stringify(reference) ? 'same as ESLint' : 'DIFFERENT from ESLint';
    const same = found === undefined ? '' : `${found.length} ${verdict}`;
    console.log(
      `  ${name.padEnd(22)} ${wall.toFixed(0).padStart(8)} ${(cpu?.toFixed(0) ?? '?').padStart(8)} ${(peakMiB?.toFixed(0) ?? '?').padStart(9)}  ${(files / (wall / 1000)).toFixed(0).padStart(7)}  ${(wall / ours.wall).toFixed(2).padStart(9)}  ${same}`,
    );
  }
  findingsOf.delete(INDEX_OFF_ROW);
  const same = [...findingsOf.values()].every((found) => JSON.stringify(found) === JSON.stringify(reference));
  if (!same) {
    for (const [name, found] of findingsOf) {
      const extra = found.filter((line) => !reference.includes(line));
      const missing = reference.filter((line) => !found.includes(line));
      if (extra.length + missing.length > 0) console.log(`  ${name}: ${extra.length} not in ESLint's (${extra.slice(0, 3).join('; ')}), ${missing.length} missing (${missing.slice(0, 3).join('; ')})`);
    }
  }
  return { summary, same };
}

/** `auth-status-lint --staged` in a fresh repository with one staged file with findings: the pre-commit hook's wait. */
function preCommitLatency() {
  // Its own folder, not under the work folder: the ESLint config written there for the ESLint row would be the hook's project config.
  const repository = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-bench-staged-'));
  if (!process.env.BENCH_KEEP) process.on('exit', () => fs.rmSync(repository, { recursive: true, force: true }));
  const [file] = corpusFiles().filter((candidate) => mayContainFinding(fs.readFileSync(candidate, 'utf8')));
  if (!file) return [];
  writeTreeFile(repository, path.basename(file), fs.readFileSync(file, 'utf8'));
  for (const args of [['init', '-q'], ['add', '.']]) spawnSync('git', args, { cwd: repository });
  const ours = path.join(repoRoot, 'packages/cli/bin/auth-status-lint.js');
  const clis = [
    ['auth-status-lint', ours],
    ...(BASELINE_CLI ? [['baseline', BASELINE_CLI]] : []),
    ...(NATIVE_OFF ? [['no oxc, no compile cache', ours, { AUTH_STATUS_NATIVE_PARSE: 'off', AUTH_STATUS_COMPILE_CACHE: 'off' }]] : []),
  ];
  const runs = new Map(clis.map(([name]) => [name, []]));
  for (let round = 0; round < Math.max(5, ROUNDS); round++) {
    for (const [name, bin, env] of round % 2 === 0 ? clis : [...clis].reverse()) runs.get(name).push(runOnce(node, [bin, '--staged'], repository, env));
  }
  return [...runs].map(([name, list]) => ({ name, wall: median(list.map((run) => run.wall)), cpu: canMeasureMemory ? median(list.map((run) => run.cpu)) : undefined }));
}

console.log('bench:cli — building the trees …');
if (!canMeasureMemory) console.log(`(no ${TIME}: CPU and peak memory not measured; apt-get install time)`);
const real = bench('real code', buildRealTree());
const http = bench('HTTP code in every file', buildHttpTree());
const latency = preCommitLatency();
const ratio = (result, name) => (result.summary[name].wall / result.summary['auth-status-lint'].wall).toFixed(2);
const ours = real.summary['auth-status-lint'];
console.log(
  `\nsummary: on real code auth-status-lint takes ${ours.wall.toFixed(0)} ms, peak ${ours.peakMiB?.toFixed(0) ?? '?'} MiB (target ≤ 300);` +
    ` oxlint with our plugin takes ${ratio(real, 'oxlint + our plugin')}× our wall (target ≥ 1), ESLint ${ratio(real, ESLINT)}×;` +
    ` on HTTP-only code oxlint ${ratio(http, 'oxlint + our plugin')}×, ESLint ${ratio(http, ESLINT)}×.` +
    latency.map(({ name, wall, cpu }) => ` Pre-commit, one staged file, ${name}: ${wall.toFixed(0)} ms wall, ${cpu?.toFixed(0) ?? '?'} ms CPU (target ≤ 250).`).join(''),
);
if (INDEX_OFF) console.log(`the project index costs the CLI ${(100 * (ours.wall / real.summary[INDEX_OFF_ROW].wall - 1)).toFixed(1)}% wall, ${(100 * (ours.cpu / real.summary[INDEX_OFF_ROW].cpu - 1)).toFixed(1)}% CPU on real code (issue 15 allows 15% wall).`);
if (!real.same || !http.same) console.log('warning: the hosts disagree on findings; see above');
