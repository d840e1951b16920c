import type { LintEngine } from '../lint/engine';
import { rulesFromSettings, validateRules, type ResolvedRules, type RulesConfig } from '../lint/rules';
import type { Settings } from '../settings';
import type { WorkspaceEslintConfig } from './eslint-config';

/**
 * Which of our rules run on a file, with which options: the trusted workspace's `eslint.config.*` when it
 * configures them, else the editor settings. Entries ESLint rejects are reported once and fall back to defaults.
 */
export class RuleSource {
  private readonly validated = new Map<string, RulesConfig>();

  constructor(
    private readonly engine: LintEngine,
    private readonly workspaceConfig: WorkspaceEslintConfig,
    private readonly log: (message: string) => void,
  ) {}

  async rulesFor(filePath: string | undefined, settings: Settings): Promise<RulesConfig> {
    const fromWorkspace = filePath === undefined ? undefined : await this.workspaceConfig.rulesFor(filePath);
    return this.validate(fromWorkspace ?? rulesFromSettings(settings));
  }

  /**
   * Validates the default rules now: ESLint's first verify loads much of ESLint (0.2–0.8 s). Done while the client
   * waits for `initialize` anyway, it never holds up a request that comes later (a hover while a huge document
   * is linted in the worker, say); the first document with default settings then finds them validated.
   */
  warmUp(settings: Settings): void {
    this.validate(rulesFromSettings(settings));
  }

  /** Settings or config files changed: complaints about the new ones are worth logging again. */
  invalidate(): void {
    this.validated.clear();
  }

  private validate(resolved: ResolvedRules): RulesConfig {
    const key = JSON.stringify(resolved.rules);
    let rules = this.validated.get(key);
    if (!rules) {
      const checked = validateRules(resolved.rules, (id, entry) => this.engine.checkRuleEntry(id, entry));
      for (const problem of [...resolved.problems, ...checked.problems]) this.log(problem);
      rules = checked.rules;
      this.validated.set(key, rules);
    }
    return rules;
  }
}
