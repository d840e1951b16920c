import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { mayContainFinding } from 'eslint-plugin-auth-status/tooling';
import { lintJson, REPO_ROOT, type JsonResult } from './helpers';
import { testSnippets, writeSnippets } from './snippets';

/**
 * Files the prefilter rules out are never parsed, so a syntax error in them is not reported: nothing there
 * could be a finding. Everything else must be identical.
 */
function comparable(results: readonly JsonResult[]): JsonResult[] {
  return results.map((result) => {
    const text = fs.readFileSync(result.filePath, 'utf8');
    if (mayContainFinding(text)) return result;
    const { source: _source, ...withoutSource } = result as JsonResult & { fatalErrorCount: number };
    const messages = result.messages.filter((message) => !message.fatal);
    assert.equal(messages.length, 0, `${result.filePath} is ruled out by the prefilter yet has findings`);
    return { ...withoutSource, messages, errorCount: 0, fatalErrorCount: 0 };
  });
}

const lint = (target: string, ...args: string[]) =>
  lintJson(['--no-project-config', '--no-default-ignores', ...args, target], REPO_ROOT).results;

describe('the prefilter never changes results', () => {
  it('on the whole test corpus', function () {
    const corpus = path.join(REPO_ROOT, 'test/corpus');
    if (!fs.existsSync(corpus)) this.skip();
    const filtered = lint(corpus);
    const unfiltered = lint(corpus, '--no-prefilter');
    assert.ok(filtered.length >= 20, `the corpus has ${filtered.length} files`);
    assert.ok(filtered.some((result) => result.messages.length > 0), 'the corpus has findings');
    assert.deepEqual(filtered, comparable(unfiltered));
  });

  it('on every code snippet of the rule and adapter tests, in workers and in process', function () {
    this.timeout(300_000);
    const folder = writeSnippets(testSnippets());
    const filtered = lint(folder, '--concurrency', '2');
    const unfiltered = lint(folder, '--no-prefilter', '--concurrency', 'off');
    const findings = filtered.reduce((count, result) => count + result.messages.length, 0);
    assert.ok(filtered.length >= 100, `only ${filtered.length} snippets`);
    assert.ok(findings >= 30, `only ${findings} findings`);
    assert.ok(filtered.length > filtered.filter((result) => mayContainFinding(result.source ?? fs.readFileSync(result.filePath, 'utf8'))).length, 'some snippets are skipped by the prefilter');
    assert.deepEqual(filtered, comparable(unfiltered));
  });
});
