import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { SIGNAL_PATTERNS } from 'eslint-plugin-auth-status/tooling';
import { analyzeCode } from './analyze-code';

/** How often a lint of `code` with every rule on starts a search of the text for signals (the finer test's scan included; its first pattern stands for the search). */
function signalSearches(code: string): { searches: number; messages: Linter.LintMessage[] } {
  let searches = 0;
  const { exec, test } = RegExp.prototype;
  const isSignalSearch = (pattern: RegExp) => pattern.source === SIGNAL_PATTERNS[0]!.source && pattern.lastIndex === 0;
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    if (isSignalSearch(this)) searches++;
    return exec.call(this, text);
  };
  RegExp.prototype.test = function (this: RegExp, text: string) {
    if (isSignalSearch(this)) searches++;
    return test.call(this, text);
  };
  try {
    const messages = new Linter().verify(code, [{ files: ['**/*.js'], ...(plugin.configs.strict as Linter.Config) }], 'server.js');
    return { searches, messages };
  } finally {
    RegExp.prototype.exec = exec;
    RegExp.prototype.test = test;
  }
}

describe('the search for signals of a finding', () => {
  it('runs once per file for all four rules when the file has none', () => {
    const { searches, messages } = signalSearches('const total = items.reduce((sum, item) => sum + item.price, 0);\n');
    assert.equal(searches, 1);
    assert.deepEqual(messages, []);
  });

  it('runs once per file for all four rules when the file has one, and the rules still report', () => {
    const code = "app.get('/me', (req, res) => {\n  if (!req.headers.authorization) return res.status(403).send('Token missing');\n});\n";
    const { searches, messages } = signalSearches(code);
    assert.equal(searches, 1);
    assert.deepEqual(messages.map((message) => message.ruleId), ['auth-status/require-401-for-credential-failure']);
  });
});

describe('the finer test before the analysis', () => {
  const analysisOf = (code: string) => analyzeCode(code, 'server.js').analysis;

  it('leaves a file unanalysed when its only signals stand where no status can (arithmetic, a comment, prose)', () => {
    const nothing = analysisOf('export const add = (a, b) => a + b;\n');
    assert.equal(analysisOf('const leap = year % 400 === 0; // 403 is not sent here\nthrow new Error("answered 401 twice");\n'), nothing);
  });

  it('analyses a file whose signal stands where a status can, even when it holds no site', () => {
    const nothing = analysisOf('export const add = (a, b) => a + b;\n');
    const analysis = analysisOf('const DENIED = 403;\nexport default DENIED;\n');
    assert.notEqual(analysis, nothing);
    assert.deepEqual(analysis.sites, []);
  });
});
