import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Runs the real oxlint from npm in `root` with our plugin's rules, in a scratch folder that is removed after. */
function withOxlint<T>(root: string, extraArguments: string[], use: (stdout: string) => T): T {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'auth-status-oxlint-'));
  try {
    const configFile = path.join(folder, '.oxlintrc.json');
    writeFileSync(configFile, JSON.stringify(oxlintConfig()));
    const run = spawnSync(process.execPath, [OXLINT_BIN, '-c', configFile, ...extraArguments, '.'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.error || run.status === null || run.status > 1) throw new Error(`oxlint failed: ${run.error?.message ?? run.stderr}`);
    return use(run.stdout);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Our plugin's findings by oxlint in `root`, files relative to `root`. */
export function runOxlint(root: string): LocatedFinding[] {
  return withOxlint(root, ['-f', 'json'], (stdout) => (JSON.parse(stdout) as { diagnostics: OxlintDiagnostic[] }).diagnostics.flatMap(toFinding));
}

/** The text of every file under `root` after `oxlint --fix` on a copy, by path relative to `root`. */
export function fixWithOxlint(root: string): Map<string, string> {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'auth-status-oxlint-fix-'));
  try {
    cpSync(root, copy, { recursive: true });
    return withOxlint(copy, ['--fix'], () => {
      const names = readdirSync(copy, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      return new Map(names.map((entry) => {
        const full = path.join(entry.parentPath, entry.name);
        return [path.relative(copy, full).split(path.sep).join('/'), readFileSync(full, 'utf8')];
      }));
    });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** oxlint names a plugin rule `auth-status(rule-name)`; anything else (a parse error, an oxlint rule) is not ours. */
function toFinding(diagnostic: OxlintDiagnostic): LocatedFinding[] {
  const rule = /^auth-status\((.+)\)$/.exec(diagnostic.code ?? '')?.[1];
  const span = diagnostic.labels[0]?.span;
  if (rule === undefined || span === undefined) return [];
  return [{ file: diagnostic.filename.split(path.sep).join('/'), line: span.line, column: span.column, rule }];
}
