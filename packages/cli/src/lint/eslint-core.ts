import type * as ESLintApi from 'eslint';

/**
 * The part of ESLint the CLI lints with: `Linter`, and the `SourceCode` class its lints build. `eslint/universal`
 * gives `Linter` alone; the main entry also loads the `ESLint` class with its file caches and config lookup, some
 * 40 modules that a one-file pre-commit run paid for and never used. ESLint 9 releases without that entry get the
 * main one.
 */
type Core = { Linter: typeof ESLintApi.Linter; SourceCode: typeof ESLintApi.SourceCode };

function loadCore(): Core {
  let Linter: typeof ESLintApi.Linter;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ({ Linter } = require('eslint/universal') as { Linter: typeof ESLintApi.Linter });
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('eslint') as typeof ESLintApi;
  }
  // `eslint/universal` does not export `SourceCode`: the class of the one a lint builds is the one.
  const linter = new Linter();
  linter.verify('', []);
  const SourceCode = linter.getSourceCode()?.constructor as typeof ESLintApi.SourceCode | undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { Linter, SourceCode: SourceCode ?? (require('eslint') as typeof ESLintApi).SourceCode };
}

const core = loadCore();

export const SourceCode = core.SourceCode;

export function createLinter(options?: ConstructorParameters<typeof ESLintApi.Linter>[0]): ESLintApi.Linter {
  return new core.Linter(options);
}
