import assert from 'node:assert/strict';
import type { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { ConfiguredLinter } from './harness/configured-linter';
import { checkRobustness, formatRobustness } from './harness/robustness';
import { lintFile, type FileLinters } from './harness/robustness-task';
import { everyNth, nodeModulesCodeFiles, stepForSampleSize } from './harness/source-tree';
import { defaultWorkerCount } from './harness/worker-pool';

/**
 * The bounded CI form of `npm run robustness`: a fixed sample of node_modules, spread evenly by path. Bundles over
 * 1 MB are left to the full run: one of them can take minutes, and whether it falls in the sample would depend on
 * how many files the installed packages happen to have.
 */
const SAMPLE_SIZE = 5000;
const SAMPLE_MAX_BYTES = 1_000_000;
const RULE_IDS = Object.keys(plugin.rules).map((name) => `auth-status/${name}`);

describe('robustness on code nobody here wrote', function () {
  this.timeout(15 * 60 * 1000);

  it(`runs every rule over ~${SAMPLE_SIZE} node_modules files without an exception`, async () => {
    const all = nodeModulesCodeFiles(SAMPLE_MAX_BYTES);
    const files = everyNth(all, stepForSampleSize(all.length, SAMPLE_SIZE));
    const summary = await checkRobustness(files, { workers: defaultWorkerCount(2) });
    const details = formatRobustness(summary, RULE_IDS);
    assert.equal(summary.ruleExceptions.length, 0, `exceptions thrown from our rules:\n${details}`);
    assert.ok(summary.ruledOut.byLexer >= 20, `the lexer ruled out only ${summary.ruledOut.byLexer} files: the check below proves little`);
    assert.deepEqual(summary.ruledOut.reports, [], `reports in files the prefilter rules out:\n${details}`);
    // Nearly everything parses; many failures would mean a file went to the wrong parser and our rules never ran on it.
    assert.ok(summary.parseErrors.length <= summary.files * 0.01, `too many parse failures:\n${summary.parseErrors.slice(0, 20).map((outcome) => `${outcome.file}: ${outcome.message}`).join('\n')}`);
  });
});

/** A plugin whose one rule throws on a chosen identifier, standing in for a rule with a bug. */
function crashingLinters(): FileLinters {
  const crash: Linter.Config = {
    plugins: {
      crashing: {
        rules: {
          'on-boom': {
            create: (context) => ({
              Identifier(node: { name: string }) {
                if (node.name === 'boom') throw new TypeError(`cannot read ${context.id}`);
              },
            }),
          },
        },
      },
    },
    rules: { 'crashing/on-boom': 'error' },
  };
  return {
    withRules: new ConfiguredLinter('strict', [crash]),
    bare: new ConfiguredLinter('none'),
    isOurRule: (ruleId) => ruleId.startsWith('crashing/') || ruleId.startsWith('auth-status/'),
  };
}

describe('robustness harness', () => {
  const linters = crashingLinters();

  it('classifies an exception thrown from a rule as a rule exception, naming the rule and line', () => {
    const outcome = lintFile('lib/a.js', 'const ok = 1;\nboom(ok);\n', linters);
    assert.equal(outcome.kind, 'rule-exception');
    assert.ok(outcome.kind === 'rule-exception');
    assert.equal(outcome.error.rule, 'crashing/on-boom');
    assert.equal(outcome.error.line, 2);
    assert.match(outcome.error.message, /cannot read crashing\/on-boom/);
  });

  it('classifies text no parser reads as a parse failure, not an exception', () => {
    const outcome = lintFile('lib/a.js', 'const = ;', linters);
    assert.equal(outcome.kind, 'parse-error');
  });

  it('reads a CommonJS script that is not a valid module (top-level return, with)', () => {
    const outcome = lintFile('lib/legacy.js', 'if (module.parent) return;\nwith (Math) { exports.pi = PI; }\n', linters);
    assert.equal(outcome.kind, 'linted');
    assert.ok(outcome.kind === 'linted');
    assert.equal(outcome.dialect, 'espree+jsx:commonjs');
  });

  it('reads TypeScript with the TypeScript parser, .d.ts included', () => {
    const outcome = lintFile('types/index.d.ts', 'declare module "x" { export interface A { readonly b?: string } }\n', linters);
    assert.equal(outcome.kind, 'linted');
    assert.ok(outcome.kind === 'linted');
    assert.equal(outcome.dialect, 'typescript:module');
  });

  it('counts the reports of our rules and the time they took', () => {
    const outcome = lintFile(
      'src/auth.js',
      "app.use((req, res, next) => { if (!req.headers.authorization) return res.status(403).json({ error: 'no token provided' }); next(); });\n",
      linters,
    );
    assert.ok(outcome.kind === 'linted', JSON.stringify(outcome));
    assert.deepEqual(
      outcome.reports.map((finding) => [finding.rule, finding.line]),
      [['auth-status/require-401-for-credential-failure', 1]],
    );
    assert.ok(outcome.rulesMs > 0 && outcome.rulesMs <= outcome.ms);
  });
});
