import { Linter, type SourceCode } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { analyze, type Analysis } from 'eslint-plugin-auth-status/tooling';

/**
 * `code` as ESLint hands it to a rule (parents set, scopes analysed, its traversal done): typescript-eslint's
 * parser for TypeScript names, espree otherwise, JSX allowed where the dialect has it.
 */
export function sourceCodeOf(code: string, filename = 'file.ts'): SourceCode {
  let captured: SourceCode | undefined;
  const messages = new Linter().verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: {
          parser: /\.[cm]?tsx?$/.test(filename) ? tsParser : undefined,
          ecmaVersion: 'latest',
          sourceType: 'module',
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        plugins: {
          capture: {
            rules: {
              sourceCode: {
                create(context) {
                  return { Program() { captured = context.sourceCode; } };
                },
              },
            },
          },
        },
        rules: { 'capture/sourceCode': 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal || !captured) throw new Error(`could not parse ${filename}: ${fatal?.message}`);
  return captured;
}

/** Parses `code` the way ESLint does and runs the engine on it. */
export function analyzeCode(code: string, filename = 'file.ts'): { analysis: Analysis; sourceCode: SourceCode } {
  const sourceCode = sourceCodeOf(code, filename);
  return { analysis: analyze(sourceCode as never), sourceCode };
}

/** The status codes of every response site, in source order. */
export function statusesOf(code: string, filename?: string): number[] {
  return analyzeCode(code, filename).analysis.sites.map((site) => site.status.code);
}
