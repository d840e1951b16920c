import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import plugin from 'eslint-plugin-auth-status';
import type { LocatedFinding } from '../accuracy/lint';

const OXLINT_BIN = path.join(path.dirname(require.resolve('oxlint/package.json')), 'bin', 'oxlint');
const PLUGIN_PREFIX = 'auth-status';

interface OxlintDiagnostic {
  code?: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

/** An `.oxlintrc.json` that runs every rule of our plugin and none of oxlint's own. */
export function oxlintConfig(): object {
  const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${PLUGIN_PREFIX}/${name}`, 'error']));
  return {
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [require.resolve('eslint-plugin-auth-status')],
    rules,
  };
}

export function oxlintVersion(): string {
  return spawnSync(process.execPath, [OXLINT_BIN, '--version'], { encoding: 'utf8' }).stdout.replace(/^Version:/, '').trim();
}

/** Runs the real oxlint from npm on `root` and returns our plugin's findings, files relative to `root`. */
export function runOxlint(root: string): LocatedFinding[] {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'auth-status-oxlint-'));
  try {
    const configFile = path.join(folder, '.oxlintrc.json');
    writeFileSync(configFile, JSON.stringify(oxlintConfig()));
    const run = spawnSync(process.execPath, [OXLINT_BIN, '-c', configFile, '-f', 'json', '.'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.error || run.stdout.trim() === '') throw new Error(`oxlint failed: ${run.error?.message ?? run.stderr}`);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: OxlintDiagnostic[] };
    return diagnostics.flatMap(toFinding);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** oxlint names a plugin rule `auth-status(rule-name)`; anything else (a parse error, an oxlint rule) is not ours. */
function toFinding(diagnostic: OxlintDiagnostic): LocatedFinding[] {
  const rule = /^auth-status\((.+)\)$/.exec(diagnostic.code ?? '')?.[1];
  const span = diagnostic.labels[0]?.span;
  if (rule === undefined || span === undefined) return [];
  return [{ file: diagnostic.filename.split(path.sep).join('/'), line: span.line, column: span.column, rule }];
}
