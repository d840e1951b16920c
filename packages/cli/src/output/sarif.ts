import type { Formatter } from './format';
import { TOOL_NAME, TOOL_URL, TOOL_VERSION } from '../version';

type SarifFormatter = (results: unknown, data: unknown) => string;

/** Loaded when a SARIF report is asked for: it brings lodash and an encoding detector that every other run would pay for at start-up. */
function loadSarifFormatter(): SarifFormatter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@microsoft/eslint-formatter-sarif') as SarifFormatter;
}

interface SarifLog {
  runs: { tool: { driver: { name: string; version?: string; informationUri?: string } } }[];
}

/** SARIF 2.1.0 from Microsoft's ESLint formatter, with this tool named as the driver for code scanning. */
export const formatSarif: Formatter = (results, { cwd, rulesMeta }) => {
  const log = JSON.parse(loadSarifFormatter()(results, { cwd, rulesMeta })) as SarifLog;
  for (const run of log.runs) {
    run.tool.driver = { ...run.tool.driver, name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URL };
  }
  return `${JSON.stringify(log, null, 2)}\n`;
};
