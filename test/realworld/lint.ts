/**
 * Lints snapshot files the way `auth-status-lint` does with no configuration: the CLI's own FileLinter (same parser
 * per extension, same dialect fallbacks) and the plugin's recommended rules. Each file is written into a temporary
 * folder under its own path, so that the extension, and any rule that looks at the path, sees what it would in the
 * repository; the folder is removed afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isTestFile } from 'eslint-plugin-auth-status/tooling';
import { isLintedFile } from '../../packages/cli/src/lint/languages';
import { FileLinter } from '../../packages/cli/src/lint/lint-file';
import { recommendedRules, RULE_PREFIX } from '../../packages/cli/src/lint/rules-config';
import type { Finding } from '../accuracy/lint';

/** A file of one repository at one commit. `key` names it in findings: `owner/name@commit:path`. */
export interface SnapshotFile {
  readonly repo: string;
  readonly commit: string;
  readonly path: string;
  readonly text: string;
}

export function fileKey(repo: string, commit: string, filePath: string): string {
  return `${repo}@${commit}:${filePath}`;
}

export interface LintedFiles {
  readonly findings: Finding[];
  /** Files the CLI does not lint (`.vue`, `.svelte`, …): their labels are not scored. */
  readonly notLinted: string[];
  /** Files that did not parse or on which the rules threw, with the message: nothing is reported there. */
  readonly failures: Map<string, string>;
  /** Test suites, fixtures and mocks: left out as the CLI's defaults and the recommended config leave them, so nothing is reported there. */
  readonly testFiles: string[];
}

export function lintSnapshotFiles(files: readonly SnapshotFile[]): LintedFiles {
  const linter = new FileLinter();
  const rules = recommendedRules();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'auth-status-realworld-'));
  const linted: LintedFiles = { findings: [], notLinted: [], failures: new Map(), testFiles: [] };
  try {
    files.forEach((file, index) => {
      const key = fileKey(file.repo, file.commit, file.path);
      if (!isLintedFile(file.path)) {
        linted.notLinted.push(key);
        return;
      }
      if (isTestFile(file.path)) {
        linted.testFiles.push(key);
        return;
      }
      // One folder per file version: the same path may be read at two commits (a fix's parent and the fix).
      const filePath = path.join(temp, String(index), file.repo.replace('/', '+'), ...file.path.split('/'));
      mkdirSync(path.dirname(filePath), { recursive: true });
      writeFileSync(filePath, file.text);
      const outcome = linter.lint({ filePath, text: file.text, rules, fix: 'none' });
      if (outcome.internalError) {
        linted.failures.set(key, `the rules threw: ${outcome.internalError}`);
        return;
      }
      for (const message of outcome.result.messages) {
        if (message.fatal) linted.failures.set(key, `does not parse: line ${message.line}: ${message.message}`);
        else if (message.ruleId?.startsWith(RULE_PREFIX)) {
          linted.findings.push({ file: key, line: message.line, rule: message.ruleId.slice(RULE_PREFIX.length) });
        }
      }
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return linted;
}
