import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** The options several rules share, so their names, checks and documentation cannot drift apart. */

/** `autofix`: a status change is a suggestion unless the team opts in to `--fix` applying it. */
export const AUTOFIX_OPTION: JSONSchema4 = {
  type: 'boolean',
  description: 'Apply the status change with `--fix` instead of offering it as a suggestion.',
};

/** RFC 9110 §5.6.2 `token`: an auth-scheme (`Bearer`, `Basic`, …). */
const SCHEME_PATTERN = '^[A-Za-z0-9!#$%&\'*+.^_`|~-]+$';

/**
 * What may stand between the quotes of `realm="…"` without escaping: RFC 9110 §5.6.4 `qdtext` (HTAB, SP, visible
 * ASCII except `"` and `\`, obs-text). No line break, no U+2028/2029, nothing Node refuses in a header value.
 */
const REALM_PATTERN = '^[\\t !#-\\[\\]-~\\u0080-\\u00ff]*$';

/** An auth scheme a challenge can be built with (a token, or `auto`); every face checks settings with it. */
export function isValidScheme(value: unknown): value is string {
  return typeof value === 'string' && SCHEME.test(value);
}
const SCHEME = new RegExp(SCHEME_PATTERN);

/** A realm that can go into `realm="…"` as it is; every face checks settings with it. */
export function isValidRealm(value: unknown): value is string {
  return typeof value === 'string' && REALM.test(value);
}
const REALM = new RegExp(REALM_PATTERN);

/** An RFC 9110 auth-scheme token (`Bearer`, `Basic`, …), or `auto`. */
export const SCHEME_OPTION: JSONSchema4 = {
  type: 'string',
  minLength: 1,
  pattern: SCHEME_PATTERN,
  description: 'Auth scheme of the challenge a fix adds (`auto`: Basic when the code reads Basic credentials, else Bearer).',
};

export const REALM_OPTION: JSONSchema4 = {
  type: 'string',
  pattern: REALM_PATTERN,
  description: 'Realm of the challenge a fix adds: the characters a quoted-string allows without escaping (no `"`, `\\` or line breaks).',
};
