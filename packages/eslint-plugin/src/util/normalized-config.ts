import * as path from 'node:path';
import type { ESLint, Linter } from 'eslint';

type Normalized = Linter.Config[] & { getConfig(filename: string): Linter.Config };

/**
 * `Linter#verify` normalises a plain config array on every call (validating schemas and rule options: about 5% of
 * linting a small file in the CLI, as much as an incremental check in the language server); an array with a
 * `getConfig` method is taken as already normalised. ESLint's own normalisation of a config, obtained once through
 * the public `ESLint#calculateConfigForFile`, is reused for every later lint with that config. It is asked for when
 * a config is used the second time: a one-file run (a pre-commit hook) never loads the `ESLint` class for it. Until
 * it is ready, and wherever it fails, lints get the plain config and ESLint normalises it as usual.
 */
export class NormalizedConfigs {
  private readonly configs = new Map<string, Normalized | 'used once' | 'pending' | 'failed'>();

  /** `key` identifies the config; `filename` (absolute) has the extension every file linted with it has. */
  get(key: string, filename: string, plain: () => Linter.Config[]): Linter.Config[] {
    const known = this.configs.get(key);
    if (typeof known === 'object') return known;
    const config = plain();
    if (known === undefined) this.configs.set(key, 'used once');
    else if (known === 'used once') {
      this.configs.set(key, 'pending');
      void this.normalize(key, filename, config);
    }
    return config;
  }

  private async normalize(key: string, filename: string, config: Linter.Config[]): Promise<void> {
    const root = path.parse(filename).root;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { ESLint: ESLintClass } = require('eslint') as { ESLint: typeof ESLint };
      const eslint = new ESLintClass({ cwd: root, overrideConfigFile: true, overrideConfig: config });
      const normalized = (await eslint.calculateConfigForFile(path.join(root, `linted${path.extname(filename)}`))) as Linter.Config | undefined;
      this.configs.set(key, normalized ? Object.assign([normalized], { getConfig: () => normalized }) : 'failed');
    } catch {
      this.configs.set(key, 'failed');
    }
  }
}
