import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SourceCode as EslintSourceCode } from 'eslint';
import { createLinter, SourceCode } from '../../packages/cli/src/lint/eslint-core';
import { ESM_PROJECT, writeProject } from '../support/index-projects';
import { lintJson, REPO_ROOT } from './helpers';

/** Preloaded into every thread of the CLI: notes, as each thread ends, whether it loaded ESLint's `ESLint` class. */
const PROBE = path.join(REPO_ROOT, 'test/cli/probes/eslint-class-loads.cjs');

describe('a one-file run (a pre-commit hook) loads ESLint\'s Linter, not its ESLint class', () => {
  it('lints a file whose error class comes from a module it imports, with the Linter alone', function () {
    this.timeout(60_000);
    const folder = writeProject(ESM_PROJECT);
    const log = path.join(folder, 'probe.log');
    fs.writeFileSync(log, '');
    try {
      const { results } = lintJson(['--no-project-config', 'src/guard.ts'], folder, { NODE_OPTIONS: `--require ${PROBE}`, AUTH_STATUS_PROBE_LOG: log });
      const found = results.flatMap((result) => result.messages.map((message) => `${message.line} ${message.ruleId}`));
      assert.deepEqual(found, ['7 auth-status/require-401-for-credential-failure'], 'the imported error class was not followed');
      assert.deepEqual(fs.readFileSync(log, 'utf8').trim().split('\n'), ['main Linter only']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('hands out ESLint\'s own SourceCode class and a Linter that lints', () => {
    assert.equal(SourceCode, EslintSourceCode);
    const messages = createLinter().verify('let a = 1;\na = ;\n', [], 'check.js');
    assert.deepEqual(messages.map((message) => [message.fatal, message.line]), [[true, 2]]);
  });
});
