import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-auth-status';

/** Every auth-status rule at `error` (`configs.strict`), on typescript-eslint's parser. */
export function lintWithAllRules(code: string, filename = 'file.ts'): Linter.LintMessage[] {
  return new Linter().verify(
    code,
    [{ files: ['**/*.{js,ts,tsx}'], languageOptions: { parser: tsParser, sourceType: 'module' } }, plugin.configs.strict as never],
    filename,
  );
}

function applyFix(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

const describeMessage = (message: Linter.LintMessage) => `${message.ruleId}@${message.line}:${message.column} ${message.message}`;

/**
 * Applies each suggestion `ruleId` offers on `code` and lints the result with every rule: it must parse, the
 * report it answered must be gone, and no rule may report anything that was not reported before.
 */
export function assertSuggestionsLeaveNoNewReport(code: string, ruleId: string): void {
  const before = lintWithAllRules(code);
  assert.deepEqual(before.filter((message) => message.fatal), [], 'the input parses');
  const own = before.filter((message) => message.ruleId === ruleId);
  assert.ok(own.length > 0, `expected ${ruleId} to report:\n${code}`);
  const earlier = new Set(before.map((message) => `${message.ruleId} ${message.message}`));
  for (const message of own) {
    assert.ok(message.suggestions && message.suggestions.length > 0, `a suggestion for ${describeMessage(message)}`);
    for (const suggestion of message.suggestions) {
      const output = applyFix(code, suggestion.fix);
      const after = lintWithAllRules(output);
      assert.deepEqual(after.filter((m) => m.fatal).map(describeMessage), [], `the fixed code parses:\n${output}`);
      const created = after.filter((m) => !earlier.has(`${m.ruleId} ${m.message}`));
      assert.deepEqual(created.map(describeMessage), [], `no new report after "${suggestion.desc}":\n${output}`);
      assert.equal(after.length, before.length - 1, `the answered report is gone:\n${output}\n${after.map(describeMessage).join('\n')}`);
    }
  }
}

/** Lints a line with one auth-status rule configured with `options`: throws ESLint's error when the schema rejects them. */
export function lintWithOptions(ruleName: string, options: object): Linter.LintMessage[] {
  return new Linter().verify('x;', [{ plugins: { 'auth-status': plugin }, rules: { [`auth-status/${ruleName}`]: ['error', options] } }] as never);
}

/** A route that reads the signed-in member's lists and refuses with `status` when `test` holds. */
export const memberListRoute = (test: string, status: number) => `router.get('/environments/:id', authenticate, async (req, res) => {
  const member = await Members.findByUserId(req.user.id);
  const { accessedEnvironments, apiKeys } = member;
  if (${test}) return res.status(${status}).json({ message: 'Refused' });
  res.json(await Environments.findById(req.params.id));
});`;
