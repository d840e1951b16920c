import assert from 'node:assert/strict';
import { fixWith, type RuleName } from './apply-fix';
import { assertChallenged, get, withServer, type Running } from './serve';

export interface FixCase {
  title: string;
  /** The app with the wrong code: an ES module whose default export the framework's `start` knows how to serve. */
  source: string;
  rule: RuleName;
  kind: 'suggestion' | 'fix';
  /** What the unfixed app answers to the failing request: the status the linter reports, and whether it challenged. */
  before: { status: number; challenged: boolean };
  /** The request that fails authentication (default: `GET /` without credentials). */
  path?: string;
  headers?: Record<string, string>;
  /** A request that passes, answered alike before and after the fix. */
  passing?: { path?: string; headers: Record<string, string>; status: number };
  /** What the fixed source must contain: the framework API the fix uses. */
  uses: RegExp;
}

/**
 * Applies our fix to a real app, then runs both versions on 127.0.0.1: the unfixed app answers what the linter
 * claimed, the fixed one a 401 whose `WWW-Authenticate` parses as RFC 9110 challenges. `fix` lints and fixes the
 * source (TypeScript apps pass a version that parses TypeScript).
 */
export function itFixes(start: (source: string) => Promise<Running>, fixCase: FixCase, fix: typeof fixWith = fixWith): void {
  it(fixCase.title, async () => {
    const { message, output } = fix(fixCase.source, fixCase.rule, fixCase.kind);
    assert.match(output, fixCase.uses);
    if (fixCase.rule === 'require-401-for-credential-failure') assert.match(message.message, new RegExp(`^${fixCase.before.status} answers`));
    else assert.equal(fixCase.before.status, 401);

    const failing = fixCase.path ?? '/';
    for (const [source, fixed] of [[fixCase.source, false], [output, true]] as const) {
      await withServer(
        () => start(source),
        async (url) => {
          const response = await get(url + failing, fixCase.headers);
          if (fixed) {
            assertChallenged(response);
          } else {
            assert.equal(response.status, fixCase.before.status, 'the unfixed app answers what the linter claims');
            assert.equal(response.headers.has('www-authenticate'), fixCase.before.challenged);
          }
          if (fixCase.passing) {
            const passing = await get(url + (fixCase.passing.path ?? failing), fixCase.passing.headers);
            assert.equal(passing.status, fixCase.passing.status);
          }
        },
      );
    }
  });
}
