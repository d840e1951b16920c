/** Rule names a corpus label may use (without the `auth-status/` prefix). */
export const LABELLED_RULES = [
  'require-401-for-credential-failure',
  'require-www-authenticate',
  'require-403-for-permission-denial',
  'refresh-token-on-401',
] as const;

export type LabelledRule = (typeof LABELLED_RULES)[number];

export const PLUGIN_PREFIX = 'auth-status/';

export function isLabelledRule(name: string): name is LabelledRule {
  return (LABELLED_RULES as readonly string[]).includes(name);
}
