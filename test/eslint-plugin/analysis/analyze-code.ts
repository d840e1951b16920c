import { Linter, type SourceCode } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { analyze, type Analysis } from 'eslint-plugin-auth-status/tooling';

/** Parses `code` the way ESLint does (parents set, scopes analysed) and runs the engine on it. */
export function analyzeCode(code: string, filename = 'file.ts'): { analysis: Analysis; sourceCode: SourceCode } {
  let captured: SourceCode | undefined;
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: { parser: filename.endsWith('.ts') ? tsParser : undefined, ecmaVersion: 'latest', sourceType: 'module' },
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
  if (fatal || !captured) throw new Error(`could not parse: ${fatal?.message}`);
  return { analysis: analyze(captured as never), sourceCode: captured };
}

/** The status codes of every response site, in source order. */
export function statusesOf(code: string, filename?: string): number[] {
  return analyzeCode(code, filename).analysis.sites.map((site) => site.status.code);
}
