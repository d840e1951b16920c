import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-auth-status';
import type { CorpusFile } from './corpus';
import { PLUGIN_PREFIX } from './rules';

/** One report of one rule on one line, from the engine or from the baseline. */
export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
}

/** A finding with the column ESLint reports it at (1-based), to compare hosts of the plugin exactly. */
export interface LocatedFinding extends Finding {
  readonly column: number;
}

const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JAVASCRIPT_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

/** Rule names (without prefix) the plugin ships today. */
export function pluginRuleNames(): string[] {
  return Object.keys(plugin.rules);
}

export function corpusConfig(): Linter.Config[] {
  return [
    {
      files: JAVASCRIPT_FILES,
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    {
      files: TYPESCRIPT_FILES,
      languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: [...JAVASCRIPT_FILES, ...TYPESCRIPT_FILES], ...(plugin.configs.strict as Linter.Config) },
  ];
}

/** Lints each file with every rule of the plugin on; a file that does not parse is a corpus bug and throws. */
export function lintCorpus(files: readonly CorpusFile[]): LocatedFinding[] {
  const linter = new Linter({ configType: 'flat' });
  const config = corpusConfig();
  return files.flatMap((file) => {
    const messages = linter.verify(file.text, config, { filename: file.name });
    const fatal = messages.find((message) => message.fatal);
    if (fatal) throw new Error(`test/corpus/${file.name}:${fatal.line}: does not parse: ${fatal.message}`);
    return messages
      .filter((message) => message.ruleId?.startsWith(PLUGIN_PREFIX))
      .map((message) => ({ file: file.name, line: message.line, column: message.column, rule: (message.ruleId ?? '').slice(PLUGIN_PREFIX.length) }));
  });
}
