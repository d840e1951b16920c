import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EvidenceSpan, Problem } from '../lint/problem';
import type { CheckOutcome } from './checker';

export const SOURCE = 'auth-status';

const EVIDENCE_LABELS: Record<string, string> = {
  missing: 'the credential is missing here',
  expired: 'the credential has expired here',
  invalid: 'the credential is rejected here',
  login: 'the login failed here',
  authorization: 'a permission is checked here',
  exempt: 'not a request credential here',
};

export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function evidenceLabel(evidence: EvidenceSpan): string {
  return `${EVIDENCE_LABELS[evidence.category] ?? 'evidence'}: ${evidence.quote}`;
}

/** Evidence worth showing: the engine decided on it (conflicting evidence explains nothing). */
export function decidingEvidence(problem: Problem): EvidenceSpan[] {
  const explanation = problem.explanation;
  if (!explanation || (explanation.reason !== 'credential' && explanation.reason !== 'authorization')) return [];
  return explanation.evidence;
}

export function toDiagnostic(document: TextDocument, problem: Problem): Diagnostic {
  const relatedInformation: DiagnosticRelatedInformation[] = decidingEvidence(problem).map((evidence) => ({
    location: { uri: document.uri, range: rangeOf(document, evidence.start, evidence.end) },
    message: evidenceLabel(evidence),
  }));
  const definition = problem.explanation?.definition;
  if (definition) {
    const position = { line: definition.line - 1, character: 0 };
    relatedInformation.push({
      location: { uri: pathToFileURL(definition.file).href, range: { start: position, end: position } },
      message: `the status of \`${definition.name}\` is set here`,
    });
  }
  return {
    range: rangeOf(document, problem.start, problem.end),
    severity: problem.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: problem.ruleId,
    ...(problem.docsUrl ? { codeDescription: { href: problem.docsUrl } } : {}),
    source: SOURCE,
    message: problem.message,
    ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
  };
}

/** Parse errors, crashes and skipped documents show nothing: never a stale problem from an older version. */
export function diagnosticsOf(document: TextDocument, outcome: CheckOutcome): Diagnostic[] {
  return outcome.kind === 'problems' ? outcome.problems.map((problem) => toDiagnostic(document, problem)) : [];
}

/** The problem a client's diagnostic stands for (same rule, same range). */
export function problemOf(document: TextDocument, problems: readonly Problem[], diagnostic: Diagnostic): Problem | undefined {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return problems.find((problem) => problem.ruleId === diagnostic.code && problem.start === start && problem.end === end);
}
