import assert from 'node:assert/strict';
import type { Linter, Rule } from 'eslint';
import { ConfiguredLinter } from './harness/configured-linter';
import type { Dialect } from './harness/dialects';
import { checkFixAllIsStable, checkOfferedFix, offeredFixes, type LintedFile, type OfferedFix } from './harness/fix-safety';
import { applyFix, originalOffsetOf, type TextFix } from './harness/text-edit';

const JS: Dialect = { parser: 'espree', jsx: true, sourceType: 'module' };
const strict = new ConfiguredLinter('strict');

describe('originalOffsetOf (positions after a fix, back in the original text)', () => {
  const mapThrough = (original: string, fix: TextFix, needle: string) =>
    originalOffsetOf(original, fix)(applyFix(original, fix).indexOf(needle));

  it('keeps positions before the fix and shifts positions after it', () => {
    const original = 'a(403); b();';
    const fix: TextFix = { range: [2, 5], text: '401, extra' };
    assert.equal(mapThrough(original, fix, 'a('), 0);
    assert.equal(mapThrough(original, fix, 'b()'), original.indexOf('b()'));
  });

  it('sends a replaced status back to the status it replaced, past text inserted before it', () => {
    const original = 'if (x) {\n  ctx.status = 403;\n}';
    const start = original.indexOf('ctx');
    const fix: TextFix = { range: [start, start + 'ctx.status = 403'.length], text: "ctx.set('A', 'b');\n  ctx.status = 401" };
    assert.equal(mapThrough(original, fix, '401'), original.indexOf('403'));
    assert.equal(mapThrough(original, fix, '}'), original.indexOf('}'));
  });

  it('sends inserted text to the position it was inserted at', () => {
    const original = 'res.status(401).end();';
    const at = original.indexOf('.end');
    const fix: TextFix = { range: [at, at], text: ".set('WWW-Authenticate', 'Bearer')" };
    assert.equal(mapThrough(original, fix, '.set'), at);
    assert.equal(mapThrough(original, fix, '.end'), at);
  });
});

const MISSING_TOKEN =
  "app.use((req, res, next) => {\n  if (!req.headers.authorization) return res.status(403).json({ error: 'no token provided' });\n  next();\n});\n";

function linted(text: string): LintedFile {
  return { name: 'inline.js', text, dialect: JS, reports: strict.verify(text, JS) };
}

/** The one report on MISSING_TOKEN, answered by a hand-written fix of the 403. */
function replacingStatus(file: LintedFile, replacement: string): OfferedFix {
  const report = file.reports[0]!;
  const at = file.text.indexOf('403');
  return { report, label: 'hand-written fix', fix: { range: [at, at + 3], text: replacement } };
}

describe('checkOfferedFix', () => {
  const file = linted(MISSING_TOKEN);

  it('accepts the suggestion our rule offers', () => {
    assert.equal(file.reports.length, 1);
    const offered = offeredFixes(file.reports);
    assert.equal(offered.length, 1);
    assert.equal(checkOfferedFix(file, offered[0]!, strict), null);
  });

  it('fails a fix whose result does not parse, printing the file, rule, fix text and result', () => {
    const failure = checkOfferedFix(file, replacingStatus(file, '401 +'), strict) ?? '';
    assert.match(failure, /inline\.js:2:\d+ auth-status\/require-401-for-credential-failure hand-written fix/);
    assert.match(failure, /with "401 \+"/);
    assert.match(failure, /does not parse/);
    assert.match(failure, /res\.status\(401 \+\)/);
  });

  it('fails a fix that leaves the problem in place', () => {
    assert.match(checkOfferedFix(file, replacingStatus(file, '400'), strict) ?? '', /the answered report is still there: line 2: 400 answers/);
  });

  it('fails a fix that makes another rule report', () => {
    assert.match(checkOfferedFix(file, replacingStatus(file, '401'), strict) ?? '', /new report auth-status\/require-www-authenticate at line 2/);
  });

  it('does not count reports the fix only moved as new', () => {
    const twoSites = `${MISSING_TOKEN}app.get('/x', (req, res) => {\n  if (!req.cookies.session) return res.status(403).send('not logged in');\n});\n`;
    const both = linted(twoSites);
    assert.equal(both.reports.length, 2);
    const insertLines: OfferedFix = { report: both.reports[0]!, label: 'moves lines', fix: { range: [0, 0], text: '// header\n\n' } };
    // The first report is still there (the fix changed nothing about it); the second only moved down two lines.
    const failure = checkOfferedFix(both, insertLines, strict) ?? '';
    assert.match(failure, /still there: line 4/);
    assert.doesNotMatch(failure, /new report/);
  });
});

/** A rule whose fix is never done: each pass appends another semicolon. */
const restlessRule: Rule.RuleModule = {
  meta: { fixable: 'code' },
  create: (context) => ({
    'Program:exit'(node) {
      context.report({ node, message: 'one more', fix: (fixer) => fixer.insertTextAfter(node, ';') });
    },
  }),
};

function linterWith(rule: Rule.RuleModule): ConfiguredLinter {
  const config: Linter.Config = { plugins: { fixture: { rules: { rule } } }, rules: { 'fixture/rule': 'error' } };
  return new ConfiguredLinter('none', [config]);
}

describe('checkFixAllIsStable', () => {
  it('accepts our rules fixing the corpus-style example', () => {
    assert.equal(checkFixAllIsStable({ name: 'inline.js', text: MISSING_TOKEN, dialect: JS }, strict), null);
  });

  it('fails when a second run of all fixes changes the text again', () => {
    assert.match(checkFixAllIsStable({ name: 'inline.js', text: 'a()', dialect: JS }, linterWith(restlessRule)) ?? '', /second time changes the text/);
  });

  it('fails when the fixed text does not parse', () => {
    const breaking: Rule.RuleModule = {
      meta: { fixable: 'code' },
      create: (context) => ({
        Program(node) {
          if (!context.sourceCode.text.includes('(((')) context.report({ node, message: 'x', fix: (fixer) => fixer.insertTextAfter(node, '(((') });
        },
      }),
    };
    assert.match(checkFixAllIsStable({ name: 'inline.js', text: 'a()', dialect: JS }, linterWith(breaking)) ?? '', /does not parse/);
  });
});
