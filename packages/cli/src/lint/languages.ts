import type { Linter } from 'eslint';
import { anyCaseGlobs, lintedExtensionOf, LINTED_EXTENSIONS } from 'eslint-plugin-auth-status/tooling';

export { LINTED_EXTENSIONS };

/** Upper-case extensions match too, or ESLint would pass `App.JS` as "no matching configuration". */
const FILE_GLOBS = anyCaseGlobs(LINTED_EXTENSIONS);

export function isLintedFile(filePath: string): boolean {
  return lintedExtensionOf(filePath) !== undefined;
}

export type Dialect = 'module' | 'commonjs' | 'module-jsx' | 'commonjs-jsx' | 'typescript' | 'typescript-jsx';

/**
 * The ways a file may be parsed, most likely first. A `.js` file may be an ES module, contain JSX or be
 * CommonJS (top-level `return`, `with`); the next dialect is tried only when the previous one fails to parse.
 * JSX comes before CommonJS because it is the commoner reason (on application code, 31 of 210 parsed `.js`
 * files) and the order cannot change the outcome: a text that only parses with JSX holds JSX, which CommonJS
 * (no JSX) rejects, and a text that only parses as CommonJS holds what modules reject, with or without JSX.
 */
export function dialectsFor(filePath: string): readonly Dialect[] {
  switch (lintedExtensionOf(filePath)) {
    case '.mjs':
      return ['module'];
    case '.cjs':
      return ['commonjs'];
    case '.jsx':
      return ['module-jsx', 'commonjs-jsx'];
    case '.ts':
    case '.mts':
    case '.cts':
      return ['typescript'];
    case '.tsx':
      return ['typescript-jsx'];
    default:
      return ['module', 'module-jsx', 'commonjs'];
  }
}

let typescriptParser: Linter.Parser | undefined;
let nativeParsers: typeof import('../parse/oxc') | undefined;

/** Loaded on first use: most JavaScript-only runs never pay for typescript-eslint, runs with no --native parse for oxc. */
function loadTypescriptParser(): Linter.Parser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (typescriptParser ??= require('@typescript-eslint/parser') as Linter.Parser);
}

export function loadNativeParsers(): typeof import('../parse/oxc') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (nativeParsers ??= require('../parse/oxc') as typeof import('../parse/oxc'));
}

function isTypeScript(dialect: Dialect): boolean {
  return dialect.startsWith('typescript');
}

/**
 * `native`: oxc's parser (parse/oxc.ts), which only ever clears a file: whatever it reports is linted again with
 * ESLint's own parser (espree) or typescript-eslint.
 */
export function languageOptionsFor(dialect: Dialect, native = false): Linter.LanguageOptions {
  const jsx = dialect.endsWith('-jsx');
  if (isTypeScript(dialect)) {
    return {
      parser: native ? loadNativeParsers().oxcTypeScriptParser : loadTypescriptParser(),
      sourceType: 'module',
      // JSDoc is never read by our rules; skipping it makes parsing cheaper.
      parserOptions: { ecmaFeatures: { jsx }, jsDocParsingMode: 'none' },
    };
  }
  return {
    ecmaVersion: 'latest',
    sourceType: dialect.startsWith('commonjs') ? 'commonjs' : 'module',
    ...(native ? { parser: loadNativeParsers().oxcJavaScriptParser } : {}),
    parserOptions: { ecmaFeatures: { jsx } },
  };
}

export function lintConfig(dialect: Dialect, plugins: Linter.Config['plugins'], rules: Linter.RulesRecord, native = false): Linter.Config[] {
  return [
    // The CLI has already chosen the files; ESLint's default ignores would silently skip a node_modules file named on the command line.
    { ignores: ['!**/node_modules/'] },
    {
      files: FILE_GLOBS,
      plugins,
      languageOptions: languageOptionsFor(dialect, native),
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules,
    },
  ];
}
