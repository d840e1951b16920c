import type { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import type { RulesConfig } from '../lint/rules-config';

const SEVERITY_NUMBERS: Record<string, number> = { off: 0, warn: 1, error: 2 };

/**
 * `--print-config FILE`: the rules the CLI runs on that file, in the shape ESLint's `--print-config` prints (the
 * plugin as `name:package@version`, each rule as `[severity number, ...options]`).
 */
export function printedConfig(rules: RulesConfig): string {
  const normalized = Object.fromEntries(
    Object.entries(rules).map(([name, entry]) => {
      const [severity, ...options] = Array.isArray(entry) ? entry : [entry];
      return [name, [typeof severity === 'string' ? SEVERITY_NUMBERS[severity] : severity, ...options] as Linter.RuleEntry];
    }),
  );
  const { name, version } = plugin.meta ?? {};
  return `${JSON.stringify({ plugins: [`auth-status:${name}@${version}`], rules: normalized }, null, 2)}\n`;
}
