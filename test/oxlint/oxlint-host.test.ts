import assert from 'node:assert/strict';
import { CORPUS_DIR, loadCorpus } from '../accuracy/corpus';
import { lintCorpus, type LocatedFinding } from '../accuracy/lint';
import { oxlintVersion, runOxlint } from './run-oxlint';

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
});
