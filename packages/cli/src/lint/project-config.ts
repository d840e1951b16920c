import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { oneLine, UsageError } from '../errors';
import { pickOurRules, type RulesConfig } from './rules-config';

/**
 * The project's own settings for auth-status/* rules, read with ESLint's config loading (eslint.config.*
 * looked up from each file, or the `--config` file). Everything else in that config is left alone: the CLI
 * brings its own parsers and runs only our rules.
 */
export class ProjectRules {
  private readonly eslint: ESLint;

  constructor(
    private readonly cwd: string,
    private readonly configFile: string | undefined,
  ) {
    if (configFile !== undefined && !fs.existsSync(path.resolve(cwd, configFile))) {
      throw new UsageError(`--config: no such file ${configFile} (paths are relative to ${cwd}).`);
    }
    this.eslint = new ESLint({ cwd, overrideConfigFile: configFile === undefined ? undefined : path.resolve(cwd, configFile) });
  }

  /** Our rules as the project configures them for this file; empty when it does not mention them. */
  async rulesFor(filePath: string): Promise<RulesConfig> {
    try {
      const config = (await this.eslint.calculateConfigForFile(filePath)) as { rules?: Record<string, unknown> } | undefined;
      return pickOurRules(config?.rules);
    } catch (error) {
      if ((error as { messageTemplate?: string }).messageTemplate === 'config-file-missing') return {};
      const where = this.configFile ?? `the ESLint config for ${path.relative(this.cwd, filePath) || filePath}`;
      const reason = oneLine((error as Error).message ?? String(error)).replace(/\.$/, '');
      const ruleProblem = /^Key "rules": Key "([^"]+)": (.*)$/.exec(reason);
      if (ruleProblem) {
        throw new UsageError(`invalid settings for ${ruleProblem[1]} in ${where}: ${ruleProblem[2]}; fix them or run with --no-project-config.`);
      }
      throw new UsageError(`could not load ${where}: ${reason}; fix it or run with --no-project-config.`);
    }
  }
}
