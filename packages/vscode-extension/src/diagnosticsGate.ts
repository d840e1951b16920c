import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import type { EslintCoexistence } from './coexistence/eslintCoexistence';

export interface DiagnosticsGateEvents {
  /** The first problems reached the editor (for the activation-time log). */
  firstProblems(uri: vscode.Uri, count: number): void;
  /** Problems of a file are hidden because the ESLint extension reports them; once per file until shown again. */
  hiddenForEslint(uri: vscode.Uri, count: number): void;
}

/**
 * Sits between the language server and the editor: hides our problems and quick fixes in files while the ESLint
 * extension is seen reporting them (see `EslintCoexistence`), and reports when the first problems arrive. VS Code
 * pulls diagnostics (`textDocument/diagnostic`), so that is the only path filtered; after the coexistence answer
 * changes, the caller asks the client to pull again.
 */
export class DiagnosticsGate {
  private readonly hiddenWhenPulled = new Map<string, boolean>();
  private readonly announcedHidden = new Set<string>();
  private firstProblemsSeen = false;

  constructor(
    private readonly coexistence: EslintCoexistence,
    private readonly events: DiagnosticsGateEvents,
  ) {}

  readonly middleware: Middleware = {
    provideDiagnostics: async (document, previousResultId, token, next) => {
      const uri = document instanceof vscode.Uri ? document : document.uri;
      const hidden = this.coexistence.eslintShowsOurRules(uri);
      const key = uri.toString();
      // After hiding or showing again, ask for a full report: an "unchanged" one would keep the old list.
      const resultId = this.hiddenWhenPulled.get(key) === hidden ? previousResultId : undefined;
      this.hiddenWhenPulled.set(key, hidden);
      const report = await next(document, resultId, token);
      if (report?.kind !== 'full') return report;
      this.noteProblems(key, uri, report.items.length, hidden);
      return hidden ? { ...report, items: [] } : report;
    },
    provideCodeActions: (document, range, context, token, next) =>
      this.coexistence.eslintShowsOurRules(document.uri) ? [] : next(document, range, context, token),
    didClose: (document, next) => {
      this.hiddenWhenPulled.delete(document.uri.toString());
      this.announcedHidden.delete(document.uri.toString());
      return next(document);
    },
  };

  private noteProblems(key: string, uri: vscode.Uri, count: number, hidden: boolean): void {
    if (!hidden) this.announcedHidden.delete(key);
    if (count === 0) return;
    if (hidden && !this.announcedHidden.has(key)) {
      this.announcedHidden.add(key);
      this.events.hiddenForEslint(uri, count);
    } else if (!hidden && !this.firstProblemsSeen) {
      this.firstProblemsSeen = true;
      this.events.firstProblems(uri, count);
    }
  }
}
