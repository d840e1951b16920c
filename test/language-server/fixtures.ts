import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const CREDENTIAL_RULE = 'auth-status/require-401-for-credential-failure';
export const CHALLENGE_RULE = 'auth-status/require-www-authenticate';

/** A diagnostic's `code`: the rule's name without the `auth-status/` prefix (its `source` says auth-status). */
export const codeOf = (rule: string) => rule.replace(/^auth-status\//, '');
export const CREDENTIAL_CODE = codeOf(CREDENTIAL_RULE);
export const CHALLENGE_CODE = codeOf(CHALLENGE_RULE);

/**
 * Two findings and a near miss: a 403 for a missing token (wrong: 401), a 401 without a challenge, and a 403
 * after a role check (right: must stay silent).
 */
export const EXPRESS_SOURCE = `import express from 'express';

const app = express();

app.get('/profile', (req, res) => {
  const token = req.headers.authorization;
  if (!token) {
    return res.status(403).json({ message: 'No token provided' });
  }
  res.json({ ok: true });
});

app.get('/account', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(401).json({ message: 'Unauthenticated' });
  }
  res.json({ ok: true });
});

app.delete('/users/:id', (req, res) => {
  if (req.user.role !== 'admin') {
    return res.status(403).json({ message: 'Admins only' });
  }
  res.status(204).end();
});
`;

/** The same code with both findings fixed: nothing to report. */
export const EXPRESS_SOURCE_FIXED = EXPRESS_SOURCE.replace(
  "res.status(403).json({ message: 'No token provided' })",
  "res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json({ message: 'No token provided' })",
).replace(
  "res.status(401).json({ message: 'Unauthenticated' })",
  "res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json({ message: 'Unauthenticated' })",
);

/** Range of the `occurrence`-th (0-based) appearance of `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const document = TextDocument.create('file:///range', 'typescript', 0, text);
  return { start: document.positionAt(index), end: document.positionAt(index + needle.length) };
}

/** Rule and range of each diagnostic, sorted, for exact comparison. */
export function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character}`)
    .sort();
}

export function expectedSummary(text: string, findings: readonly [rule: string, needle: string, occurrence?: number][]): string[] {
  return summary(findings.map(([rule, needle, occurrence]) => ({ code: codeOf(rule), range: rangeOf(text, needle, occurrence), message: '' })));
}

/** The two findings of EXPRESS_SOURCE: the first `403` and the `401`. */
export const EXPRESS_FINDINGS: [string, string, number][] = [
  [CREDENTIAL_RULE, '403', 0],
  [CHALLENGE_RULE, '401', 0],
];

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
