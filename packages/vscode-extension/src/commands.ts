import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceEdit } from 'vscode-languageclient/node';
import { SHOW_OUTPUT_COMMAND } from './languageStatus';
import { LANGUAGES, METHODS, SHOW_DOCUMENTATION_COMMAND, type FixAllParams } from './protocol';

export function registerCommands(client: LanguageClient, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('authStatus.fixAll', () => fixAllInActiveEditor(client)),
    vscode.commands.registerCommand('authStatus.restartServer', () => restartServer(client)),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
  );
}

/**
 * Code actions may carry `authStatus.showDocumentation`. A server that executes it itself declares it, and the
 * language client then registers it: call this after the client started, so the two never collide.
 */
export async function registerDocumentationCommandUnlessServerDoes(): Promise<vscode.Disposable> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(SHOW_DOCUMENTATION_COMMAND)) return new vscode.Disposable(() => undefined);
  return vscode.commands.registerCommand(SHOW_DOCUMENTATION_COMMAND, openDocumentation);
}

async function fixAllInActiveEditor(client: LanguageClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined || !(LANGUAGES as readonly string[]).includes(document.languageId)) {
    void vscode.window.showInformationMessage('Auth Status: open a JavaScript or TypeScript file to fix its problems.');
    return;
  }
  try {
    const params: FixAllParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
    const edit = await client.sendRequest<WorkspaceEdit | null>(METHODS.fixAll, params);
    const workspaceEdit = edit ? await client.protocol2CodeConverter.asWorkspaceEdit(edit) : undefined;
    if (workspaceEdit === undefined || workspaceEdit.size === 0) {
      void vscode.window.showInformationMessage('Auth Status: nothing to fix in this file.');
      return;
    }
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
      void vscode.window.showWarningMessage('Auth Status: the file changed while the fixes were computed; run the command again.');
    }
  } catch (error) {
    client.error('Fix all problems in this file failed', error, 'force');
  }
}

async function restartServer(client: LanguageClient): Promise<void> {
  try {
    await client.restart();
  } catch (error) {
    client.error('Restarting the Auth Status server failed', error, 'force');
  }
}

/** Opens a rule's documentation; the URL comes from the server, so only web addresses are accepted. */
async function openDocumentation(url: unknown): Promise<void> {
  const uri = typeof url === 'string' ? vscode.Uri.parse(url, true) : undefined;
  if (uri === undefined || (uri.scheme !== 'https' && uri.scheme !== 'http')) {
    void vscode.window.showWarningMessage(`Auth Status: cannot open documentation at ${String(url)}.`);
    return;
  }
  await vscode.env.openExternal(uri);
}
