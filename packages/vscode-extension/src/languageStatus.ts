import * as vscode from 'vscode';
import { LANGUAGES, type StatusParams } from './protocol';

export const SHOW_OUTPUT_COMMAND = 'authStatus.showOutput';

/** The "{ } Auth Status" item beside the language mode: what the server is doing; clicking it opens the output. */
export class LanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('authStatus.status', [...LANGUAGES]);
  private server: StatusParams = { state: 'idle' };
  private trusted = vscode.workspace.isTrusted;
  private hiddenForEslint = false;

  constructor() {
    this.item.name = 'Auth Status';
    this.item.command = { title: 'Show output', command: SHOW_OUTPUT_COMMAND };
    this.render();
  }

  showServerStatus(status: StatusParams): void {
    this.server = status;
    this.render();
  }

  showStarting(): void {
    this.showServerStatus({ state: 'linting', message: 'Starting the server' });
  }

  showStopped(message: string): void {
    this.showServerStatus({ state: 'error', message });
  }

  showTrust(trusted: boolean): void {
    this.trusted = trusted;
    this.render();
  }

  /** The active file's problems are shown by the ESLint extension instead of ours. */
  showHiddenForEslint(hidden: boolean): void {
    this.hiddenForEslint = hidden;
    this.render();
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const { state, message } = this.server;
    this.item.busy = state === 'linting';
    this.item.severity = state === 'error' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    this.item.text = state === 'error' ? '$(error) Auth Status' : state === 'linting' ? 'Auth Status: checking' : '$(check) Auth Status';
    this.item.detail = state === 'error' ? message : this.detail();
  }

  private detail(): string | undefined {
    if (this.hiddenForEslint) return 'problems shown by ESLint';
    return this.trusted ? undefined : 'Restricted Mode: recommended rules only';
  }
}
