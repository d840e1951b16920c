import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import { CORPUS_DIR, loadCorpus } from '../accuracy/corpus';
import { corpusConfig, lintCorpus, type LocatedFinding } from '../accuracy/lint';
import { fixWithOxlint, oxlintVersion, runOxlint } from './run-oxlint';

const asLines = (findings: readonly LocatedFinding[]) =>
  findings.map(({ file, line, column, rule }) => `${file}:${line}:${column} ${rule}`).sort();

describe(`oxlint as a host of the plugin (${oxlintVersion()})`, function () {
  this.timeout(120_000);

  it('reports exactly what ESLint reports on the corpus: file, line, column and rule', function () {
    const eslintFindings = asLines(lintCorpus(loadCorpus()));
    const oxlintFindings = asLines(runOxlint(CORPUS_DIR));
    assert.ok(eslintFindings.length > 100, `the corpus should give ESLint many findings, got ${eslintFindings.length}`);
    assert.deepEqual(oxlintFindings, eslintFindings);
  });

  it('fixes the corpus to the same text as ESLint --fix', function () {
    const linter = new Linter();
    // ESLint also removes disable comments that silence nothing; oxlint does not by default, and neither is ours.
    const config = [...corpusConfig(), { linterOptions: { reportUnusedDisableDirectives: 'off' as const } }];
    const fixedByOxlint = fixWithOxlint(CORPUS_DIR);
    let changed = 0;
    for (const file of loadCorpus()) {
      const fixedByEslint = linter.verifyAndFix(file.text, config, { filename: file.name }).output;
      if (fixedByEslint !== file.text) changed++;
      assert.equal(fixedByOxlint.get(file.name), fixedByEslint, `test/corpus/${file.name}`);
    }
    assert.ok(changed > 20, `ESLint should fix many corpus files, fixed ${changed}`);
  });
});
