import { isValidRealm, isValidScheme } from '../util/option-schemas';
import type { SourceCode } from './ast';

/** `login`: a password login that failed (wrong password or unknown user) — no token was involved. */
export type CredentialProblem = 'missing' | 'expired' | 'invalid' | 'login';

export interface ChallengeSettings {
  /** `auto` picks Basic when the file reads Basic credentials, else Bearer. */
  scheme?: string;
  realm?: string;
}

export const DEFAULT_REALM = 'api';

const BASIC_EVIDENCE = /['"`]Basic ['"`]|startsWith\(\s*['"`]basic|['"`]basic['"`]|from ['"]basic-auth['"]|require\(\s*['"]basic-auth['"]\)|\bBasic realm=/i;
const BEARER_EVIDENCE = /\bbearer\b|\bjwt\b|jsonwebtoken|\bjose\b/i;

/** The scheme the surrounding code actually reads. */
export function detectScheme(sourceCode: SourceCode): 'Basic' | 'Bearer' {
  const text = sourceCode.text;
  return BASIC_EVIDENCE.test(text) && !BEARER_EVIDENCE.test(text) ? 'Basic' : 'Bearer';
}

/**
 * The challenge to send (RFC 9110 §11.6.1): RFC 6750 §3.1 error attributes for Bearer (none when the request
 * had no credential), RFC 7617 `charset` for Basic.
 */
export function challengeValue(
  sourceCode: SourceCode,
  settings: ChallengeSettings,
  problem: CredentialProblem | undefined,
): string {
  // The option schemas reject both already; a host that skips them (or a hand-built options object) gets defaults.
  const scheme = !isValidScheme(settings.scheme) || settings.scheme === 'auto' ? detectScheme(sourceCode) : settings.scheme;
  const realm = isValidRealm(settings.realm) ? settings.realm : DEFAULT_REALM;
  if (scheme.toLowerCase() === 'basic') return `Basic realm="${realm}", charset="UTF-8"`;
  const base = `${scheme} realm="${realm}"`;
  if (scheme.toLowerCase() !== 'bearer') return base;
  if (problem === 'expired') return `${base}, error="invalid_token", error_description="The access token expired"`;
  if (problem === 'invalid') return `${base}, error="invalid_token"`;
  return base;
}

/** A single-quoted JavaScript string literal of any text: quotes, backslashes, line terminators and controls escaped. */
export function jsString(value: string): string {
  // Control characters are exactly what this escapes.
  // eslint-disable-next-line no-control-regex
  return `'${value.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, escapeChar)}'`;
}

function escapeChar(char: string): string {
  if (char === '\\' || char === "'") return `\\${char}`;
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
