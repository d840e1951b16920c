import type { Linter } from 'eslint';
import { createLinter } from './eslint-core';
import plugin from 'eslint-plugin-auth-status';
import { oneLine, UsageError } from '../errors';
import { pluginsToCheck } from './option-free-plugins';

export type Severity = 'off' | 'warn' | 'error';
export type RulesConfig = Record<string, Linter.RuleEntry>;

export const RULE_PREFIX = 'auth-status/';
export const KNOWN_RULES = Object.keys(plugin.rules).map((name) => `${RULE_PREFIX}${name}`);

/** The plugin's recommended settings: the zero-configuration starting point. */
export function recommendedRules(): RulesConfig {
  return { ...(plugin.configs.recommended.rules as RulesConfig) };
}

/** Accepts `require-www-authenticate` as well as `auth-status/require-www-authenticate`. */
export function qualifiedRuleName(name: string): string {
  const qualified = name.startsWith(RULE_PREFIX) ? name : `${RULE_PREFIX}${name}`;
  if (!KNOWN_RULES.includes(qualified)) {
    throw new UsageError(`unknown rule "${name}"; known rules: ${KNOWN_RULES.join(', ')}.`);
  }
  return qualified;
}

/** Layers settings over a base: an entry replaces the rule's severity and, when it has them, its options. */
export function layerRules(base: RulesConfig, overrides: RulesConfig): RulesConfig {
  return { ...base, ...overrides };
}

/** `--rule` changes the severity only and keeps the options configured before it. */
export function withSeverities(base: RulesConfig, overrides: readonly { name: string; severity: Severity }[]): RulesConfig {
  const rules = { ...base };
  for (const { name, severity } of overrides) {
    const current = rules[name];
    rules[name] = Array.isArray(current) ? [severity, ...current.slice(1)] : severity;
  }
  return rules;
}

/** Only our rules, from any resolved ESLint config. */
export function pickOurRules(rules: Record<string, unknown> | undefined): RulesConfig {
  const picked: RulesConfig = {};
  for (const [name, entry] of Object.entries(rules ?? {})) {
    if (name.startsWith(RULE_PREFIX)) picked[name] = entry as Linter.RuleEntry;
  }
  return picked;
}

/** Throws a one-line UsageError when ESLint rejects a rule's severity or options. */
export function assertValidRules(rules: RulesConfig, origin: string): void {
  try {
    const plugins = pluginsToCheck(plugin.configs.recommended.plugins as NonNullable<Linter.Config['plugins']>, rules);
    createLinter().verify('', [{ files: ['**/*.js'], plugins, rules }], 'check.js');
  } catch (error) {
    const reason = oneLine((error as Error).message).replace(/^Key "rules": /, '');
    throw new UsageError(`invalid rule settings ${origin}: ${reason}`);
  }
}
