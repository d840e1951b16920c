import assert from 'node:assert/strict';
import { Linter, type Rule } from 'eslint';
import plugin from 'eslint-plugin-auth-status';

export type RuleName = keyof typeof plugin.rules;

const RULES = Object.keys(plugin.rules).map((name) => `auth-status/${name}`);

const config: Linter.Config[] = [
  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { 'auth-status': plugin as never },
    rules: Object.fromEntries(RULES.map((rule) => [rule, 'error'])),
  },
];

/** Every report of our rules on `code` (an ES module). */
export function lint(code: string): Linter.LintMessage[] {
  const messages = new Linter().verify(code, config, 'app.mjs');
  const fatal = messages.find((message) => message.fatal);
  assert.equal(fatal, undefined, `parse error: ${fatal?.message}`);
  return messages;
}

/** Applies non-overlapping fixes in source order, as ESLint's SourceCodeFixer does. */
export function applyFixes(code: string, fixes: readonly Rule.Fix[]): string {
  let output = '';
  let cursor = 0;
  for (const fix of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    if (fix.range[0] < cursor) continue;
    output += code.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
  }
  return output + code.slice(cursor);
}

export interface Fixed {
  /** The report the fix answers. */
  message: Linter.LintMessage;
  output: string;
}

/**
 * Lints `code`, expects exactly one report of `rule`, applies its suggestion (`suggestion`) or its autofix (`fix`),
 * and checks that the result parses and draws no report from any of our rules. `lintCode` lints another
 * language (TypeScript apps pass a TypeScript-parsing linter).
 */
export function fixWith(code: string, rule: RuleName, kind: 'suggestion' | 'fix', lintCode: (code: string) => Linter.LintMessage[] = lint): Fixed {
  const reports = lintCode(code).filter((message) => message.ruleId === `auth-status/${rule}`);
  assert.equal(reports.length, 1, `expected one ${rule} report, got ${JSON.stringify(reports, null, 2)}`);
  const message = reports[0]!;
  const fix = kind === 'fix' ? message.fix : message.suggestions?.[0]?.fix;
  assert.ok(fix, `the ${rule} report has no ${kind}`);
  const output = applyFixes(code, [fix]);
  assert.deepEqual(
    lintCode(output).map((report) => `${report.ruleId}: ${report.message}`),
    [],
    `the fixed code draws a report:\n${output}`,
  );
  return { message, output };
}
