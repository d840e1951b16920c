// The extension in a real VS Code: installs the packaged .vsix into code-server, opens copies of fixtures/ in
// headless Chromium and checks what a user sees, saving a screenshot of every step into artifacts/.
// Run it with `npm run test:vscode` (run.sh installs code-server and Chromium and packages the .vsix first).
// `--update-images` also copies the three marketplace screenshots into packages/vscode-extension/images/.
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { BundledServer, type PublishedDiagnostic } from './bundledServer';
import { codeServerDirs, installExtension, pickFreePort, prepareDirs, RunningCodeServer, type CodeServerInstall } from './codeServer';
import { coexistenceCases, RULE, WRONG_LINE } from './coexistence';
import { coexistenceWorkspaces, eslintProject, FILE, type CoexistenceWorkspace } from './coexistenceWorkspaces';
import { packageEslintStandIn } from './eslintStandIn';
import { outputLogs } from './logs';
import { Scenario, StepFailed } from './scenario';
import { Workbench } from './workbench';

const REPO = path.resolve(__dirname, '..', '..');
const EXTENSION = path.join(REPO, 'packages', 'vscode-extension');
const VSIX = path.join(EXTENSION, 'auth-status.vsix');
const EXTENSION_ID = 'auth-status.auth-status-vscode';
const FIXTURES = path.join(__dirname, 'fixtures');
const ARTIFACTS = path.join(__dirname, 'artifacts');
const FIX_TITLE = 'Respond 401 with WWW-Authenticate: Bearer realm="api"';
/** The diagnostic's message (in the hover and the Problems panel), and the server's own hover: what the 403 does, which RFC. */
const MESSAGE = '403 answers a missing credential';
const HOVER_EXPLANATION = ['A 403 tells the client that its identity is known but not allowed', 'RFC 9110 §15.5.2 401 Unauthorized'];
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const SLOW = 90_000;
const ERROR = 1;
const WARNING = 2;

interface Setup {
  install: CodeServerInstall;
  root: string;
  userData: string;
  /** fixtures/express: the classic wrong middleware, no ESLint configuration. */
  plainWorkspace: string;
  /** fixtures/eslint-config with the same file: a project whose eslint.config.mjs runs our rule as a warning. */
  eslintWorkspace: string;
  /** Projects opened beside the ESLint stand-in, ESLint reporting our rule in some and not in others. */
  coexistenceWorkspaces: CoexistenceWorkspace[];
  /** The same project without ESLint installed, set to show our problems beside ESLint's: opened untrusted, then trusted. */
  trustWorkspace: string;
  installedExtension: string;
}

/** The shipped server alone: untrusted it must ignore the workspace's ESLint configuration, trusted it must use it. */
async function bundledServerChecks(scenario: Scenario, setup: Setup): Promise<void> {
  const serverJs = path.join(setup.installedExtension, 'dist', 'server.js');
  const started = performance.now();
  const server = await BundledServer.start(serverJs, setup.eslintWorkspace, false);
  try {
    const uri = await server.open(path.join(setup.eslintWorkspace, FILE), 'javascript');
    const ours = (diagnostics: PublishedDiagnostic[]) => diagnostics.filter((d) => d.code === RULE);
    await scenario.step('bundled-server-untrusted', async () => {
      const found = ours(await server.diagnostics(uri, (list) => ours(list).length > 0, SLOW));
      scenario.timings.bundledServer = Math.round(performance.now() - started);
      if (found.length !== 1 || found[0]!.severity !== ERROR) throw new Error(`expected one error, got ${JSON.stringify(found)}`);
      return `${path.relative(REPO, serverJs).replace(/.*extensions/, '<extensions>')} on Node ${process.version} without node_modules: an error from the built-in recommended config; eslint.config.mjs ignored`;
    });
    await scenario.step('bundled-server-trust-granted', async () => {
      await server.grantTrust();
      const found = ours(await server.diagnostics(uri, (list) => ours(list).some((d) => d.severity === WARNING), SLOW));
      if (found.length !== 1) throw new Error(`expected one warning, got ${JSON.stringify(found)}`);
      return "after authStatus/workspaceTrustChanged the workspace's eslint.config.mjs applies: a warning";
    });
  } finally {
    await server.stop();
  }
}

async function userJourney(scenario: Scenario, workbench: Workbench, url: string, setup: Setup): Promise<void> {
  const page = workbench.page;
  await scenario.step('workbench', async () => {
    await scenario.time('workbench', async () => {
      await page.goto(`${url}/?folder=${encodeURIComponent(setup.plainWorkspace)}`);
      await workbench.waitReady(SLOW);
      await workbench.answerTrustPrompt(true, SLOW);
    });
    return `loaded in ${scenario.timings.workbench} ms (with the ESLint stand-in, which finds no ESLint here)`;
  });

  await scenario.step('squiggle', async () => {
    await scenario.time('squiggle', async () => {
      await workbench.openFile(FILE, 'No token provided', SLOW);
      await page.waitForFunction(() => document.querySelector('.editor-instance .squiggly-error'), null, { timeout: SLOW });
    });
    const under = await workbench.settledSquigglesUnder(WRONG_LINE, '403', 1, SLOW);
    if (under !== 1) throw new Error(`expected one squiggle under "403", found ${under}`);
    return `under "403" ${scenario.timings.squiggle} ms after opening ${FILE}`;
  });

  await scenario.step('hover', async () => {
    const hover = await workbench.hoverOver(await workbench.textBox(WRONG_LINE, '403'), [MESSAGE, ...HOVER_EXPLANATION], SLOW);
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    const start = text.indexOf(HOVER_EXPLANATION[0]!);
    // The evidence is VS Code's (the problem's related information), once: the server's hover leaves it out.
    const evidence = text.split('missing-credential check').length - 1;
    if (evidence !== 1) throw new Error(`the evidence "missing-credential check" appears ${evidence} times in the hover: ${text}`);
    return `explains: ${text.slice(start, start + 160)}…`;
  });
  await workbench.dismiss();

  await scenario.step('problems-panel', async () => {
    await workbench.showProblems();
    const row = workbench.problemRows().filter({ hasText: RULE }).first();
    await row.waitFor({ timeout: SLOW });
    // The marketplace screenshot is taken here: it must show today's texts (plain text, evidence rows, rule code once).
    const rows = (await workbench.problemRows().allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    const outdated = rows.find((text) => text.includes('`') || text.includes('auth-status(auth-status/') || text.includes('rejected here'));
    if (outdated) throw new Error(`the Problems panel shows an outdated text: ${outdated}`);
    return (await row.innerText()).replace(/\s+/g, ' ');
  });

  await scenario.step('quick-fix-menu', async () => {
    await scenario.time('quickFix', async () => workbench.openQuickFix(await workbench.textBox(WRONG_LINE, '403'), FIX_TITLE, 6));
    const titles = await workbench.actionWidget().locator('.monaco-list-row').allInnerTexts();
    return `offers ${titles.slice(0, 5).map((title) => `"${title.replace(/\s+/g, ' ').trim()}"`).join(', ')}…`;
  });

  await scenario.step('fix-applied', async () => {
    await workbench.actionWidget().locator('.monaco-list-row', { hasText: FIX_TITLE }).first().click();
    await workbench.editor().locator('.view-lines', { hasText: 'status(401)' }).waitFor({ timeout: SLOW });
    await page.waitForFunction(
      () => !document.querySelector('.editor-instance .squiggly-error, .editor-instance .squiggly-warning'),
      null,
      { timeout: SLOW },
    );
    await workbench.problemRows().filter({ hasText: RULE }).waitFor({ state: 'detached', timeout: SLOW });
    const onDisk = await waitForFile(path.join(setup.plainWorkspace, FILE), (text) => text.includes('status(401)'), 15_000);
    const line = onDisk.split('\n').find((text) => text.includes('if (!token)')) ?? '';
    if (!/status\(401\)/.test(line) || !/WWW-Authenticate/.test(line) || line.includes('403')) {
      throw new Error(`the saved file does not answer 401 with a challenge: ${line.trim()}`);
    }
    return `saved: ${line.trim()}; no squiggle and no ${RULE} problem left`;
  });

  await scenario.step('language-status', async () => {
    const item = await workbench.openLanguageStatus('Auth Status', SLOW);
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    await workbench.clickLanguageStatusLink(item, 'Show output');
    await workbench.outputView().filter({ hasText: '[timing] first problems' }).waitFor({ timeout: SLOW });
    return `"${text}"; its link opened the Auth Status output`;
  });
}

/** Restricted Mode: our recommended rules only; trusting the folder brings in its eslint.config.mjs, no reload. */
async function workspaceTrust(scenario: Scenario, workbench: Workbench, url: string, setup: Setup): Promise<void> {
  const page = workbench.page;
  await scenario.step('restricted-mode', async () => {
    await page.goto(`${url}/?folder=${encodeURIComponent(setup.trustWorkspace)}`);
    await workbench.waitReady(SLOW);
    await workbench.answerTrustPrompt(false, SLOW);
    await workbench.openFile(FILE, 'No token provided', SLOW);
    await page.waitForFunction(() => document.querySelector('.editor-instance .squiggly-error'), null, { timeout: SLOW });
    const errors = await workbench.settledSquigglesUnder(WRONG_LINE, '403', 1, SLOW, 'error');
    if (errors !== 1) throw new Error(`expected an error squiggle under "403", found ${errors}`);
    const item = await workbench.openLanguageStatus('Auth Status', SLOW);
    const status = (await item.innerText()).replace(/\s+/g, ' ');
    if (!status.includes('Restricted Mode')) throw new Error(`language status says "${status}"`);
    return `an error from the recommended rules (eslint.config.mjs, which says "warn", not loaded); language status: "${status}"`;
  });
  await workbench.dismiss();

  await scenario.step('trust-granted', async () => {
    await workbench.grantTrust(SLOW);
    await workbench.showEditorTab(FILE);
    await page.waitForFunction(
      () => document.querySelector('.editor-instance .squiggly-warning') && !document.querySelector('.editor-instance .squiggly-error'),
      null,
      { timeout: SLOW },
    );
    const warnings = await workbench.settledSquigglesUnder(WRONG_LINE, '403', 1, SLOW, 'warning');
    if (warnings !== 1) throw new Error(`expected a warning squiggle under "403", found ${warnings}`);
    return 'trusted without a reload: eslint.config.mjs now applies and the squiggle under "403" is a warning';
  });

  await scenario.step('fix-all-command', async () => {
    await workbench.runCommand('Auth Status: Fix all problems in this file', SLOW);
    await workbench.editor().locator('.view-lines', { hasText: 'status(401)' }).waitFor({ timeout: SLOW });
    await page.waitForFunction(() => !document.querySelector('.editor-instance .squiggly-warning'), null, { timeout: SLOW });
    const line = (await workbench.editorText()).split('\n').find((text) => text.includes('if (!token)')) ?? '';
    if (!line.includes('WWW-Authenticate')) throw new Error(`no challenge after "Fix all": ${line.trim()}`);
    return `the command fixed the file: ${line.trim()}`;
  });
}

async function waitForFile(file: string, done: (text: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(file, 'utf8');
    if (done(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The extension logs `[timing] server ready …` and `[timing] first problems … N ms after the extension started`. */
async function extensionTimings(userData: string): Promise<{ serverReady?: number; firstProblems?: number }[]> {
  const logs = [...(await outputLogs(userData, 'Auth Status')).values()];
  return logs.map((text) => {
    const millis = (event: string) => {
      const match = new RegExp(`\\[timing\\] ${event}.*?(\\d+) ms after the extension started`).exec(text);
      return match ? Number(match[1]) : undefined;
    };
    return { serverReady: millis('server ready'), firstProblems: millis('first problems') };
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through \`npm run test:vscode\` (test/vscode-e2e/run.sh)`);
  return value;
}

async function prepare(root: string): Promise<Setup> {
  const install = { node: required('NODE24'), entry: required('CODE_SERVER_ENTRY') };
  const dirs = codeServerDirs(root);
  await prepareDirs(dirs);
  const plainWorkspace = path.join(root, 'workspace');
  const eslintWorkspace = path.join(root, 'eslint-workspace');
  const trustWorkspace = path.join(root, 'trust-workspace');
  await cp(path.join(FIXTURES, 'express'), plainWorkspace, { recursive: true });
  await eslintProject(REPO, eslintWorkspace, { installed: ['eslint-plugin-auth-status'] });
  await eslintProject(REPO, trustWorkspace, { installed: ['eslint-plugin-auth-status'] });
  await mkdir(path.join(trustWorkspace, '.vscode'));
  // The setting's former name: it must keep working for users who set it before the rename.
  await writeFile(
    path.join(trustWorkspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'authStatus.eslintCoexistence': 'showBoth' }),
  );
  const workspaces = await coexistenceWorkspaces(REPO, path.join(root, 'coexistence'));

  const standInVsix = await packageEslintStandIn(REPO, root);
  for (const vsix of [VSIX, standInVsix]) console.log(`  ${(await installExtension(install, dirs, vsix)).split('\n').at(-1)}`);
  const installed = (await readdir(dirs.extensions)).find((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (!installed) throw new Error(`${EXTENSION_ID} is not in ${dirs.extensions} after installing`);
  const installedExtension = path.join(dirs.extensions, installed);
  return { install, root, userData: dirs.userData, plainWorkspace, eslintWorkspace, coexistenceWorkspaces: workspaces, trustWorkspace, installedExtension };
}

async function main(): Promise<number> {
  const vsixBytes = (await stat(VSIX)).size;
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });
  const root = await mkdtemp(path.join(tmpdir(), 'auth-status-e2e-'));
  console.log(`VS Code end-to-end test (code-server, headless Chromium) in ${root}`);
  const scenario = new Scenario(ARTIFACTS);
  let server: RunningCodeServer | undefined;
  let browser: BrowserContext | undefined;
  let unexpected: unknown;
  const dirs = codeServerDirs(root);
  try {
    const setup = await prepare(root);
    await bundledServerChecks(scenario, setup);
    server = await RunningCodeServer.start(setup.install, dirs, await pickFreePort());
    browser = await chromium.launchPersistentContext(path.join(root, 'chromium-profile'), {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 800 },
    });
    scenario.page = browser.pages()[0] ?? (await browser.newPage());
    const workbench = new Workbench(scenario.page);
    await userJourney(scenario, workbench, server.url, setup);
    await coexistenceCases(scenario, workbench, { url: server.url, userData: setup.userData, timeoutMs: SLOW }, setup.coexistenceWorkspaces);
    await workspaceTrust(scenario, workbench, server.url, setup);
  } catch (error) {
    if (!(error instanceof StepFailed)) unexpected = error;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }

  const failed = scenario.results.filter((result) => !result.passed).length + (unexpected ? 1 : 0);
  if (unexpected) console.log(`  ✘ setup: ${unexpected instanceof Error ? unexpected.stack : String(unexpected)}`);
  const timings = await extensionTimings(dirs.userData);
  console.log('');
  console.log(`  .vsix size:                          ${(vsixBytes / 1024 / 1024).toFixed(2)} MB (${vsixBytes} bytes)`);
  const [cold, warm] = timings;
  console.log(`  extension start → server ready:      ${cold?.serverReady ?? '?'} ms (second window: ${warm?.serverReady ?? '?'} ms)`);
  console.log(`  extension start → first problems:    ${cold?.firstProblems ?? '?'} ms`);
  console.log(`  server alone: spawn → first problems: ${scenario.timings.bundledServer ?? '?'} ms (Node ${process.version}, stdio)`);
  console.log(`  file opened → squiggle on screen:    ${scenario.timings.squiggle ?? '?'} ms`);
  console.log(`  Ctrl+. → quick-fix menu:             ${scenario.timings.quickFix ?? '?'} ms`);
  console.log(`  machine load (1 min average):        ${loadavg()[0]!.toFixed(1)}`);
  console.log(`  screenshots and logs:                ${path.relative(REPO, ARTIFACTS)}/`);

  await cp(path.join(dirs.userData, 'logs'), path.join(ARTIFACTS, 'logs'), { recursive: true }).catch(() => undefined);
  await copyFile(dirs.log, path.join(ARTIFACTS, 'logs', 'code-server.log')).catch(() => undefined);
  if (failed === 0 && process.argv.includes('--update-images')) {
    const shots = await readdir(ARTIFACTS);
    for (const [step, image] of [['hover', 'hover.png'], ['problems-panel', 'problems.png'], ['quick-fix-menu', 'quick-fix.png']] as const) {
      const shot = shots.find((name) => name.endsWith(`-${step}.png`))!;
      await copyFile(path.join(ARTIFACTS, shot), path.join(EXTENSION, 'images', image));
      console.log(`  copied ${shot} to packages/vscode-extension/images/${image}`);
    }
  }
  await rm(root, { recursive: true, force: true }).catch(() => undefined);
  const passed = scenario.results.length - scenario.results.filter((result) => !result.passed).length;
  console.log(`\nvscode-e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
