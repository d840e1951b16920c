import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import { anyCaseGlobs, excessiveNesting, lintedExtensionOf, MAX_NESTING_DEPTH } from 'eslint-plugin-auth-status/tooling';
import { parseTargetOf } from '../../../packages/language-server/src/lint/languages';

describe('tooling: excessiveNesting (the guard before parsing)', () => {
  const nested = (depth: number, open = '{', close = '}') => `${open.repeat(depth)}${close.repeat(depth)}`;

  it('accepts nesting up to the limit and flags the first bracket beyond it', () => {
    assert.equal(excessiveNesting(nested(MAX_NESTING_DEPTH)), undefined);
    assert.deepEqual(excessiveNesting(nested(MAX_NESTING_DEPTH + 1)), { offset: MAX_NESTING_DEPTH });
    assert.deepEqual(excessiveNesting(nested(30, '(', ')'), 20), { offset: 20 });
    assert.deepEqual(excessiveNesting(`a = ${'['.repeat(11)}1${']'.repeat(11)}`, 10), { offset: 14 });
  });

  it('counts depth, not brackets: many siblings are fine', () => {
    assert.equal(excessiveNesting('if (a) { b(); }\n'.repeat(2000), 10), undefined);
  });

  it('does not count brackets in comments, strings, template text or regular expressions', () => {
    const deep = '{'.repeat(50);
    for (const text of [`// ${deep}\n`, `/* ${deep} */`, `'${deep}'`, `"${deep}"`, `\`${deep}\``, `x = /${'\\{'.repeat(50)}/;`]) {
      assert.equal(excessiveNesting(`${text}\nf();\n`, 10), undefined, text);
    }
    // Code inside a template's ${ … } is code.
    assert.notEqual(excessiveNesting(`\`a \${${deep}}\``, 10), undefined);
  });
});

describe('tooling: file kinds shared by the CLI and the language server', () => {
  it('lintedExtensionOf lower-cases linted extensions and refuses others', () => {
    assert.equal(lintedExtensionOf('/a/App.JS'), '.js');
    assert.equal(lintedExtensionOf('/a/page.TsX'), '.tsx');
    assert.equal(lintedExtensionOf('/a/notes.txt'), undefined);
    assert.equal(lintedExtensionOf('/a/Makefile'), undefined);
  });

  it('anyCaseGlobs match every case in ESLint, where a plain glob would leave the file unmatched', () => {
    const rule = { 'no-debugger': 'error' } as const;
    const linter = new Linter({ cwd: '/' });
    const messagesFor = (files: string[], filename: string) => linter.verify('debugger;', [{ files, rules: rule }], filename);
    assert.equal(messagesFor(anyCaseGlobs(['.js']), '/p/b.JS')[0]?.ruleId, 'no-debugger');
    assert.equal(messagesFor(anyCaseGlobs(['.js']), '/p/b.js')[0]?.ruleId, 'no-debugger');
    assert.equal(messagesFor(['**/*.js'], '/p/b.JS')[0]?.ruleId ?? null, null);
    assert.equal(messagesFor(anyCaseGlobs(['.js']), '/p/b.jsx').length, 1, 'no config matches .jsx: ESLint says so');
    assert.match(messagesFor(anyCaseGlobs(['.js']), '/p/b.jsx')[0]!.message, /No matching configuration/);
  });

  it('the language server gives the linter a lower-case extension for an upper-case file', () => {
    assert.deepEqual(parseTargetOf('javascript', '/w/b.JS'), { language: parseTargetOf('javascript', '/w/b.js')!.language, filename: '/w/b.JS.js' });
    assert.equal(parseTargetOf('typescriptreact', '/w/h.TSX')!.filename, '/w/h.TSX.tsx');
    assert.equal(parseTargetOf('javascript', '/w/b.js')!.filename, '/w/b.js');
  });
});

/** `depth` blocks, with `(…)` one level deeper still: `depth + 1` levels. */
const nestedIfs = (depth: number) => `${'if (a) {'.repeat(depth)}res.status(403).send('no token');${'}'.repeat(depth)}\n`;

/** The same guard as a yes/no question, as the language server asks it. */
const exceeds = (text: string, limit?: number) => excessiveNesting(text, limit) !== undefined;

describe('excessiveNesting on shapes of real and hostile code', () => {
  it('counts blocks, calls and arrays one level each, and the deepest point wins', () => {
    assert.equal(exceeds(nestedIfs(9), 10), false);
    assert.equal(exceeds(nestedIfs(10), 10), true);
    assert.equal(exceeds(`${'f('.repeat(6)}${')'.repeat(6)}`, 5), true);
    assert.equal(exceeds(`${'['.repeat(6)}${']'.repeat(6)}`, 6), false);
    // Many siblings are not depth.
    assert.equal(exceeds('{}'.repeat(5000), 3), false);
  });

  it('does not count brackets in comments, strings, templates or regular expressions', () => {
    const noise = ["// {{{{{{{{{{{{", "/* (((((((((((( */", "'[[[[[[[[[[[['", '"{{{{{{{{{{{{"', '`((((((((((((`', '/\\[\\[\\[\\[\\[\\[\\[\\[\\[\\[/.test(x)'];
    for (const text of noise) assert.equal(exceeds(`x = 1;\n${text}\n`, 3), false, text);
    // Code inside `${ … }` does count, and the template's own `${` and `}` do not.
    assert.equal(exceeds('`${ f(g(h(i(1)))) }`', 3), true);
    assert.equal(exceeds('`${a}${b}${c}${d}${e}`', 1), false);
  });

  it('flags the 2,000 nested blocks that abort ESLint, and leaves real code alone', () => {
    assert.equal(exceeds(nestedIfs(2000)), true);
    assert.equal(exceeds(nestedIfs(MAX_NESTING_DEPTH - 1)), false);
    assert.equal(exceeds(nestedIfs(MAX_NESTING_DEPTH)), true);
  });
});
