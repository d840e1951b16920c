import * as vscode from 'vscode';
import { COEXISTENCE_KEY, coexistenceMode, DEPRECATED_COEXISTENCE_KEY } from './coexistenceSetting';
import { EslintPublications } from './eslintPublications';

/**
 * Decides, per document, whether the ESLint extension shows our rules' problems there right now: by watching the
 * diagnostics VS Code holds for the document, never by guessing from configuration files. While ESLint reports
 * `auth-status/*` problems for a document, ours would repeat them (setting `authStatus.duplicateProblems`).
 */
export class EslintCoexistence implements vscode.Disposable {
  private readonly publications = new EslintPublications();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires when the answer changed for some document. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics(({ uris }) => this.observe(uris)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        const keys = [COEXISTENCE_KEY, DEPRECATED_COEXISTENCE_KEY];
        if (keys.some((key) => event.affectsConfiguration(`authStatus.${key}`))) this.changed.fire();
      }),
    );
    this.observe(vscode.languages.getDiagnostics().map(([uri]) => uri));
  }

  /** True when the ESLint extension currently reports our rules for this document, so ours would be duplicates. */
  eslintShowsOurRules(uri: vscode.Uri): boolean {
    const settings = vscode.workspace.getConfiguration('authStatus', uri);
    const mode = coexistenceMode(settings.inspect(COEXISTENCE_KEY), settings.inspect(DEPRECATED_COEXISTENCE_KEY));
    return mode !== 'showBoth' && this.publications.publishesOurRules(uri.toString());
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private observe(uris: readonly vscode.Uri[]): void {
    let flipped = false;
    for (const uri of uris) {
      if (this.publications.observe(uri.toString(), vscode.languages.getDiagnostics(uri))) flipped = true;
    }
    if (flipped) this.changed.fire();
  }
}
