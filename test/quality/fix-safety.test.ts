import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { ConfiguredLinter, inFirstParsingDialect, RULE_PREFIX } from './harness/configured-linter';
import { CODE_FILE, dialectsFor } from './harness/dialects';
import { checkFixAllIsStable, checkOfferedFix, offeredFixes, type LintedFile } from './harness/fix-safety';
import { listFiles, REPO_ROOT } from './harness/source-tree';

const CORPUS = path.join(REPO_ROOT, 'test/corpus');
const FIXTURES = path.join(__dirname, 'fixtures');

/** Rules with an `autofix` option turn their status changes from suggestions into fixes with it. */
function autofixEverywhere(): Linter.Config {
  const rules: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(plugin.rules)) {
    const schema = rule.meta.schema;
    const options = Array.isArray(schema) ? schema[0] : undefined;
    if (options?.properties?.autofix) rules[`${RULE_PREFIX}${name}`] = ['error', { autofix: true }];
  }
  return { rules };
}

const strict = new ConfiguredLinter('strict');
const strictWithAutofix = new ConfiguredLinter('strict', [autofixEverywhere()]);

function lintedFile(file: string): LintedFile {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const outcome = inFirstParsingDialect(dialectsFor(file), (dialect) => ({ messages: strict.verify(text, dialect) }));
  if ('parseError' in outcome) {
    throw new Error(`${file}:${outcome.parseError.line}: does not parse: ${outcome.parseError.message}`);
  }
  return { name: file, text, dialect: outcome.dialect, reports: outcome.result.messages };
}

function checkFile(file: LintedFile): { offered: number; failures: string[] } {
  const offered = offeredFixes(file.reports);
  const failures = [
    ...offered.map((fix) => checkOfferedFix(file, fix, strict)),
    checkFixAllIsStable(file, strict),
    checkFixAllIsStable(file, strictWithAutofix)?.replace(': applying', ' (autofix option on): applying') ?? null,
  ].filter((failure): failure is string => failure !== null);
  return { offered: offered.length, failures };
}

const corpusFiles = fs.existsSync(CORPUS) ? listFiles(CORPUS, CODE_FILE) : [];

/** The README's "each of the N fixes and suggestions offered on the corpus": N, or undefined if the sentence is gone. */
function readmeFixCount(): number | undefined {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const match = /each of the (\d[\d,]*) fixes and suggestions offered on the corpus/.exec(readme.replace(/\s+/g, ' '));
  return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}
const fixtureFiles = listFiles(FIXTURES, CODE_FILE);

describe('fix safety', () => {
  describe('every fix and suggestion on the labelled corpus, applied one at a time', () => {
    for (const file of corpusFiles) {
      it(file, () => {
        const { failures } = checkFile(lintedFile(file));
        assert.deepEqual(failures, [], failures.join('\n\n'));
      });
    }
  });

  it('the README counts the fixes and suggestions offered on the corpus as they are', function () {
    if (corpusFiles.length === 0) this.skip();
    const stated = readmeFixCount();
    const offered = corpusFiles.reduce((sum, file) => sum + offeredFixes(lintedFile(file).reports).length, 0);
    assert.ok(offered > 0, 'the corpus offers no fix or suggestion at all');
    assert.equal(stated, offered, `README.md's "Fix safety" paragraph should say "each of the ${offered} fixes and suggestions offered on the corpus"`);
  });

  describe('every fix and suggestion on the fix-safety fixtures', () => {
    for (const file of fixtureFiles) {
      it(file, () => {
        const { offered, failures } = checkFile(lintedFile(file));
        assert.deepEqual(failures, [], failures.join('\n\n'));
        // A fixture exists to exercise fixes: one that offers none tests nothing.
        assert.ok(offered > 0, `${file} offers no fix or suggestion any more`);
      });
    }
  });
});
