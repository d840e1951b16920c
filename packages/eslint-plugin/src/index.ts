import type { TSESLint } from '@typescript-eslint/utils';
import refreshTokenOn401 from './rules/refresh-token-on-401';
import require401ForCredentialFailure from './rules/require-401-for-credential-failure';
import require403ForPermissionDenial from './rules/require-403-for-permission-denial';
import requireWwwAuthenticate from './rules/require-www-authenticate';
import { TEST_FILE_GLOBS } from './util/test-files';

const PLUGIN_NAME = 'auth-status';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

const rules = {
  'require-401-for-credential-failure': require401ForCredentialFailure,
  'require-www-authenticate': requireWwwAuthenticate,
  'require-403-for-permission-denial': require403ForPermissionDenial,
  'refresh-token-on-401': refreshTokenOn401,
} satisfies Record<string, TSESLint.RuleModule<string, unknown[]>>;

type RuleName = keyof typeof rules;
type Severity = 'error' | 'warn';

/** Rules whose docs mark them recommended, at that severity; configs are derived, never listed by hand. */
function ruleSeverities(override?: Severity): Record<`${typeof PLUGIN_NAME}/${RuleName}`, Severity> {
  const entries = Object.entries(rules)
    .filter(([, rule]) => override !== undefined || rule.meta.docs?.recommended)
    .map(([name, rule]) => [`${PLUGIN_NAME}/${name}`, override ?? (rule.meta.docs?.recommended as Severity)]);
  return Object.fromEntries(entries) as Record<`${typeof PLUGIN_NAME}/${RuleName}`, Severity>;
}

const plugin = {
  meta: { name: 'eslint-plugin-auth-status', version },
  rules,
  configs: {} as Record<'recommended' | 'strict', TSESLint.FlatConfig.Config>,
};

plugin.configs.recommended = {
  name: 'auth-status/recommended',
  // Test suites, fixtures and mocks assert and simulate statuses; they are not the app's responses.
  ignores: [...TEST_FILE_GLOBS],
  plugins: { [PLUGIN_NAME]: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: ruleSeverities(),
};
plugin.configs.strict = {
  name: 'auth-status/strict',
  plugins: { [PLUGIN_NAME]: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: ruleSeverities('error'),
};

export = plugin;
