import type { TextChange } from '../lint/problem';

/** A challenge header set by the edit's code: `'WWW-Authenticate', 'Bearer realm="api"'` or `'WWW-Authenticate': "…"`. */
const CHALLENGE_HEADER = /(['"])(WWW-Authenticate|Proxy-Authenticate)\1\s*[,:]\s*(['"])((?:\\.|(?!\3)[^\\\n])*)\3/i;

/**
 * The title of a rule's autofix, which ESLint gives no description: what it writes into the file, read from the
 * edit itself ("Add WWW-Authenticate: Bearer realm="api""), or the generic title for an edit that sets no challenge.
 */
export function fixTitle(ruleId: string, fix: TextChange): string {
  const header = CHALLENGE_HEADER.exec(fix.text);
  if (!header) return `Fix this ${ruleId} problem`;
  return `Add ${header[2]}: ${header[4]!.replace(/\\(.)/g, '$1')}`;
}
