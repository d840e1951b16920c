import { bindingOf, isAncestor, skipWrappers, type Node, type SourceCode } from '../ast';
import { T } from '../node-types';
import type { Evidence, EvidenceCategory, Reason } from '../reason';
import type { ResponseSite } from '../types';
import { plainQuote, quoteCode } from '../../util/describe';
import { referencedIdentifiers, walk } from './expressions';

/** One line of "why" for an editor's related information: where in the code, and what that code is. */
export interface EvidenceRow {
  node: Node;
  /** What the code is: "missing-credential check", "Authorization header read here", "response message". */
  what: string;
  /** The code, on one line and short, without markup: "!token", "req.headers.authorization". */
  code: string;
}

const CHECKED: Partial<Record<EvidenceCategory, string>> = {
  missing: 'missing-credential',
  expired: 'expired-credential',
  invalid: 'invalid-credential',
  login: 'failed-login',
  authorization: 'permission',
};

/** How far a checked value is followed back through the variables it was assigned from. */
const MAX_HOPS = 4;

/**
 * The rows a decided reason shows: each failing check, where the credential it tests was read from the request,
 * and the response's own message. Never a name (of the enclosing function, say): a name decides nothing and is
 * not where the credential fails. Undecided reasons explain nothing and show no rows.
 */
export function evidenceRows(sourceCode: SourceCode, site: ResponseSite, reason: Reason): EvidenceRow[] {
  if (reason.kind !== 'credential' && reason.kind !== 'authorization') return [];
  const shown = reason.evidence.filter((evidence) => !evidence.nameOnly);
  const inMessage = (evidence: Evidence) => site.messages.some((message) => message === evidence.node || isAncestor(message, evidence.node));
  const checks = shown.filter((evidence) => !inMessage(evidence));
  const rows: EvidenceRow[] = checks.map((evidence) => ({
    node: evidence.node,
    what: `${CHECKED[evidence.category]} ${isErrorName(site, evidence) ? 'error' : 'check'}`,
    code: plainQuote(evidence.quote),
  }));
  if (reason.kind === 'credential') {
    for (const check of checks) {
      const read = credentialRead(sourceCode, check.node);
      if (read) rows.push(read);
    }
  }
  rows.push(...shown.filter(inMessage).map((evidence) => ({ node: evidence.node, what: 'response message', code: plainQuote(evidence.quote) })));
  return distinct(rows);
}

/** Evidence read from the error the site throws or sends (`new TokenExpiredError()`), not from a condition. */
function isErrorName(site: ResponseSite, evidence: Evidence): boolean {
  return (site.names ?? []).some((name) => name === evidence.node);
}

function distinct(rows: EvidenceRow[]): EvidenceRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.node.range[0]}:${row.node.range[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Where the checked value was read from the request: a header or cookie read inside the check itself
 * (`!req.headers.authorization`) or in the initial value of a variable it tests (`const header = ctx.get(…)`),
 * followed a few assignments back. Null when the value comes from anywhere else.
 */
function credentialRead(sourceCode: SourceCode, check: Node, hops = 0, seen = new Set<Node>()): EvidenceRow | null {
  if (hops > MAX_HOPS || seen.has(check)) return null;
  seen.add(check);
  let found: EvidenceRow | null = null;
  walk(check, (node) => {
    if (found || (node.type !== T.MemberExpression && node.type !== T.CallExpression)) return;
    const what = requestRead(sourceCode.getText(node));
    if (what) found = { node, what: `${what} read here`, code: quoteCode(sourceCode.getText(node)) };
  });
  if (found) return found;
  for (const identifier of referencedIdentifiers(check)) {
    const binding = bindingOf(sourceCode, identifier);
    if (!binding || binding.kind === 'import' || binding.kind === 'param' || !binding.init) continue;
    // `const { authorization } = req.headers`: the property read is the destructured key of the initial value.
    if (binding.key !== undefined) {
      const read = `${sourceCode.getText(skipWrappers(binding.init))}.${binding.key}`;
      const what = requestRead(read);
      if (what) return { node: binding.init, what: `${what} read here`, code: quoteCode(read) };
      continue;
    }
    const read = credentialRead(sourceCode, binding.init, hops + 1, seen);
    if (read) return read;
  }
  return null;
}

const AUTHORIZATION_HEADER = /\b(headers?|get|getHeader)\b[^;]*\bauthorization\b/i;
const NAMED_HEADER = /\bheaders?\b\s*(?:\.\s*get\s*\(\s*|\(\s*|\[\s*|\.\s*)['"]?([\w-]*(?:key|token|auth|session)[\w-]*)/i;
const COOKIE = /\bcookies?\b\s*(?:\.\s*get\s*\(\s*['"]([\w-]+)['"]|\[\s*['"]([\w-]+)['"]|\.\s*([\w$]+))?/i;

/** What a request read gets, from its code: "Authorization header", "x-api-key header", "session cookie". */
function requestRead(code: string): string | null {
  if (AUTHORIZATION_HEADER.test(code)) return 'Authorization header';
  const header = NAMED_HEADER.exec(code);
  if (header) return `${header[1]} header`;
  const cookie = COOKIE.exec(code);
  if (cookie) {
    const name = cookie[1] ?? cookie[2] ?? cookie[3];
    return name && name !== 'get' ? `${name} cookie` : 'cookie';
  }
  return null;
}
