import * as path from 'node:path';
import * as vscode from 'vscode';
import { ESLINT_CONFIG_FILES, findEslintConfig } from './eslintConfig';

export const ESLINT_EXTENSION_ID = 'dbaeumer.vscode-eslint';

export type CoexistenceMode = 'auto' | 'showBoth';

/**
 * Decides, per file, whether the ESLint extension already shows our rules' problems — it is installed and enabled
 * and the ESLint configuration that applies to the file mentions `auth-status` — so that ours are hidden there
 * (setting `authStatus.eslintCoexistence`).
 */
export class EslintCoexistence implements vscode.Disposable {
  private readonly configByDirectory = new Map<string, Promise<boolean>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires when the answer may have changed for some file. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${ESLINT_CONFIG_FILES.join(',')}}`);
    const forget = () => this.forgetConfigs();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(forget),
      watcher.onDidChange(forget),
      watcher.onDidDelete(forget),
      vscode.extensions.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeWorkspaceFolders(forget),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('authStatus.eslintCoexistence') || event.affectsConfiguration('eslint.enable')) {
          this.changed.fire();
        }
      }),
    );
  }

  /** True when our problems for this file would repeat what the ESLint extension shows. */
  async eslintShowsOurRules(uri: vscode.Uri): Promise<boolean> {
    const mode = vscode.workspace.getConfiguration('authStatus', uri).get<CoexistenceMode>('eslintCoexistence', 'auto');
    if (mode === 'showBoth' || !isEslintExtensionEnabled(uri)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder === undefined || uri.scheme !== 'file') return false;
    const directory = path.dirname(uri.fsPath);
    let answer = this.configByDirectory.get(directory);
    if (answer === undefined) {
      answer = findEslintConfig(directory, folder.uri.fsPath, (file) => readText(vscode.Uri.file(file)))
        .then((finding) => finding.enablesOurRules);
      this.configByDirectory.set(directory, answer);
    }
    return answer;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private forgetConfigs(): void {
    this.configByDirectory.clear();
    this.changed.fire();
  }
}

/** `getExtension` only returns installed extensions that are enabled; `eslint.enable` can still switch it off. */
function isEslintExtensionEnabled(uri: vscode.Uri): boolean {
  return (
    vscode.extensions.getExtension(ESLINT_EXTENSION_ID) !== undefined &&
    vscode.workspace.getConfiguration('eslint', uri).get<boolean>('enable', true)
  );
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
