import { MarkupKind, type Hover, type HoverParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../lint/problem';
import { OFF_THREAD_FROM, type DocumentChecker } from './checker';
import { rangeOf } from './diagnostics';
import { explain, RFC_SECTIONS } from './explain';

const RFC_9110 = 'https://www.rfc-editor.org/rfc/rfc9110';
/** How long a hover waits for a lint that is under way (on this thread). */
export const HOVER_WAIT_MS = 100;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Hover on a flagged status: what the status sent does to clients in this case, the evidence, the RFC sections.
 * The diagnostic's message is shown beside it by the editor, so the hover never repeats it; nor the evidence,
 * when the editor shows the diagnostic's related information with it (`showsRelatedInformation`, VS Code).
 */
export class HoverProvider {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly checker: DocumentChecker,
    private readonly showsRelatedInformation: boolean,
  ) {}

  async provide(params: HoverParams): Promise<Hover | null> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    // A hover is worth little late: one that would wait for a long lint answers nothing now. A document linted in
    // the worker takes seconds: no point waiting at all.
    const wait = document.getText().length >= OFF_THREAD_FROM ? 0 : HOVER_WAIT_MS;
    const checked = this.checker.cached(document) ?? (await within(this.checker.check(document), wait));
    if (!checked || checked.outcome.kind !== 'problems' || !this.checker.isCurrent(checked)) return null;
    const offset = document.offsetAt(params.position);
    const problem = checked.outcome.problems.find((candidate) => candidate.start <= offset && offset <= candidate.end);
    if (!problem) return null;
    return {
      range: rangeOf(document, problem.start, problem.end),
      contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(document, problem, !this.showsRelatedInformation) },
    };
  }
}

export function hoverMarkdown(document: TextDocument, problem: Problem, withEvidence: boolean): string {
  const { sentence, rfc } = explain(problem);
  const lines = [sentence];
  const evidence = withEvidence ? (problem.explanation?.evidence ?? []) : [];
  if (evidence.length > 0) {
    lines.push('');
    for (const span of evidence) lines.push(`- line ${document.positionAt(span.start).line + 1}, ${span.what}: \`${span.code}\``);
  }
  const sections = rfc.map((section) => `[RFC 9110 §${section} ${RFC_SECTIONS[section]}](${RFC_9110}#section-${section})`);
  lines.push('', sections.join(' · '));
  return lines.join('\n');
}
