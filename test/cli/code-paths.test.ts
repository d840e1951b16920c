import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-auth-status';
import { CODE, lintJson, makeFolder, REPO_ROOT } from './helpers';

/** Preloaded into every thread of the CLI: notes each load of ESLint's code path analyzer and what it gave. */
const PROBE = path.join(REPO_ROOT, 'test/cli/probes/code-path-analyzer.cjs');
const CORPUS = path.join(REPO_ROOT, 'test/corpus');

function analyzerLoads(folder: string, env: NodeJS.ProcessEnv = {}): string[] {
  const log = path.join(folder, 'probe.log');
  fs.writeFileSync(log, '');
  lintJson(['--no-project-config', '--concurrency', '2', '.'], folder, { NODE_OPTIONS: `--require ${PROBE}`, AUTH_STATUS_PROBE_LOG: log, ...env });
  return fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
}

function corpusFiles(folder = CORPUS): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? corpusFiles(file) : /\.[cm]?[jt]sx?$/.test(entry.name) ? [file] : [];
  });
}

describe('the CLI without ESLint\'s code path analysis', () => {
  const folder = makeFolder({ 'server/require-auth.js': CODE.wrongStatus, 'server/verify.js': CODE.missingChallenge, 'server/admin.js': CODE.permissionDenied });

  it('gives every lint thread the stand-in, never the analyzer', function () {
    this.timeout(60_000);
    const loads = analyzerLoads(folder);
    assert.ok(loads.filter((line) => line.startsWith('worker')).length >= 1, loads.join('\n') || 'no load seen');
    assert.deepEqual(loads.filter((line) => !line.endsWith(' RecorderAsItIs')), []);
  });

  it('runs the analysis with AUTH_STATUS_CODE_PATHS=on (and the probe sees the real analyzer load)', function () {
    this.timeout(60_000);
    const loads = analyzerLoads(folder, { AUTH_STATUS_CODE_PATHS: 'on' });
    assert.ok(loads.length >= 1 && loads.every((line) => line.endsWith(' CodePathAnalyzer')), loads.join('\n') || 'no load seen');
  });

  it('reports, fixes and suggests on the whole corpus exactly as with the analysis', function () {
    this.timeout(180_000);
    const args = ['--no-project-config', '--concurrency', '2', CORPUS];
    const without = lintJson(args, REPO_ROOT).run.stdout;
    const withAnalysis = lintJson(args, REPO_ROOT, { AUTH_STATUS_CODE_PATHS: 'on' }).run.stdout;
    assert.ok(JSON.parse(without).some((result: { messages: unknown[] }) => result.messages.length > 0), 'the corpus gave no findings');
    assert.equal(without, withAnalysis);
  });
});

describe('our rules and code paths', () => {
  it('listen for no code path event on any corpus file, so the CLI may leave the analysis out', function () {
    this.timeout(120_000);
    const listened = new Set<string>();
    const recording = Object.fromEntries(
      Object.entries(plugin.rules).map(([name, rule]) => [
        name,
        {
          ...rule,
          create(context: never) {
            const listeners = (rule as { create(context: never): Record<string, unknown> }).create(context);
            for (const key of Object.keys(listeners)) listened.add(key);
            return listeners;
          },
        },
      ]),
    );
    const linter = new Linter();
    const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`recording/${name}`, 'error' as const]));
    let linted = 0;
    for (const file of corpusFiles()) {
      const config: Linter.Config[] = [
        { files: ['**/*'], plugins: { recording: { rules: recording } as never }, rules, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
        { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as Linter.Parser } },
      ];
      const messages = linter.verify(fs.readFileSync(file, 'utf8'), config, { filename: file });
      if (!messages.some((message) => message.fatal)) linted++;
    }
    assert.ok(linted > 50, `${linted} corpus files linted`);
    assert.ok(listened.has('Program'), [...listened].join(', '));
    assert.deepEqual([...listened].filter((key) => /codepath/i.test(key)), []);
  });
});
