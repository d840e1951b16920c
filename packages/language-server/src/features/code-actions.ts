import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges, fixesAndSuggestions, safeFixes } from '../lint/fix-all';
import type { Problem, TextChange } from '../lint/problem';
import { FIX_ALL_KIND, SHOW_DOCUMENTATION_COMMAND } from '../protocol';
import type { Checked, DocumentChecker } from './checker';
import { problemOf, SOURCE, toDiagnostic } from './diagnostics';
import { disableNextLineChange } from './disable-comment';
import { fixAllEdits, type EditBuilder } from './edits';

export const FIX_ALL_IN_FILE_TITLE = 'Fix all auth-status problems in this file';

/** What `codeAction/resolve` needs to compute a deferred edit. */
interface DeferredFixAll {
  uri: string;
  version: number;
}

/**
 * Per problem: its fix, each suggestion, "Disable <rule> for this line", "Show documentation"; per file: the
 * fix-all quick fix (computed on resolve when the client can, so showing the light bulb stays cheap) and
 * `source.fixAll.authStatus` for fix-on-save.
 */
export class CodeActions {
  /** Whether a change's result parses, per checked result (a light bulb is asked for on every cursor move). */
  private readonly parsing = new WeakMap<Checked, Map<string, Promise<boolean>>>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly checker: DocumentChecker,
    private readonly edits: EditBuilder,
    private readonly clientResolvesEdits: boolean,
  ) {}

  async provide(params: CodeActionParams): Promise<CodeAction[]> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return [];
    const checked = this.checker.cached(document) ?? (await this.checker.check(document));
    if (!checked || checked.outcome.kind !== 'problems' || !this.checker.isCurrent(checked)) return [];
    const problems = checked.outcome.problems;
    const wants = kindFilter(params.context.only);
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const text = document.getText();
      const atCursor = this.problemsAt(document, problems, params);
      let changesHere = false;
      for (const [problem, diagnostic] of atCursor) {
        const parsing = await this.parsingChanges(checked, text, problem);
        changesHere ||= parsing.size > 0;
        actions.push(...this.problemActions(document, problem, diagnostic, parsing));
      }
      const here = new Set(atCursor.map(([problem]) => problem));
      const changesElsewhere = problems.some((problem) => !here.has(problem) && isFixable(problem));
      if (actions.length > 0 && (changesHere || changesElsewhere)) actions.push(await this.fixAllInFile(document, checked));
    }
    if (params.context.only && wants(FIX_ALL_KIND)) {
      const pick = checked.settings.fixAll.includeStatusChanges ? fixesAndSuggestions : safeFixes;
      const edits = await fixAllEdits(document, checked, pick, (result) => this.checker.isCurrent(result));
      if (edits.length > 0) {
        actions.push({ title: 'Fix all auth-status problems (fix-on-save)', kind: FIX_ALL_KIND, edit: this.edits.edit(document, edits) });
      }
    }
    // Edits computed on a version the document no longer has would corrupt it: the client asks again.
    return this.checker.isCurrent(checked) ? actions : [];
  }

  /** Computes the deferred fix-all edit; a document that changed since gets no edit (the client asks again). */
  async resolve(action: CodeAction): Promise<CodeAction> {
    const deferred = action.data as DeferredFixAll | undefined;
    const document = deferred && this.documents.get(deferred.uri);
    if (!document || document.version !== deferred.version) return action;
    const checked = await this.checker.check(document);
    if (!checked) return action;
    const edits = await fixAllEdits(document, checked, fixesAndSuggestions, (result) => this.checker.isCurrent(result));
    if (!this.checker.isCurrent(checked)) return action;
    return { ...action, edit: this.edits.edit(document, edits), data: undefined };
  }

  /**
   * Every fix and preferred suggestion of the file, as the `authStatus/fixAll` request answers it: computed on the
   * version the document has when it is answered (empty, `{}`, when it changed meanwhile: the client asks again).
   */
  async fixAll(uri: string): Promise<ReturnType<EditBuilder['edit']>> {
    const document = this.documents.get(uri);
    const checked = document && (await this.checker.check(document));
    if (!document || !checked) return {};
    const edits = await fixAllEdits(document, checked, fixesAndSuggestions, (result) => this.checker.isCurrent(result));
    return this.checker.isCurrent(checked) ? this.edits.edit(document, edits) : {};
  }

  /** The problem's fix and suggestions whose result parses (without the prefilter): a change that breaks the file is never offered. */
  private async parsingChanges(checked: Checked, text: string, problem: Problem): Promise<Set<TextChange>> {
    let known = this.parsing.get(checked);
    if (!known) this.parsing.set(checked, (known = new Map()));
    const parsing = new Set<TextChange>();
    for (const change of [problem.fix, ...problem.suggestions.map((suggestion) => suggestion.change)]) {
      if (!change || !checked.relint) continue;
      const key = `${change.start}:${change.end}:${change.text}`;
      let parses = known.get(key);
      if (!parses) {
        const relint = checked.relint;
        parses = relint(applyChanges(text, [change])).then((outcome) => outcome.kind !== 'parse-error' && outcome.kind !== 'too-deep');
        known.set(key, parses);
      }
      if (await parses) parsing.add(change);
    }
    return parsing;
  }

  private problemsAt(document: TextDocument, problems: readonly Problem[], params: CodeActionParams): [Problem, Diagnostic][] {
    const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE);
    if (ours.length > 0) {
      return ours.flatMap((diagnostic) => {
        const problem = problemOf(document, problems, diagnostic);
        return problem ? [[problem, diagnostic] as [Problem, Diagnostic]] : [];
      });
    }
    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    return problems
      .filter((problem) => problem.start <= end && problem.end >= start)
      .map((problem) => [problem, toDiagnostic(document, problem)]);
  }

  private problemActions(document: TextDocument, problem: Problem, diagnostic: Diagnostic, parsing: ReadonlySet<TextChange>): CodeAction[] {
    const actions: CodeAction[] = [];
    const quickFix = (title: string, rest: Partial<CodeAction>): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...rest });
    const fix = problem.fix && parsing.has(problem.fix) ? problem.fix : undefined;
    // A rule's fix has no title of its own: the rule offers the same edit as a suggestion that says what it writes.
    const titled = fix && problem.suggestions.find((suggestion) => sameChange(suggestion.change, fix));
    if (fix) {
      actions.push(quickFix(titled?.title ?? `Fix this ${problem.ruleId} problem`, { isPreferred: true, edit: this.edits.change(document, fix) }));
    }
    problem.suggestions
      .filter((suggestion) => suggestion !== titled && parsing.has(suggestion.change))
      .forEach((suggestion, index) => {
        const isPreferred = !fix && index === 0;
        actions.push(quickFix(suggestion.title, { ...(isPreferred ? { isPreferred } : {}), edit: this.edits.change(document, suggestion.change) }));
      });
    const disable = disableNextLineChange(document.getText(), problem.start, problem.ruleId);
    if (disable) actions.push(quickFix(`Disable ${problem.ruleId} for this line`, { edit: this.edits.change(document, disable) }));
    if (problem.docsUrl) {
      const title = `Show documentation for ${problem.ruleId}`;
      actions.push(quickFix(title, { command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [problem.docsUrl] } }));
    }
    return actions;
  }

  private async fixAllInFile(document: TextDocument, checked: Checked): Promise<CodeAction> {
    const action: CodeAction = { title: FIX_ALL_IN_FILE_TITLE, kind: CodeActionKind.QuickFix };
    if (this.clientResolvesEdits) return { ...action, data: { uri: document.uri, version: document.version } satisfies DeferredFixAll };
    const edits = await fixAllEdits(document, checked, fixesAndSuggestions, (result) => this.checker.isCurrent(result));
    return { ...action, edit: this.edits.edit(document, edits) };
  }
}

function sameChange(a: TextChange, b: TextChange): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

function isFixable(problem: Problem): boolean {
  return problem.fix !== undefined || problem.suggestions.length > 0;
}

/** LSP's `only`: a kind is wanted when it equals or refines a requested kind; without `only`, quick fixes. */
function kindFilter(only: readonly string[] | undefined): (kind: string) => boolean {
  if (!only) return (kind) => kind === CodeActionKind.QuickFix;
  return (kind) => only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}
