import type { CredentialProblem } from '../analysis/challenge';
import type { Evidence } from '../analysis/reason';

const PROBLEMS: Record<CredentialProblem, string> = {
  missing: 'a missing credential',
  expired: 'an expired credential',
  invalid: 'an invalid credential',
};

export function describeProblem(problem: CredentialProblem): string {
  return PROBLEMS[problem];
}

/** The one or two pieces of evidence a message cites: "`!token`", "`!token`, \"No token provided\"". */
export function quoteEvidence(evidence: readonly Evidence[]): string {
  const quotes = [...new Set(evidence.map((e) => e.quote))];
  return quotes.slice(0, 2).join(', ');
}
