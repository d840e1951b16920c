import type { Linter } from 'eslint';

type Plugins = NonNullable<Linter.Config['plugins']>;

const withoutSchemas = new WeakMap<Plugins, Plugins>();

/** Whether every rule entry is a severity alone (`'error'`, `['warn']`): no options to check. */
export function carriesNoOptions(rules: Linter.RulesRecord): boolean {
  return Object.values(rules).every((entry) => !Array.isArray(entry) || entry.length <= 1);
}

/**
 * The plugins to hand ESLint for these rule entries. ESLint checks each enabled rule's options against its schema
 * with ajv, which it loads and compiles on first use (some 40 modules, about 50 ms of a one-file run). Every option
 * of our rules is optional, so an entry without options always passes that check: for such entries the rules go
 * to ESLint with `schema: false`, which skips it. Entries with options keep the schemas, and ESLint's own errors.
 */
export function pluginsToCheck(plugins: Plugins, rules: Linter.RulesRecord): Plugins {
  if (!carriesNoOptions(rules)) return plugins;
  let copy = withoutSchemas.get(plugins);
  if (copy === undefined) {
    copy = Object.fromEntries(Object.entries(plugins).map(([name, plugin]) => [name, withoutOptionSchemas(plugin)]));
    withoutSchemas.set(plugins, copy);
  }
  return copy;
}

function withoutOptionSchemas(plugin: Plugins[string]): Plugins[string] {
  if (!plugin.rules) return plugin;
  const rules = Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [name, { ...rule, meta: { ...rule.meta, schema: false } }]));
  return { ...plugin, rules } as Plugins[string];
}
