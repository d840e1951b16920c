import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** The options several rules share, so their names, checks and documentation cannot drift apart. */

/** `autofix`: a status change is a suggestion unless the team opts in to `--fix` applying it. */
export const AUTOFIX_OPTION: JSONSchema4 = {
  type: 'boolean',
  description: 'Apply the status change with `--fix` instead of offering it as a suggestion.',
};

/** An RFC 9110 auth-scheme token (`Bearer`, `Basic`, …), or `auto`. */
export const SCHEME_OPTION: JSONSchema4 = {
  type: 'string',
  minLength: 1,
  pattern: '^[A-Za-z0-9!#$%&\'*+.^_`|~-]+$',
  description: 'Auth scheme of the challenge a fix adds (`auto`: Basic when the code reads Basic credentials, else Bearer).',
};

export const REALM_OPTION: JSONSchema4 = { type: 'string', description: 'Realm of the challenge a fix adds (default `api`).' };
