import * as path from 'node:path';

/** ESLint configuration files (flat first, then legacy), in the order ESLint itself prefers them within one folder. */
export const ESLINT_CONFIG_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.eslintrc.yaml',
  '.eslintrc.yml',
  '.eslintrc.json',
  '.eslintrc',
] as const;

/** Reads a file's text, or `undefined` when it does not exist or cannot be read. */
export type ReadText = (file: string) => Promise<string | undefined>;

export interface EslintConfigFinding {
  /** The configuration file that applies, or `undefined` when the folder tree has none. */
  readonly file: string | undefined;
  readonly enablesOurRules: boolean;
}

const PLUGIN_NAME = /(?<![\w-])(?:eslint-plugin-)?auth-status(?![\w-])/;
const STRINGS_AND_COMMENTS = /("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\/|^\s*#[^\n]*/gm;

/**
 * True when an ESLint configuration text refers to our plugin or its rules (`eslint-plugin-auth-status`,
 * `'auth-status'`, `auth-status/<rule>`) outside comments: a commented-out line does not make ESLint run them.
 */
export function mentionsOurRules(configText: string): boolean {
  return PLUGIN_NAME.test(configText.replace(STRINGS_AND_COMMENTS, (_match, literal: string | undefined) => literal ?? ''));
}

/**
 * Finds the ESLint configuration that applies to `directory` the way ESLint does — the nearest folder, walking up
 * to `root`, that holds a configuration file — and tells whether it mentions our rules. Only reads text: a
 * configuration is never executed, so this is safe in an untrusted workspace.
 */
export async function findEslintConfig(directory: string, root: string, readText: ReadText): Promise<EslintConfigFinding> {
  for (let dir = directory; isInside(dir, root); dir = path.dirname(dir)) {
    for (const name of ESLINT_CONFIG_FILES) {
      const file = path.join(dir, name);
      const text = await readText(file);
      if (text !== undefined) return { file, enablesOurRules: mentionsOurRules(text) };
    }
    if (dir === path.dirname(dir)) break;
  }
  return { file: undefined, enablesOurRules: false };
}

function isInside(dir: string, root: string): boolean {
  const relative = path.relative(root, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
