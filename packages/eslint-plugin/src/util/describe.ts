import type { CredentialProblem } from '../analysis/challenge';
import type { Evidence, Reason } from '../analysis/reason';

const PROBLEMS: Record<CredentialProblem, string> = {
  missing: 'a missing credential',
  expired: 'an expired credential',
  invalid: 'an invalid credential',
  login: 'a failed login',
};

export function describeProblem(problem: CredentialProblem): string {
  return PROBLEMS[problem];
}

/** What a message about one check for two failures quotes: the credential half, and the denied right. */
export function describeSplit(reason: Extract<Reason, { kind: 'split' }>): { problem: string; evidence: string; denial: string } {
  return { problem: describeProblem(reason.problem), evidence: quoteEvidence(reason.credential), denial: quoteEvidence(reason.authorization) };
}

/**
 * The evidence a message cites: the decisive piece, and the response's own message when it agrees
 * ("!token, 'No token provided'"); two hints when there is nothing decisive. A name (of the enclosing function,
 * say) is cited only when nothing else was found: it is not where the credential fails.
 */
export function quoteEvidence(evidence: readonly Evidence[]): string {
  const shown = evidence.some((e) => !e.nameOnly) ? evidence.filter((e) => !e.nameOnly) : evidence;
  const ordered = [...shown].sort((a, b) => b.strength - a.strength);
  const first = ordered[0];
  if (!first) return '';
  const second = ordered.find((e) => e.quote !== first.quote && (first.strength === 1 || isStringLiteral(e.quote)));
  const cited = (e: Evidence) => (e.detail ? `${e.quote}: ${e.detail}` : e.quote);
  return plainQuote(second ? `${cited(first)}, ${cited(second)}` : cited(first));
}

function isStringLiteral(quote: string): boolean {
  return /^`['"`]/.test(quote);
}

/**
 * Evidence quotes mark code with backticks (markdown); messages are shown as plain text (the Problems panel, a
 * terminal), where the marks would be printed: "`!token` of `verify`" reads "!token of verify". A template
 * literal's own backticks stay.
 */
export function plainQuote(quote: string): string {
  return quote.replace(/`(.+?)`(?=[\s,.;:)]|$)/g, '$1');
}

const MAX_QUOTE = 48;

/** Code quoted in a message, on one line and short: "api(originalRequest)", "axios.post('/auth/refresh', {…". */
export function quoteCode(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 3)}…` : line;
}
