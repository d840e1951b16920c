import { pathToFileURL } from 'node:url';
import type { Linter } from 'eslint';
import type { Formatter } from './format';
import { TOOL_NAME, TOOL_URL, TOOL_VERSION } from '../version';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning';

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

const levelOf = (message: Linter.LintMessage): Level => (message.severity === 2 ? 'error' : 'warning');

function regionOf(message: Linter.LintMessage): Region {
  // SARIF lines and columns start at 1; a message without a position is about the whole file's start.
  const region: Region = { startLine: Math.max(1, message.line || 1), startColumn: Math.max(1, message.column || 1) };
  if (message.endLine) region.endLine = message.endLine;
  if (message.endColumn) region.endColumn = message.endColumn;
  return region;
}

/**
 * SARIF 2.1.0 for code scanning: one run whose driver is this tool, with a rule entry (and docs link) for each rule
 * that reported, one result per problem (suppressed ones marked as such) and the files as artifacts. A message
 * without a rule (a parse error) is a notification that a file could not be checked, so the run is marked as not
 * successful.
 */
export const formatSarif: Formatter = (results, { rulesMeta }) => {
  const rules: { id: string; shortDescription?: { text: string }; helpUri?: string }[] = [];
  const ruleIndex = new Map<string, number>();
  const artifacts: { location: { uri: string } }[] = [];
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];

  const indexOfRule = (id: string) => {
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(id, index);
      const docs = rulesMeta[id]?.docs;
      rules.push({ id, ...(docs?.description ? { shortDescription: { text: docs.description } } : {}), ...(docs?.url ? { helpUri: docs.url } : {}) });
    }
    return index;
  };

  for (const result of results) {
    const uri = pathToFileURL(result.filePath).href;
    const artifactIndex = artifacts.push({ location: { uri } }) - 1;
    const locationOf = (message: Linter.LintMessage) => [{ physicalLocation: { artifactLocation: { uri, index: artifactIndex }, region: regionOf(message) } }];
    const resultOf = (message: Linter.LintMessage, ruleId: string) => ({
      ruleId,
      ruleIndex: indexOfRule(ruleId),
      level: levelOf(message),
      message: { text: message.message },
      locations: locationOf(message),
    });
    for (const message of result.messages) {
      if (message.ruleId === null) {
        notifications.push({ level: 'error', message: { text: message.message }, locations: locationOf(message), descriptor: { id: 'parse-error' } });
      } else {
        sarifResults.push(resultOf(message, message.ruleId));
      }
    }
    for (const message of result.suppressedMessages ?? []) {
      if (message.ruleId !== null) sarifResults.push({ ...resultOf(message, message.ruleId), suppressions: [{ kind: 'external' }] });
    }
  }

  const log = {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URL, rules } },
        artifacts,
        results: sarifResults,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
