import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SettingsStore } from '../workspace/settings-store';
import type { Checked, DocumentChecker } from './checker';
import { diagnosticsOf } from './diagnostics';

/** Quiet time after the last keystroke before a pushed re-check (pull clients pace themselves). */
export const DEBOUNCE_MS = 200;
/**
 * Quiet time after an incremental answer before the full lint that confirms (or corrects) it: longer than the
 * pauses of someone typing (up to a second), so that lint — hundreds of milliseconds of CPU and garbage on a long
 * document, in the worker — does not compete with the next keystroke's answer, and is not spent on a version
 * the next keystroke makes stale. (At 300 ms, typing with 300 ms pauses met it on every keystroke.)
 */
export const CONFIRM_AFTER_MS = 1500;

type Trigger = 'open' | 'change' | 'save' | 'configuration';

interface Report {
  resultId: string;
  version: number;
  diagnostics: Diagnostic[];
}

export interface PublisherOptions {
  /** The client pulls (`textDocument/diagnostic`); otherwise the server pushes. */
  pull: boolean;
  /** The client accepts `workspace/diagnostic/refresh`. */
  refresh: boolean;
}

/**
 * Brings diagnostics to the client: pushed after a debounce, or answered when pulled. Either way only the
 * latest version of a document is ever reported, and work for a superseded version is dropped. An answer from
 * an incremental check is confirmed by a full lint once the user pauses; if that differs, it is pushed again,
 * or the client is asked to pull again (`workspace/diagnostic/refresh`).
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; trigger: Trigger }>();
  private readonly confirmations = new Map<string, NodeJS.Timeout>();
  /** What the client was last given per document: `run: onSave` keeps showing it while the user types. */
  private readonly reports = new Map<string, Report>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly checker: DocumentChecker,
    private readonly settings: SettingsStore,
    private readonly options: PublisherOptions,
    /** Called once the diagnostics of a version are handed to the connection (pulled or pushed). */
    private readonly answered: (uri: string, version: number) => void = () => undefined,
  ) {}

  get pulls(): boolean {
    return this.options.pull;
  }

  opened(document: TextDocument): void {
    if (!this.options.pull) this.schedule(document.uri, 'open', 0);
  }

  changed(document: TextDocument): void {
    clearTimeout(this.confirmations.get(document.uri));
    if (!this.options.pull) this.schedule(document.uri, 'change', DEBOUNCE_MS);
  }

  saved(document: TextDocument): void {
    if (!this.options.pull) {
      this.schedule(document.uri, 'save', 0);
      return;
    }
    void this.settings.settingsFor(document.uri).then(async (settings) => {
      if (settings.run !== 'onSave') return;
      const checked = await this.checker.check(document);
      if (checked && this.checker.isCurrent(checked)) this.remember(document, checked);
      if (this.options.refresh) await this.connection.languages.diagnostics.refresh();
    });
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri)?.timer);
    this.timers.delete(uri);
    clearTimeout(this.confirmations.get(uri));
    this.confirmations.delete(uri);
    this.reports.delete(uri);
    if (!this.options.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings, trust or config files changed: re-check every open document. */
  configurationChanged(): void {
    this.reports.clear();
    if (this.options.pull) {
      if (this.options.refresh) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of this.documents.all()) this.schedule(document.uri, 'configuration', 0);
  }

  /** Modules these documents import changed: re-check them (push) or ask the client to pull again. */
  dependenciesChanged(uris: readonly string[]): void {
    if (uris.length === 0) return;
    for (const uri of uris) this.reports.delete(uri);
    if (this.options.pull) {
      if (this.options.refresh) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const uri of uris) this.schedule(uri, 'configuration', 0);
  }

  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await this.settings.settingsFor(document.uri);
    const kept = this.reports.get(document.uri);
    const checked =
      settings.run === 'onSave' && kept
        ? undefined
        : (this.checker.cached(document) ?? (await this.checkLatest(document, token)));
    const report = checked ? this.remember(document, checked) : kept!;
    if (checked && !checked.exact) this.confirmLater(document.uri);
    this.answered(document.uri, report.version);
    return params.previousResultId === report.resultId
      ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId }
      : { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.diagnostics };
  }

  /** Lets queued cancellations and newer edits in first, so a superseded pull is answered without linting. */
  private async checkLatest(document: TextDocument, token: CancellationToken): Promise<Checked> {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled');
    const checked = this.checker.isLatest(document) ? await this.checker.checkQuickly(document) : undefined;
    if (!checked || !this.checker.isCurrent(checked)) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; pull again.', { retriggerRequest: true });
    }
    return checked;
  }

  private remember(document: TextDocument, checked: Checked): Report {
    const report = { resultId: checked.resultId, version: checked.version, diagnostics: diagnosticsOf(document, checked.outcome) };
    this.reports.set(document.uri, report);
    return report;
  }

  /** Typing postpones a pending re-check; it never postpones one that is due now (open, save, configuration). */
  private schedule(uri: string, trigger: Trigger, delay: number): void {
    const pending = this.timers.get(uri);
    if (pending && trigger === 'change' && pending.trigger !== 'change') return;
    clearTimeout(pending?.timer);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.push(uri, trigger);
    }, delay);
    this.timers.set(uri, { timer, trigger });
  }

  /** Shutdown: nothing more is pushed. */
  dispose(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const timer of this.confirmations.values()) clearTimeout(timer);
    this.confirmations.clear();
  }

  private confirmLater(uri: string): void {
    clearTimeout(this.confirmations.get(uri));
    const timer = setTimeout(() => {
      this.confirmations.delete(uri);
      void this.confirm(uri);
    }, CONFIRM_AFTER_MS);
    this.confirmations.set(uri, timer);
  }

  /** The full lint of the version last answered incrementally: republished only when it differs. */
  private async confirm(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const checked = await this.checker.check(document);
    if (!checked || !this.checker.isCurrent(checked) || this.reports.get(uri)?.resultId === checked.resultId) return;
    const report = this.remember(document, checked);
    if (!this.options.pull) await this.connection.sendDiagnostics({ uri, version: report.version, diagnostics: report.diagnostics });
    else if (this.options.refresh) await this.connection.languages.diagnostics.refresh();
  }

  private async push(uri: string, trigger: Trigger): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    if (trigger === 'change' && (await this.settings.settingsFor(uri)).run === 'onSave') return;
    const checked = trigger === 'change' ? await this.checker.checkQuickly(document) : await this.checker.check(document);
    if (!checked || !this.checker.isCurrent(checked)) return;
    const report = this.remember(document, checked);
    if (!checked.exact) this.confirmLater(uri);
    await this.connection.sendDiagnostics({ uri, version: report.version, diagnostics: report.diagnostics });
    this.answered(uri, report.version);
  }
}
