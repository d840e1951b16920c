import type { CredentialProblem } from './challenge';
import { words, type Node, type SourceCode } from './ast';
import type { ResponseSite } from './types';
import { EvidenceFinder } from './evidence/checks';
import { decide } from './evidence/decision';
import { SourceClassifier } from './evidence/sources';

export type EvidenceCategory = CredentialProblem | 'authorization' | 'exempt';

export interface Evidence {
  category: EvidenceCategory;
  /** 2: decisive on its own (a `!token` check on the Authorization header); 1: suggestive (a message, a name). */
  strength: 1 | 2;
  node: Node;
  /** The code or text that shows it, short: "`!token`", "\"Token expired\"". */
  quote: string;
  /** Evidence read only from a name (of a function, route or variable): it may break a tie, never decide. */
  nameOnly?: true;
  /** Found in one of several conditions any of which sends the response (`!session || role !== 'admin'`). */
  alternative?: true;
  /** A missing identity read from state an earlier middleware or guard set (`req.user`), not fetched here. */
  earlierState?: true;
  /** What the quoted check stands for, when the quote alone does not say it ("`requireAdmin` answers null …"). */
  detail?: string;
}

export type Reason =
  | { kind: 'credential'; problem: CredentialProblem; evidence: Evidence[] }
  | { kind: 'authorization'; evidence: Evidence[] }
  /**
   * One response answers two failures that want different statuses, each decided by its own alternative
   * (`!session || session.role !== 'admin'`): the check must be split.
   */
  | { kind: 'split'; problem: CredentialProblem; credential: Evidence[]; authorization: Evidence[]; evidence: Evidence[] }
  | { kind: 'exempt'; evidence: Evidence[] }
  /**
   * Undecided; `leaning` is what the hints would say if names counted fully. It may describe a problem (the
   * challenge's `error` attribute) or hold a report back; it never makes one.
   */
  | { kind: 'unknown'; evidence: Evidence[]; leaning?: { kind: 'credential'; problem: CredentialProblem } | { kind: 'authorization' } };

/** Words of a request signed by another system (webhooks, platform request signatures). */
const SIGNED_REQUEST_WORDS = new Set(['signature', 'signatures', 'hmac', 'webhook', 'webhooks', 'signed', 'stripe']);

/**
 * A response to a request signed by another system rather than sent with a user's credential: semantics.md
 * leaves its status to that system's contract, so no rule judges it, not even the challenge rule.
 */
export function answersSignedRequest(sourceCode: SourceCode, reason: Reason): boolean {
  if (reason.kind !== 'exempt') return false;
  const sources = new SourceClassifier(sourceCode);
  // `!verified` where `verified = await webhooks.verify(body, signature)`: what the checked value was read from.
  return reason.evidence.some((e) => [...words(e.quote), ...sources.sourceWords(e.node)].some((word) => SIGNED_REQUEST_WORDS.has(word)));
}

/**
 * Why a response is sent, from the code around it: the innermost guarding condition (or catch clause, or
 * verifier callback) that says anything, the response's own message, and the enclosing function and route.
 * Decides only on clear evidence; conflicting or weak evidence gives `unknown`.
 */
export function reasonFor(sourceCode: SourceCode, site: ResponseSite): Reason {
  const finder = new EvidenceFinder(sourceCode);
  const ownGuard = site.guard ? finder.condition(site.guard.test, site.guard.holds) : [];
  const guard = ownGuard.length > 0 ? ownGuard : finder.decidingGuard(site.node);
  // The same words said twice (a message and its copy in the error's details) are one hint, not two.
  const messages = site.messages
    .flatMap((message) => finder.messageEvidence(message))
    .filter((found, index, all) => all.findIndex((other) => other.category === found.category && other.quote === found.quote) === index);
  const names = (site.names ?? []).flatMap((name) => finder.nameEvidence(name));
  const context = finder.contextEvidence(site.node);
  return decide([...guard, ...messages, ...names, ...context]);
}
