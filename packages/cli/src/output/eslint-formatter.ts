import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint } from 'eslint';
import { importModule } from 'eslint-plugin-auth-status/import-module';
import { oneLine, UsageError } from '../errors';
import type { LintResult } from '../lint/result';
import { FORMATS } from '../options';

const PREFIX = 'eslint-formatter';

/** An ESLint formatter: `(results, { cwd, rulesMeta, … })`, returning text or a promise of it. */
export type EslintFormatter = (results: LintResult[], data: ESLint.LintResultData & { cwd: string }) => string | Promise<string>;

/**
 * Finds a formatter by name as ESLint's `loadFormatter` does: a name with a slash (not a scope) is a file; any
 * other is the package `eslint-formatter-NAME` (`@scope/eslint-formatter-NAME` for `@scope/NAME`) resolved from
 * the project (`cwd`), and failing that a formatter built into the installed ESLint.
 */
export async function loadEslintFormatter(name: string, cwd: string): Promise<EslintFormatter> {
  const location = formatterLocation(name, cwd);
  let loaded: { default?: unknown };
  try {
    loaded = (await importModule(pathToFileURL(location).href)) as { default?: unknown };
  } catch (error) {
    throw new UsageError(`could not load the formatter ${name} (${location}): ${oneLine(error instanceof Error ? error.message : String(error))}.`);
  }
  if (typeof loaded.default !== 'function') throw new UsageError(`the formatter ${name} (${location}) does not export a function.`);
  return loaded.default as EslintFormatter;
}

function formatterLocation(name: string, cwd: string): string {
  const normalized = name.replace(/\\/g, '/');
  if (!normalized.startsWith('@') && normalized.includes('/')) {
    const file = path.resolve(cwd, normalized);
    if (!fs.existsSync(file)) throw new UsageError(`--format: no formatter file ${name} (paths are relative to ${cwd}).`);
    return file;
  }
  const packageName = formatterPackageName(normalized);
  try {
    return createRequire(path.join(cwd, 'noop.js')).resolve(packageName);
  } catch {
    const builtIn = path.join(eslintFormattersFolder(), `${normalized}.js`);
    if (/^[\w-]+$/.test(normalized) && fs.existsSync(builtIn)) return builtIn;
    const builtInNames = fs
      .readdirSync(eslintFormattersFolder())
      .filter((file) => file.endsWith('.js'))
      .map((file) => file.slice(0, -'.js'.length));
    throw new UsageError(
      `unknown format "${name}": not one of ${FORMATS.join(', ')}, nor built into ESLint (${builtInNames.join(', ')}), and no ` +
        `package ${packageName} is installed in ${cwd}; install it (npm install --save-dev ${packageName}) or pick another format.`,
    );
  }
}

/** `junit` → `eslint-formatter-junit`; `@scope` → `@scope/eslint-formatter`; `@scope/x` → `@scope/eslint-formatter-x`. */
export function formatterPackageName(name: string): string {
  const scoped = /^(@[^/]+)(?:\/(.*))?$/.exec(name);
  if (scoped) {
    const [, scope, rest] = scoped;
    if (rest === undefined || rest === '' || rest === PREFIX) return `${scope}/${PREFIX}`;
    return rest.startsWith(`${PREFIX}-`) ? name : `${scope}/${PREFIX}-${rest}`;
  }
  return name.startsWith(`${PREFIX}-`) ? name : `${PREFIX}-${name}`;
}

/** The installed ESLint's own formatters (its package exports hide the folder, so it is found from its entry). */
function eslintFormattersFolder(): string {
  return path.join(path.dirname(require.resolve('eslint')), 'cli-engine', 'formatters');
}
