import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PLUGIN_PREFIX } from '../lint/rules';
import type { Problem } from '../lint/problem';
import type { CheckOutcome } from './checker';

export const SOURCE = 'auth-status';

export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/**
 * A diagnostic's `code`: the rule's name without the plugin prefix, which `source` already says; editors show
 * them together ("auth-status(require-www-authenticate)").
 */
export function diagnosticCode(ruleId: string): string {
  return ruleId.startsWith(PLUGIN_PREFIX) ? ruleId.slice(PLUGIN_PREFIX.length) : ruleId;
}

export function toDiagnostic(document: TextDocument, problem: Problem): Diagnostic {
  const relatedInformation: DiagnosticRelatedInformation[] = (problem.explanation?.evidence ?? []).map((evidence) => ({
    location: { uri: document.uri, range: rangeOf(document, evidence.start, evidence.end) },
    message: `${evidence.what}: ${evidence.code}`,
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
    code: diagnosticCode(problem.ruleId),
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
  return problems.find((problem) => diagnosticCode(problem.ruleId) === diagnostic.code && problem.start === start && problem.end === end);
}
