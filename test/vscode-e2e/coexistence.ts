import type { CoexistenceWorkspace } from './coexistenceWorkspaces';
import { FILE } from './coexistenceWorkspaces';
import { OutputWatcher } from './logs';
import { StepFailed, type Scenario } from './scenario';
import type { Workbench } from './workbench';

export const RULE = 'require-401-for-credential-failure';
export const WRONG_LINE = 'if (!token) return res.status(403)';
const SHOWN_BY_ESLINT = 'problems shown by ESLint';
/** A Problems row shows its source before the code: `eslint(auth-status/…)`, laid out as "eslint auth-status/…". */
const FROM_ESLINT = /(^|\s)eslint[\s(]+auth-status\//;

export interface CoexistenceRun {
  url: string;
  userData: string;
  timeoutMs: number;
}

/**
 * Each project opened beside the ESLint stand-in (vscode-eslint's real server): wherever ESLint reports our rule,
 * the problem is listed once, as ESLint's; wherever it does not, ours is listed. One step per project; a failing
 * project does not stop the others.
 */
export async function coexistenceCases(scenario: Scenario, workbench: Workbench, run: CoexistenceRun, workspaces: readonly CoexistenceWorkspace[]): Promise<void> {
  let failed = false;
  for (const workspace of workspaces) {
    try {
      await scenario.step(workspace.name, () => checkWorkspace(workbench, run, workspace));
    } catch (error) {
      if (!(error instanceof StepFailed)) throw error;
      failed = true;
    }
    await workbench.dismiss();
  }
  if (failed) throw new StepFailed();
}

async function checkWorkspace(workbench: Workbench, { url, userData, timeoutMs }: CoexistenceRun, workspace: CoexistenceWorkspace): Promise<string> {
  const output = await OutputWatcher.since(userData);
  await workbench.page.goto(`${url}/?folder=${encodeURIComponent(workspace.folder)}`);
  await workbench.waitReady(timeoutMs);
  await workbench.answerTrustPrompt(true, timeoutMs);
  await workbench.openFile(FILE, 'No token provided', timeoutMs);
  const file = escapeRegExp(`${workspace.name}/${FILE}`);

  const eslintSaid = workspace.eslintReportsOurRule
    ? await output.waitFor('ESLint stand-in', new RegExp(`pulled [1-9]\\d* diagnostic\\(s\\) for ${file}: .*auth-status/${RULE}`), timeoutMs)
    : await output.waitFor('ESLint stand-in', new RegExp(`(pulled 0 diagnostic\\(s\\)|pull failed|eslint/\\w+) for ${file}`), timeoutMs);
  if (workspace.eslintReportsOurRule) await output.waitFor('Auth Status', new RegExp(`Not showing 1 problem\\(s\\) in ${escapeRegExp(FILE)}`), timeoutMs);

  await workbench.showProblems();
  const rows = await settledProblemRows(workbench, workspace.eslintReportsOurRule, timeoutMs);
  const squiggles = await workbench.settledSquigglesUnder(WRONG_LINE, '403', 1, timeoutMs);
  if (squiggles !== 1) throw new Error(`expected one squiggle under "403", found ${squiggles}`);
  const item = await workbench.openLanguageStatus('Auth Status', timeoutMs);
  const status = (await item.innerText()).replace(/\s+/g, ' ');
  if (status.includes(SHOWN_BY_ESLINT) !== workspace.eslintReportsOurRule) throw new Error(`language status says "${status}"`);
  const who = workspace.eslintReportsOurRule ? 'only ESLint lists it' : 'Auth Status lists it';
  return `${workspace.description}. ESLint: "${eslintSaid}"; ${who}: "${rows[0]}"; language status: "${status}"`;
}

/** The Problems rows of our rule once they are one row from the expected source (ESLint's or ours), as text. */
async function settledProblemRows(workbench: Workbench, fromEslint: boolean, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = (await workbench.problemRows().filter({ hasText: RULE }).allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    if (rows.length === 1 && FROM_ESLINT.test(rows[0]!) === fromEslint) return rows;
    if (Date.now() > deadline) {
      const expected = fromEslint ? "one row, ESLint's" : 'one row, Auth Status\'s';
      throw new Error(`expected ${expected} for ${RULE} in Problems, found ${JSON.stringify(rows)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
