import assert from 'node:assert/strict';
import { fixWith, type RuleName } from './apply-fix';
import { withServer, type Running } from './serve';

/** A fix of a transport's own error code (tRPC, GraphQL, gRPC, Firebase), checked by what its client sees. */
export interface CodeFixCase<Seen> {
  title: string;
  /** The app with the wrong code, an ES module. */
  source: string;
  rule: RuleName;
  kind?: 'suggestion' | 'fix';
  /** What the client sees on the failing request before and after the fix. */
  before: Seen;
  after: Seen;
  /** What the fixed source must contain. */
  uses: RegExp;
}

/** What one version of the app answers: the failing request, and a request by a signed-in administrator. */
export interface Observed<Seen> {
  failing: Seen;
  passing: Seen;
}

/**
 * Lints and fixes the app, then runs both versions with `observe`: the client sees `before`, then `after`, and
 * the administrator's request is answered `passing` by both.
 */
export function itFixesCode<Seen>(fixCase: CodeFixCase<Seen>, observe: (source: string) => Promise<Observed<Seen>>, passing: Seen): void {
  it(fixCase.title, async () => {
    const { output } = fixWith(fixCase.source, fixCase.rule, fixCase.kind ?? 'suggestion');
    assert.match(output, fixCase.uses);
    for (const [source, expected] of [[fixCase.source, fixCase.before], [output, fixCase.after]] as const) {
      const seen = await observe(source);
      assert.deepEqual(seen.failing, expected);
      assert.deepEqual(seen.passing, passing, 'a signed-in administrator passes before and after the fix');
    }
  });
}

/** Observes an app served on 127.0.0.1: `failing` and `passing` make the two requests against its URL. */
export function observeServer<Seen>(
  start: (source: string) => Promise<Running>,
  failing: (url: string) => Promise<Seen>,
  passing: (url: string) => Promise<Seen>,
): (source: string) => Promise<Observed<Seen>> {
  return async (source) => {
    let observed: Observed<Seen> | undefined;
    await withServer(
      () => start(source),
      async (url) => {
        observed = { failing: await failing(url), passing: await passing(url) };
      },
    );
    return observed!;
  };
}
