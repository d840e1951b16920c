import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { SourceCode } from 'eslint';
import { nextSignificant, previousSignificant } from '../../../packages/eslint-plugin/src/analysis/significant-text';
import type { SourceCode as PluginSourceCode } from '../../../packages/eslint-plugin/src/analysis/ast';

const REPO_ROOT = path.resolve(__dirname, '../../..');

function sourceCodeOf(text: string, jsx = false): PluginSourceCode {
  const ast = parse(text, { comment: true, tokens: true, range: true, loc: true, jsx });
  return new SourceCode(text, ast as never) as unknown as PluginSourceCode;
}

/** The offset of the `nth` occurrence (from 0) of `needle`. */
function offsetOf(text: string, needle: string, nth = 0): number {
  let offset = -1;
  for (let seen = 0; seen <= nth; seen++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${needle} #${nth} in ${text}`);
  }
  return offset;
}

describe('significant text beside a node (ranges and comments, no tokens)', () => {
  it('steps over a comment holding `,` and `)` to the real comma', () => {
    const text = 'const list = [a /* ), */ , b];';
    assert.equal(nextSignificant(sourceCodeOf(text), offsetOf(text, 'a') + 1), offsetOf(text, ',', 1));
  });

  it('takes a regular expression after an operator for code, not for a comment', () => {
    const text = 'if ((s === 403) /* || */ || /re\\/x/.test(s)) {}';
    const sourceCode = sourceCodeOf(text);
    const operator = nextSignificant(sourceCode, offsetOf(text, '403') + 3, { skipping: ')' });
    assert.equal(operator, offsetOf(text, '||', 1));
    assert.equal(nextSignificant(sourceCode, operator + 2), offsetOf(text, '/re'));
  });

  it('takes a string holding comment marks for code', () => {
    const text = 'x = s === 401 // a, b)\n  || "/* not */";';
    const sourceCode = sourceCodeOf(text);
    const operator = nextSignificant(sourceCode, offsetOf(text, '401') + 3);
    assert.equal(operator, offsetOf(text, '||'));
    assert.equal(nextSignificant(sourceCode, operator + 2), offsetOf(text, '"'));
  });

  it('does not skip a parenthesis unless asked', () => {
    const text = 'f((a), b);';
    assert.equal(nextSignificant(sourceCodeOf(text), offsetOf(text, 'a') + 1), offsetOf(text, ')'));
    assert.equal(nextSignificant(sourceCodeOf(text), offsetOf(text, 'a') + 1, { skipping: ')' }), offsetOf(text, ','));
  });

  it('looks back over a line comment ending in spaces and `)`, and a block comment', () => {
    const text = 'y = x === 1 /* ) */\n// trailing, )   \n|| z;';
    assert.equal(previousSignificant(sourceCodeOf(text), offsetOf(text, '||')), offsetOf(text, '1'));
  });

  it('stops at a comment when comments count', () => {
    const text = 'switch (s) { case 403: /* note */ f(); }';
    assert.equal(nextSignificant(sourceCodeOf(text), offsetOf(text, ':') + 1, { stopAtComments: true }), offsetOf(text, '/*'));
    assert.equal(nextSignificant(sourceCodeOf(text), offsetOf(text, ':') + 1), offsetOf(text, 'f('));
  });

  it('answers -1 past either end', () => {
    const text = '  a; // end';
    assert.equal(nextSignificant(sourceCodeOf(text), offsetOf(text, ';') + 1), -1);
    assert.equal(previousSignificant(sourceCodeOf(text), offsetOf(text, 'a')), -1);
  });

  it("agrees with ESLint's token store next to every token of the corpus (outside JSX text)", function () {
    this.timeout(120_000);
    const files = fs
      .readdirSync(path.join(REPO_ROOT, 'test/corpus'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name));
    assert.ok(files.length > 100);
    let checked = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      let sourceCode: PluginSourceCode;
      try {
        sourceCode = sourceCodeOf(text, /x$/.test(file));
      } catch {
        continue;
      }
      for (const token of sourceCode.ast.tokens) {
        const after = sourceCode.getTokenAfter(token);
        const before = sourceCode.getTokenBefore(token);
        // JSX text is a token, blank or not; our fixes never stand next to it.
        if ([token, after, before].some((neighbour) => neighbour?.type === 'JSXText')) continue;
        assert.equal(nextSignificant(sourceCode, token.range[1]), after ? after.range[0] : -1, `${file} after ${token.range[0]}`);
        const withComments = sourceCode.getTokenAfter(token, { includeComments: true });
        assert.equal(nextSignificant(sourceCode, token.range[1], { stopAtComments: true }), withComments ? withComments.range[0] : -1, file);
        assert.equal(previousSignificant(sourceCode, token.range[0]) + 1, before ? before.range[1] : 0, `${file} before ${token.range[0]}`);
        checked++;
      }
    }
    assert.ok(checked > 50_000, `${checked} tokens`);
  });
});
