import type { CredentialProblem } from '../challenge';
import type { Evidence, EvidenceCategory, Reason } from '../reason';

const CREDENTIAL_CATEGORIES: readonly EvidenceCategory[] = ['missing', 'expired', 'invalid', 'login'];

/** Weighs the evidence found for a site: a reason only where it is clear, else `unknown`. */
export function decide(evidence: Evidence[]): Reason {
  const exempt = evidence.filter((e) => e.category === 'exempt');
  // Names and words only hint (`orderConfirmStatisticHandler`, "Only Admin can enable MFA"): a decisive role check
  // outweighs them, since no one-time flow checks a role. A token checked there does not: the tokens of invitation and
  // reset links are checked like credentials.
  const outweighed = exempt.every((e) => e.strength < 2) && evidence.some((e) => e.category === 'authorization' && e.strength === 2 && !e.nameOnly);
  if (exempt.length > 0 && !outweighed) return { kind: 'exempt', evidence: exempt };
  if (outweighed) evidence = evidence.filter((e) => e.category !== 'exempt');
  const split = splitReason(evidence);
  if (split) return split;
  const decided = decideBy(evidence, true);
  if (decided.kind !== 'unknown') return decided;
  const leaning = decideBy(evidence, false);
  if (leaning.kind === 'credential') return { kind: 'unknown', evidence, leaning: { kind: 'credential', problem: leaning.problem } };
  if (leaning.kind === 'authorization') return { kind: 'unknown', evidence, leaning: { kind: 'authorization' } };
  return decided;
}

/**
 * A missing, expired or invalid credential and a failed right, each decisive and each enough on its own to send
 * the response: whatever the status, one of the two failures gets the wrong one. A failed login is not among
 * them: one answer for an unknown account and a disabled one hides which applies, and 401 suits both. Nor is a
 * missing `req.user` beside a role check: the authenticating middleware before it has already answered that case.
 */
function splitReason(evidence: Evidence[]): Reason | null {
  const decisive = evidence.filter((e) => e.alternative && e.strength === 2 && !e.nameOnly);
  // `!req.user || req.user.role !== 'admin'` after an authenticating middleware: the first half only restates it.
  const credential = decisive.filter((e) => (e.category === 'missing' || e.category === 'expired' || e.category === 'invalid') && !e.earlierState);
  const authorization = decisive.filter((e) => e.category === 'authorization');
  if (credential.length === 0 || authorization.length === 0) return null;
  return { kind: 'split', problem: problemOf(credential), credential, authorization, evidence: [...credential, ...authorization] };
}

function decideBy(evidence: Evidence[], namesBreakTiesOnly: boolean): Reason {
  const credential = evidence.filter((e) => CREDENTIAL_CATEGORIES.includes(e.category));
  const authorization = evidence.filter((e) => e.category === 'authorization');
  const credentialScore = score(credential, namesBreakTiesOnly);
  const authorizationScore = score(authorization, namesBreakTiesOnly);
  if (credentialScore >= 2 && credentialScore > authorizationScore) {
    credential.sort((a, b) => b.strength - a.strength);
    return { kind: 'credential', problem: problemOf(credential), evidence: credential };
  }
  // `!user || isUserDisabled(user)` answered 401: the missing identity is as good a reason as the policy.
  const credentialHint = credential.some((e) => !e.nameOnly);
  if (authorizationScore >= 2 && authorizationScore > credentialScore && !credentialHint) {
    authorization.sort((a, b) => b.strength - a.strength);
    return { kind: 'authorization', evidence: authorization };
  }
  return { kind: 'unknown', evidence };
}

/**
 * Decisive evidence scores 3 (so a weak counter-hint does not cancel it); two independent hints score 2, but
 * hints read only from names count for a half: a name breaks a tie, it never decides.
 */
function score(evidence: Evidence[], namesBreakTiesOnly: boolean): number {
  if (evidence.some((e) => e.strength === 2)) return 3 + (evidence.length > 1 ? 0.5 : 0);
  const hints = evidence.reduce((sum, e) => sum + (e.nameOnly && namesBreakTiesOnly ? 0.5 : 1), 0);
  return Math.min(hints, 2);
}

/** The strongest evidence decides; between equals, a missing credential (no `error` attribute) is the safe choice. */
function problemOf(evidence: Evidence[]): CredentialProblem {
  const strongest = evidence.filter((e) => e.strength === evidence[0]!.strength);
  for (const problem of ['missing', 'expired', 'invalid', 'login'] as const) {
    if (strongest.some((e) => e.category === problem)) return problem;
  }
  return 'invalid';
}
