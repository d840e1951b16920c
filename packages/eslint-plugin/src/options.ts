/**
 * The options each rule takes, for configs written in TypeScript. This file imports nothing, so the published
 * types need no package beyond ESLint itself.
 */

export interface Require401ForCredentialFailureOptions {
  /** Statuses never reported for a credential failure (default 401, 407, 429; a 404 is judged only at a failed password login). */
  allowedStatuses?: number[];
  /** Apply the status change with `--fix` instead of offering it as a suggestion. */
  autofix?: boolean;
  /** Auth scheme of the challenge a fix adds; `auto` picks Basic when the code reads Basic credentials. */
  scheme?: string;
  /** Realm of the challenge a fix adds. */
  realm?: string;
}

export interface RequireWwwAuthenticateOptions {
  scheme?: string;
  realm?: string;
  /** Calls known to add the challenge, so a 401 after them is not reported. */
  challengers?: string[];
}

export interface Require403ForPermissionDenialOptions {
  autofix?: boolean;
}

export interface RefreshTokenOn401Options {
  /** Statuses a client must not refresh its token or retry on (default 400, 403, 419, 440, 498, 499). */
  statuses?: number[];
  /** Calls that refresh a token in your project, by name or callee text. */
  refreshCalls?: string[];
}

/** Every rule's options tuple, by the rule's name with the `auth-status/` prefix. */
export interface RuleOptions {
  'auth-status/require-401-for-credential-failure': [Require401ForCredentialFailureOptions?];
  'auth-status/require-www-authenticate': [RequireWwwAuthenticateOptions?];
  'auth-status/require-403-for-permission-denial': [Require403ForPermissionDenialOptions?];
  'auth-status/refresh-token-on-401': [RefreshTokenOn401Options?];
}
