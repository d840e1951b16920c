import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

/** The challenge rule's reports whose fix is also offered as the suggestion `addChallenge`. */
const FIX_ALSO_SUGGESTED = new Set(['missingChallenge', 'missingChallengeHeaderless', 'missingProxyChallenge']);

/**
 * The challenge rule offers its fix a second time as a suggestion titled with what it writes. In a case with one
 * such report and an expected output, that suggestion must write exactly the case's output: this adds the
 * expectation to those cases. Any other case that gets a suggestion (two reports, no output) must state its own,
 * or RuleTester fails it.
 */
export function withSuggestedFix<MessageIds extends string, Options extends readonly unknown[]>(
  cases: readonly InvalidTestCase<MessageIds, Options>[],
): InvalidTestCase<MessageIds | 'addChallenge', Options>[] {
  return cases.map((testCase) => {
    const [error, ...others] = testCase.errors;
    const single = error && others.length === 0 && FIX_ALSO_SUGGESTED.has(error.messageId) && error.suggestions === undefined;
    if (!single || typeof testCase.output !== 'string') return testCase;
    return { ...testCase, errors: [{ ...error, suggestions: [{ messageId: 'addChallenge' as const, output: testCase.output }] }] };
  });
}

/** The 401 rule's report at `line` whose one suggestion, "Respond 401 with …", writes `output`. */
export function wrongStatusSuggesting401(line: number, output: string) {
  return { messageId: 'wrongStatus' as const, line, suggestions: [{ messageId: 'respond401' as const, output }] };
}
