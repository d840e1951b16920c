import type { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { isRecord, severityName, type RuleSetting, type Settings } from '../settings';

export const PLUGIN_PREFIX = 'auth-status/';

type RuleName = keyof typeof plugin.rules;
/** Only rules that are on: `[severity, ...options]`, keyed by the prefixed rule id. */
export type RulesConfig = Record<string, ['warn' | 'error', ...unknown[]]>;

export interface ResolvedRules {
  rules: RulesConfig;
  problems: string[];
}

export function isKnownRule(name: string): name is RuleName {
  return Object.hasOwn(plugin.rules, name);
}

export function ruleDocsUrl(ruleId: string): string | undefined {
  const name = ruleId.slice(PLUGIN_PREFIX.length);
  return isKnownRule(name) ? plugin.rules[name].meta.docs?.url : undefined;
}

/** Does the rule's first option object have this property (`scheme`, `realm`)? */
function acceptsOption(name: RuleName, property: string): boolean {
  const schema = plugin.rules[name].meta.schema as unknown;
  const first = Array.isArray(schema) ? (schema[0] as { properties?: Record<string, unknown> } | undefined) : undefined;
  return Boolean(first?.properties && Object.hasOwn(first.properties, property));
}

/**
 * The editor's configuration as ESLint rule entries: the recommended config (derived from rule metadata),
 * then `authStatus.rules`, with `challenge.scheme`/`challenge.realm` given to every rule that takes them
 * (a rule's own options win).
 */
export function rulesFromSettings(settings: Settings): ResolvedRules {
  const problems: string[] = [];
  const entries = new Map<RuleName, RuleSetting>();
  for (const [id, severity] of Object.entries(plugin.configs.recommended.rules ?? {})) {
    entries.set(id.slice(PLUGIN_PREFIX.length) as RuleName, severityName(severity) ?? 'off');
  }
  for (const [name, setting] of Object.entries(settings.rules)) {
    if (isKnownRule(name)) entries.set(name, setting);
    else problems.push(`authStatus.rules names an unknown rule "${name}"; known rules: ${Object.keys(plugin.rules).join(', ')}.`);
  }
  const rules: RulesConfig = {};
  for (const [name, setting] of entries) {
    const [severity, ...options] = Array.isArray(setting) ? setting : [setting];
    if (severity === 'off') continue;
    const challenge: Record<string, string> = {};
    for (const key of ['scheme', 'realm'] as const) {
      const value = settings.challenge[key];
      if (value !== undefined && acceptsOption(name, key)) challenge[key] = value;
    }
    const [first, ...rest] = options;
    const merged = Object.keys(challenge).length === 0 ? options : [{ ...challenge, ...(isRecord(first) ? first : {}) }, ...rest];
    rules[`${PLUGIN_PREFIX}${name}`] = [severity, ...merged];
  }
  return { rules, problems };
}

/**
 * Our rules as a workspace ESLint config sets them (`calculateConfigForFile(...).rules`), or undefined when it
 * does not mention any of them.
 */
export function rulesFromEslintConfig(configRules: Record<string, unknown> | undefined): ResolvedRules | undefined {
  const rules: RulesConfig = {};
  const problems: string[] = [];
  let mentioned = false;
  for (const [id, value] of Object.entries(configRules ?? {})) {
    if (!id.startsWith(PLUGIN_PREFIX)) continue;
    mentioned = true;
    const name = id.slice(PLUGIN_PREFIX.length);
    const [rawSeverity, ...options] = Array.isArray(value) ? value : [value];
    const severity = severityName(rawSeverity);
    if (!isKnownRule(name)) problems.push(`The workspace ESLint config sets "${id}", which this server does not know; ignoring it.`);
    else if (severity && severity !== 'off') rules[id] = [severity, ...options];
  }
  return mentioned ? { rules, problems } : undefined;
}

/** Drops rule entries ESLint rejects (bad options), each with a sentence saying why. */
export function validateRules(rules: RulesConfig, check: (id: string, entry: Linter.RuleEntry) => string | undefined): ResolvedRules {
  const valid: RulesConfig = {};
  const problems: string[] = [];
  for (const [id, entry] of Object.entries(rules)) {
    const error = check(id, entry);
    if (error === undefined) {
      valid[id] = entry;
      continue;
    }
    problems.push(`Options for ${id} are invalid (${error.split('\n')[0]}); using the rule's default options.`);
    if (check(id, [entry[0]]) === undefined) valid[id] = [entry[0]];
  }
  return { rules: valid, problems };
}

export { plugin };

/**
 * Rules each of whose reports is about one response site or status check, judged from the code around it: an
 * incremental check (see `incremental.ts`) is exact for them. A rule not listed here (say, one that reports once
 * per file) makes every check a full one.
 */
const SITE_LOCAL_RULES: ReadonlySet<string> = new Set([
  'require-401-for-credential-failure',
  'require-www-authenticate',
  'require-403-for-permission-denial',
  'refresh-token-on-401',
]);

export function allowsIncrementalChecks(rules: RulesConfig): boolean {
  return Object.keys(rules).every((id) => SITE_LOCAL_RULES.has(id.slice(PLUGIN_PREFIX.length)));
}
