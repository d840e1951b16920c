import type { ESLint, Linter, Rule } from 'eslint';
import type * as Options from './options';
import refreshTokenOn401 from './rules/refresh-token-on-401';
import require401ForCredentialFailure from './rules/require-401-for-credential-failure';
import require403ForPermissionDenial from './rules/require-403-for-permission-denial';
import requireWwwAuthenticate from './rules/require-www-authenticate';
import { version } from './util/package-version';
import { TEST_FILE_GLOBS } from './util/test-files';

const PLUGIN_NAME = 'auth-status';

type Unprefixed<Qualified> = Qualified extends `${typeof PLUGIN_NAME}/${infer Name}` ? Name : never;
type RuleName = Unprefixed<keyof Options.RuleOptions>;
type Severity = 'error' | 'warn';
type PublishedRule = Rule.RuleModule & { meta: Rule.RuleMetaData };

// typescript-eslint's rule types are stricter than ESLint's about the context a rule receives; at run time both
// describe the same object, and only ESLint's types are published.
const rules = {
  'require-401-for-credential-failure': require401ForCredentialFailure,
  'require-www-authenticate': requireWwwAuthenticate,
  'require-403-for-permission-denial': require403ForPermissionDenial,
  'refresh-token-on-401': refreshTokenOn401,
} satisfies Record<RuleName, object> as Record<RuleName, object> as Record<RuleName, PublishedRule>;

type RuleSeverities = Record<`${typeof PLUGIN_NAME}/${RuleName}`, Severity>;

/** The plugin as ESLint's own types describe plugins, so `defineConfig()` and `Linter.Config[]` accept it. */
interface AuthStatusPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleName, PublishedRule>;
  configs: {
    /** Flat config: the rules marked recommended, outside test code. */
    recommended: Linter.Config & { rules: RuleSeverities };
    /** Flat config: every rule as an error, everywhere. */
    strict: Linter.Config & { rules: RuleSeverities };
    /** `.eslintrc` form of `recommended`: `extends: ['plugin:auth-status/recommended-legacy']`. */
    'recommended-legacy': Linter.LegacyConfig;
    /** `.eslintrc` form of `strict`. */
    'strict-legacy': Linter.LegacyConfig;
  };
}

/** Rules whose docs mark them recommended, at that severity; configs are derived, never listed by hand. */
function ruleSeverities(override?: Severity): RuleSeverities {
  const entries = Object.entries(rules)
    .filter(([, rule]) => override !== undefined || rule.meta.docs?.recommended)
    .map(([name, rule]) => [`${PLUGIN_NAME}/${name}`, override ?? (rule.meta.docs?.recommended as Severity)]);
  return Object.fromEntries(entries) as RuleSeverities;
}

const recommendedRules = ruleSeverities();
const strictRules = ruleSeverities('error');
const allOff = Object.fromEntries(Object.keys(strictRules).map((name) => [name, 'off' as const]));

const plugin: AuthStatusPlugin = {
  meta: { name: 'eslint-plugin-auth-status', version, namespace: PLUGIN_NAME },
  rules,
  configs: {
    recommended: { name: 'auth-status/recommended', rules: recommendedRules },
    strict: { name: 'auth-status/strict', rules: strictRules },
    // eslintrc rejects a `name` key and takes plugins by name.
    'recommended-legacy': {
      plugins: [PLUGIN_NAME],
      rules: recommendedRules,
      overrides: [{ files: [...TEST_FILE_GLOBS], rules: allOff }],
    },
    'strict-legacy': { plugins: [PLUGIN_NAME], rules: strictRules },
  },
};
// Test suites, fixtures and mocks assert and simulate statuses; they are not the app's responses.
plugin.configs.recommended.ignores = [...TEST_FILE_GLOBS];
plugin.configs.recommended.plugins = { [PLUGIN_NAME]: plugin };
plugin.configs.strict.plugins = { [PLUGIN_NAME]: plugin };

// The option types ride on the plugin object: `export =` leaves no other way to export types beside it.
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace plugin {
  export type RuleOptions = Options.RuleOptions;
  export type Require401ForCredentialFailureOptions = Options.Require401ForCredentialFailureOptions;
  export type RequireWwwAuthenticateOptions = Options.RequireWwwAuthenticateOptions;
  export type Require403ForPermissionDenialOptions = Options.Require403ForPermissionDenialOptions;
  export type RefreshTokenOn401Options = Options.RefreshTokenOn401Options;
  /** `rules` for a config that sets this plugin's rules, with each rule's options checked. */
  export type Rules = { [Name in keyof RuleOptions]?: Linter.RuleEntry<RuleOptions[Name]> };
}

export = plugin;
