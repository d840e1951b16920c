/**
 * `npm run bench:server`: the language server's numbers, measured over a real stdio connection to the bin.
 *
 * - start-up: spawn → first diagnostics of a TypeScript file (and of a JavaScript file, which never loads TypeScript)
 * - edit → diagnostics on a 3,000-line TypeScript file. The first answer after an edit inside one statement
 *   comes from an incremental check (`src/lint/incremental.ts`), confirmed by a full lint when the user pauses:
 *   in-process, the incremental check and the full lint, and the share of edits the incremental check answers;
 *   end to end over stdio with pull diagnostics (no debounce: the target applies to this number), for edits
 *   inside one statement and for edits spanning two statements (always a full lint); with push (includes the
 *   200 ms debounce, reported with and without it)
 * - edit → diagnostics at four typing rhythms (continuous, and 300 ms, 500 ms, 1 s pauses between keystrokes):
 *   a pause lets the confirming full lint start, so the next keystroke arrives while it runs
 * - edit → diagnostics when the file imports a helper module the project index reads, and when that module is absent
 * - RSS after opening 500 files (at once, and once idle), and after closing them, in an untrusted workspace and in
 *   a trusted one whose `eslint.config.js` sets our rules (the server then loads that config)
 *
 * `-- --only rhythms,memory` runs only the named parts (startup, edits, rhythms, index, memory); `-- --baseline <dir>`
 * runs the rhythms and memory also against the server of another checkout (an earlier commit, built), beside
 * this one's numbers; `-- --rhythm-edits <n>` types n edits per rhythm (30 by default; more give a steadier p95).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LintEngine } from '../src/lint/engine';
import { checkIncrementally } from '../src/lint/incremental';
import { parseTargetOf } from '../src/lint/languages';
import { rulesFromSettings } from '../src/lint/rules';
import { CONFIRM_AFTER_MS, DEBOUNCE_MS } from '../src/features/publisher';
import { defaultSettings } from '../src/settings';
import { EDIT_TIMING_TRACE, type EditTimingEntry } from '../src/features/edit-timing';
import { fileUri, LspTestClient, SERVER_BIN } from '../../../test/language-server/lsp-client';
import { moduleImportingHelper, REJECT_HELPER, typescriptModule } from './corpus';

const TARGETS = { editP95Ms: 50, firstDiagnosticsMs: 1000, rssMb: 150 };
const workspace = path.join(os.tmpdir(), 'auth-status-ls-bench');
const REPO = path.resolve(__dirname, '../../..');
const PLUGIN = path.resolve(REPO, 'packages/eslint-plugin');
/** Pauses between keystrokes; 0 is continuous typing (the next keystroke as soon as the answer is in). */
const RHYTHMS_MS = [0, 300, 500, 1000];
const now = () => performance.now();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (value: number, target: number) => (value <= target ? 'meets target' : 'MISSES target');

function rssMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function startup(runs: number): Promise<void> {
  const typescript = typescriptModule(200);
  const javascript = "const app = require('express')();\napp.get('/', (req, res) => { if (!req.headers.authorization) return res.status(403).end(); });\n";
  const rows: { initialize: number; typescript: number; javascript: number }[] = [];
  for (let run = 0; run < runs; run++) {
    for (const language of ['typescript', 'javascript'] as const) {
      const spawned = now();
      const client = await LspTestClient.start({ rootPath: workspace, env: environmentOf(SERVER_BIN) });
      const initialized = now();
      const uri = fileUri(path.join(workspace, language === 'typescript' ? 'first.ts' : 'first.js'));
      await client.open(uri, language === 'typescript' ? typescript : javascript, language);
      const pushed = await client.waitForPush(uri, (params) => params.diagnostics.length > 0);
      if (language === 'typescript') rows.push({ initialize: initialized - spawned, typescript: pushed.receivedAt - spawned, javascript: NaN });
      else rows[run]!.javascript = pushed.receivedAt - spawned;
      await client.shutdown();
    }
  }
  const median = (key: keyof (typeof rows)[number]) => percentile(rows.map((row) => row[key]), 50);
  const worst = (key: keyof (typeof rows)[number]) => Math.max(...rows.map((row) => row[key]));
  console.log(`\nStart-up (${runs} runs, median / worst)`);
  console.log(`  spawn → initialize result                     ${ms(median('initialize'))} / ${ms(worst('initialize'))}`);
  console.log(`  spawn → first diagnostics, TypeScript (200 l)  ${ms(median('typescript'))} / ${ms(worst('typescript'))}   ${verdict(median('typescript'), TARGETS.firstDiagnosticsMs)} (≤ ${TARGETS.firstDiagnosticsMs} ms)`);
  console.log(`  spawn → first diagnostics, JavaScript          ${ms(median('javascript'))} / ${ms(worst('javascript'))}`);
}

/** Offset of a status the edits toggle between 403 and 401, so every edit changes the findings. */
function toggledStatusOffset(text: string, from = Math.floor(text.length / 2)): number {
  const anchor = text.indexOf("return res.status(403).json({ message: 'No token provided' })", from);
  if (anchor === -1) throw new Error('the benchmark file has no status to toggle');
  return anchor + 'return res.status('.length;
}

const toggled = (round: number) => (Math.abs(round) % 2 === 0 ? '401' : '403');

/** Replaces three characters at each offset: one edit inside a statement, or one change spanning two. */
function edited(text: string, offsets: readonly number[], replacement: string): string {
  let result = text;
  for (const offset of [...offsets].sort((a, b) => b - a)) result = result.slice(0, offset) + replacement + result.slice(offset + 3);
  return result;
}

async function editLatency(lines: number, rounds: number): Promise<void> {
  const text = typescriptModule(lines);
  const lineCount = text.split('\n').length;
  const offset = toggledStatusOffset(text);
  const second = toggledStatusOffset(text, offset + 1);

  const engine = new LintEngine();
  const target = parseTargetOf('typescript', path.join(workspace, 'big.ts'))!;
  const { rules } = rulesFromSettings(defaultSettings());
  const raw: number[] = [];
  const incremental: number[] = [];
  let answered = 0;
  let outline = engine.lintWithOutline(text, target, rules).outline!;
  for (let round = -5; round < rounds; round++) {
    const current = edited(text, [offset], toggled(round));
    let started = now();
    // As in the server, the editor's content change says where the edit lies.
    const answer = checkIncrementally(outline, current, (masked) => engine.lintMasked(masked, target, rules), undefined, { start: offset, end: offset + 3, length: 3 });
    if (round >= 0) incremental.push(now() - started);
    started = now();
    const full = engine.lintWithOutline(current, target, rules);
    if (round >= 0) raw.push(now() - started);
    if (full.outcome.kind !== 'problems' || full.outcome.problems.length === 0) throw new Error(`unexpected lint outcome ${full.outcome.kind}`);
    if (answer.kind === 'answer') {
      if (JSON.stringify(answer.outline.problems) !== JSON.stringify(full.outcome.problems)) throw new Error('the incremental answer differs from the full lint');
      if (round >= 0) answered++;
    }
    outline = full.outline!;
  }

  const pullClient = await LspTestClient.start({ rootPath: workspace, pull: true, env: environmentOf(SERVER_BIN) });
  const uri = fileUri(path.join(workspace, 'big.ts'));
  await pullClient.open(uri, text);
  await pullClient.pull(uri);
  const pullRounds = async (offsets: number[]) => {
    const times: number[] = [];
    for (let round = -5; round < rounds; round++) {
      const document = pullClient.document(uri);
      const first = Math.min(...offsets);
      const last = Math.max(...offsets) + 3;
      const range = { start: document.positionAt(first), end: document.positionAt(last) };
      const replacement = edited(document.getText(), offsets, toggled(round)).slice(first, last);
      const started = now();
      await pullClient.change(uri, [{ range, text: replacement }]);
      const report = (await pullClient.pull(uri)) as { kind: string; items: unknown[] };
      if (round >= 0) times.push(now() - started);
      if (report.kind !== 'full' || report.items.length === 0) throw new Error('unexpected pull report');
    }
    return times;
  };
  const pulled = await pullRounds([offset]);
  const pulledSpanning = await pullRounds([offset, second]);
  await pullClient.shutdown();

  const pushClient = await LspTestClient.start({ rootPath: workspace, env: environmentOf(SERVER_BIN) });
  await pushClient.open(uri, text);
  await pushClient.waitForPush(uri);
  const pushed: number[] = [];
  for (let round = -3; round < Math.min(rounds, 30); round++) {
    const document = pushClient.document(uri);
    const range = { start: document.positionAt(offset), end: document.positionAt(offset + 3) };
    const since = pushClient.pushed.length;
    const started = now();
    const version = await pushClient.change(uri, [{ range, text: toggled(round) }]);
    const publication = await pushClient.waitForPush(uri, (params) => params.version === version, since);
    if (round >= 0) pushed.push(publication.receivedAt - started);
  }
  await pushClient.shutdown();

  const p = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`;
  console.log(`\nEdit → diagnostics on a ${lineCount}-line TypeScript file (${rounds} edits; p50 / p95)`);
  console.log(`  in-process: incremental check of an edit inside one statement  ${p(incremental)}   (answered ${answered} of ${rounds}, each equal to the full lint)`);
  console.log(`  in-process: full lint                                            ${p(raw)}`);
  console.log(
    `  over stdio, pull, edit inside one statement (first answer)      ${p(pulled)}   ${verdict(percentile(pulled, 95), TARGETS.editP95Ms)} (p95 ≤ ${TARGETS.editP95Ms} ms; the target applies to this line)`,
  );
  console.log(`  over stdio, pull, one change spanning two statements (full lint) ${p(pulledSpanning)}`);
  console.log(`  over stdio, push (incl. ${DEBOUNCE_MS} ms debounce)                    ${p(pushed)}`);
  console.log(`  push minus debounce                                              ${ms(percentile(pushed, 50) - DEBOUNCE_MS)} / ${ms(percentile(pushed, 95) - DEBOUNCE_MS)}`);
  console.log(`  (an incremental answer is confirmed by a full lint ${CONFIRM_AFTER_MS} ms after the last edit, and republished if it differs)`);
}

/** The server under test, and optionally an earlier build to compare with (`--baseline <checkout>`). */
interface Servers {
  current: string;
  baseline?: string;
}

/** What one typing run measured: the round trip per edit, and what the server itself reported per edit. */
interface TypingRun {
  times: number[];
  /** The server's own time per edit (`$/logTrace` timing entries); empty for a build that sends none. */
  server: EditTimingEntry[];
  problems: number;
  /** One-minute load average when the run began and when it ended. */
  load: [number, number];
}

/** The environment that build's own VS Code extension starts it with (`SERVER_ENVIRONMENT`; none before it existed). */
function environmentOf(serverBin: string): Record<string, string> {
  const protocol = path.resolve(path.dirname(serverBin), '../dist/protocol.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(protocol) as { SERVER_ENVIRONMENT?: Record<string, string> }).SERVER_ENVIRONMENT ?? {};
}

/** Edit → pulled diagnostics with the user pausing `pause` ms between keystrokes, as in a real editor. */
async function rhythm(serverBin: string, text: string, pause: number, edits: number): Promise<TypingRun> {
  return typing(serverBin, text, pause, edits, workspace);
}

async function typing(serverBin: string, text: string, pause: number, edits: number, root: string): Promise<TypingRun> {
  const offset = toggledStatusOffset(text);
  const uri = fileUri(path.join(root, 'rhythm.ts'));
  const loadAtStart = os.loadavg()[0]!;
  const client = await LspTestClient.start({ rootPath: root, pull: true, serverBin, env: environmentOf(serverBin) });
  await client.trace('verbose');
  await client.open(uri, text);
  await client.pull(uri);
  const times: number[] = [];
  const measuredVersions = new Set<number>();
  let problems = 0;
  for (let round = -3; round < edits; round++) {
    const document = client.document(uri);
    const range = { start: document.positionAt(offset), end: document.positionAt(offset + 3) };
    const started = now();
    const version = await client.change(uri, [{ range, text: toggled(round) }]);
    const report = (await client.pull(uri)) as { kind: string; items: unknown[] };
    if (round >= 0) {
      times.push(now() - started);
      measuredVersions.add(version);
    }
    if (report.kind !== 'full' || report.items.length === 0) throw new Error('unexpected pull report');
    problems = report.items.length;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  // The server sends each timing entry shortly after its answer.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const server = client.traces
    .filter((params) => params.message === EDIT_TIMING_TRACE && params.verbose !== undefined)
    .map((params) => JSON.parse(params.verbose!) as EditTimingEntry)
    .filter((entry) => entry.uri === uri && measuredVersions.has(entry.version));
  await client.shutdown();
  return { times, server, problems, load: [loadAtStart, os.loadavg()[0]!] };
}

const spread = (times: number[]) => `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} / ${ms(Math.max(...times))}`;

/** The server's own share: p50 / p95 of its time per edit, the GC pauses inside it, and the edits that overlapped a full lint in the worker. */
function serverShare(run: TypingRun): string {
  if (run.server.length === 0) return 'server time not reported';
  const serverMs = run.server.map((entry) => entry.serverMs);
  const gcMs = run.server.map((entry) => entry.gcMs);
  const majors = run.server.reduce((sum, entry) => sum + entry.majorGcs, 0);
  const overlapped = run.server.filter((entry) => entry.workerBusy).length;
  return `server ${ms(percentile(serverMs, 50))} / ${ms(percentile(serverMs, 95))}, GC in it p95 ${ms(percentile(gcMs, 95))} (${majors} major), beside a full lint ${overlapped}`;
}

const loadOf = (run: TypingRun) => `load ${run.load[0].toFixed(1)}→${run.load[1].toFixed(1)}`;

async function rhythms(servers: Servers, lines: number, edits: number): Promise<void> {
  const text = typescriptModule(lines);
  console.log(`\nEdit → diagnostics by typing rhythm, ${text.split('\n').length}-line TypeScript file, pull (${edits} edits each; round trip p50 / p95 / max; the server's own time p50 / p95)`);
  for (const pause of RHYTHMS_MS) {
    const run = await rhythm(servers.current, text, pause, edits);
    const p95 = percentile(run.times, 95);
    const label = pause === 0 ? 'continuous typing' : `${pause} ms pauses`;
    console.log(`  ${label.padEnd(20)} ${spread(run.times)}   ${verdict(p95, TARGETS.editP95Ms)} (p95 ≤ ${TARGETS.editP95Ms} ms)   ${loadOf(run)}   ${serverShare(run)}`);
    if (servers.baseline) {
      const baseline = await rhythm(servers.baseline, text, pause, edits);
      console.log(`  ${'  baseline'.padEnd(20)} ${spread(baseline.times)}   ${loadOf(baseline)}   ${serverShare(baseline)}`);
    }
  }
}

/**
 * Edit latency when the edited file imports a helper module of the workspace (issue 15: project-wide evidence must
 * leave it unchanged). The same file with the helper on disk, so the project index reads it and its calls are
 * findings, and without it, so the import resolves to nothing; continuous typing and 500 ms pauses.
 */
async function importedHelper(servers: Servers, lines: number, edits: number): Promise<void> {
  const text = moduleImportingHelper(lines);
  const pair = (times: number[]) => `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))}`;
  console.log(`\nEdit → diagnostics, ${text.split('\n').length}-line TypeScript file importing a helper module, pull (${edits} edits each; p50 / p95)`);
  for (const pause of [0, 500]) {
    const cells: string[] = [];
    for (const helperOnDisk of [false, true]) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-status-ls-bench-index-'));
      if (helperOnDisk) fs.writeFileSync(path.join(root, 'reject.ts'), REJECT_HELPER);
      const run = async (bin: string) => typing(bin, text, pause, edits, root);
      const current = await run(servers.current);
      const baseline = servers.baseline ? `, baseline ${pair((await run(servers.baseline)).times)}` : '';
      cells.push(`${helperOnDisk ? 'helper indexed' : 'helper absent'} ${pair(current.times)} (${current.problems} problems)${baseline}`);
      fs.rmSync(root, { recursive: true, force: true });
    }
    console.log(`  ${(pause === 0 ? 'continuous typing' : `${pause} ms pauses`).padEnd(20)} ${cells.join('   ')}`);
  }
}

/** A workspace folder whose `eslint.config.js` turns on our recommended rules (a trusted server loads it). */
function configuredWorkspace(): string {
  const root = path.join(os.tmpdir(), 'auth-status-ls-bench-trusted');
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(
    path.join(root, 'eslint.config.js'),
    `const authStatus = require(${JSON.stringify(PLUGIN)});\nmodule.exports = [{ files: ['**/*.ts'], plugins: { 'auth-status': authStatus }, rules: authStatus.configs.recommended.rules }];\n`,
  );
  return root;
}

interface MemoryRun {
  findings: number;
  before: number;
  opened: { rss: number; peak: number };
  soon: number;
  idle: number;
  closed: number;
}

async function memoryRun(serverBin: string, files: number, trusted: boolean): Promise<MemoryRun> {
  const root = trusted ? configuredWorkspace() : workspace;
  const client = await LspTestClient.start({ rootPath: root, trusted, serverBin, env: environmentOf(serverBin) });
  const pid = client.process.pid!;
  const before = rssMb(pid).rss;
  const uris: string[] = [];
  for (let index = 0; index < files; index++) {
    const uri = fileUri(path.join(root, 'many', `module${index}.ts`));
    uris.push(uri);
    await client.open(uri, typescriptModule(150, index + 1));
  }
  await Promise.all(uris.map((uri) => client.waitForPush(uri, () => true, 0, 120_000)));
  const opened = rssMb(pid);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const soon = rssMb(pid).rss;
  // The heap keeper's last collection comes 8 s after the last lint (see src/memory.ts).
  await new Promise((resolve) => setTimeout(resolve, 8500));
  const idle = rssMb(pid).rss;
  const findings = client.pushed.reduce((sum, params) => sum + params.diagnostics.length, 0);
  for (const uri of uris) await client.close(uri);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const closed = rssMb(pid).rss;
  await client.shutdown();
  return { findings, before, opened, soon, idle, closed };
}

async function memory(servers: Servers, files: number, trusted: boolean): Promise<void> {
  const run = await memoryRun(servers.current, files, trusted);
  const baseline = servers.baseline ? await memoryRun(servers.baseline, files, trusted) : undefined;
  const mb = (value: number) => `${value.toFixed(1)} MB`;
  const beside = (pick: (run: MemoryRun) => string) => (baseline ? `   baseline ${pick(baseline)}` : '');
  const how = trusted ? 'trusted workspace, its eslint.config.js loaded' : 'untrusted workspace';
  console.log(`\nMemory, ${how} (${files} TypeScript files of ~150 lines, ${run.findings} findings)`);
  console.log(`  RSS after initialize                          ${mb(run.before)}${beside((r) => mb(r.before))}`);
  console.log(`  RSS right after opening and checking ${files} files ${mb(run.opened.rss)} (peak ${mb(run.opened.peak)})${beside((r) => `${mb(r.opened.rss)} (peak ${mb(r.opened.peak)})`)}`);
  console.log(`  RSS 2 s later                                 ${mb(run.soon)}${beside((r) => mb(r.soon))}`);
  console.log(`  RSS 10.5 s later (idle)                       ${mb(run.idle)}   ${verdict(run.idle, TARGETS.rssMb)} (≤ ${TARGETS.rssMb} MB)${beside((r) => mb(r.idle))}`);
  console.log(`  RSS after closing them                        ${mb(run.closed)}${beside((r) => mb(r.closed))}`);
}

async function main(): Promise<void> {
  console.log(`auth-status language server benchmark — node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const only = argument('--only')?.split(',');
  const runs = (part: string) => !only || only.includes(part);
  const baselineCheckout = argument('--baseline');
  const servers: Servers = {
    current: SERVER_BIN,
    baseline: baselineCheckout ? path.resolve(baselineCheckout, path.relative(REPO, SERVER_BIN)) : undefined,
  };
  if (servers.baseline && !fs.existsSync(servers.baseline)) throw new Error(`--baseline: no server bin at ${servers.baseline} (build that checkout first)`);
  if (runs('startup')) await startup(5);
  if (runs('edits')) await editLatency(3000, 60);
  const rhythmEdits = Number(argument('--rhythm-edits') ?? 30);
  if (!Number.isInteger(rhythmEdits) || rhythmEdits < 1) throw new Error(`--rhythm-edits: a positive whole number, got ${argument('--rhythm-edits')}`);
  if (runs('rhythms')) await rhythms(servers, 3000, rhythmEdits);
  if (runs('index')) await importedHelper(servers, 3000, 30);
  if (runs('memory')) {
    await memory(servers, 500, false);
    await memory(servers, 500, true);
  }
  console.log(`\nload average at the end ${os.loadavg().map((value) => value.toFixed(2)).join(' ')} (numbers on a busy machine are slower)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
