import assert from 'node:assert/strict';
import { exceedsNestingDepth, MAX_NESTING_DEPTH } from 'eslint-plugin-auth-status/tooling';

/** `depth` blocks, with `(…)` one level deeper still: `depth + 1` levels. */
const nestedIfs = (depth: number) => `${'if (a) {'.repeat(depth)}res.status(403).send('no token');${'}'.repeat(depth)}\n`;

describe('exceedsNestingDepth', () => {
  it('counts blocks, calls and arrays one level each, and the deepest point wins', () => {
    assert.equal(exceedsNestingDepth(nestedIfs(9), 10), false);
    assert.equal(exceedsNestingDepth(nestedIfs(10), 10), true);
    assert.equal(exceedsNestingDepth(`${'f('.repeat(6)}${')'.repeat(6)}`, 5), true);
    assert.equal(exceedsNestingDepth(`${'['.repeat(6)}${']'.repeat(6)}`, 6), false);
    // Many siblings are not depth.
    assert.equal(exceedsNestingDepth('{}'.repeat(5000), 3), false);
  });

  it('does not count brackets in comments, strings, templates or regular expressions', () => {
    const noise = ["// {{{{{{{{{{{{", "/* (((((((((((( */", "'[[[[[[[[[[[['", '"{{{{{{{{{{{{"', '`((((((((((((`', '/\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[/.test(x)'];
    for (const text of noise) assert.equal(exceedsNestingDepth(`x = 1;\n${text}\n`, 3), false, text);
    // Code inside `${ … }` does count, and the template's own `${` and `}` do not.
    assert.equal(exceedsNestingDepth('`${ f(g(h(i(1)))) }`', 3), true);
    assert.equal(exceedsNestingDepth('`${a}${b}${c}${d}${e}`', 1), false);
  });

  it('flags the 2,000 nested blocks that abort ESLint, and leaves real code alone', () => {
    assert.equal(exceedsNestingDepth(nestedIfs(2000)), true);
    assert.equal(exceedsNestingDepth(nestedIfs(MAX_NESTING_DEPTH - 1)), false);
    assert.equal(exceedsNestingDepth(nestedIfs(MAX_NESTING_DEPTH)), true);
  });
});
