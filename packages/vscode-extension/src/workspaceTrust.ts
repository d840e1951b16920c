import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { LanguageStatus } from './languageStatus';
import { METHODS, type WorkspaceTrustChangedParams } from './protocol';

/**
 * The server starts knowing the trust state (initialization options); this tells it when the user grants trust,
 * so it may then honour the workspace's ESLint configuration. A stopped client reads the trust again when it starts.
 */
export function forwardWorkspaceTrust(client: LanguageClient, status: LanguageStatus): vscode.Disposable {
  status.showTrust(vscode.workspace.isTrusted);
  return vscode.workspace.onDidGrantWorkspaceTrust(async () => {
    status.showTrust(true);
    if (!client.needsStart()) {
      const params: WorkspaceTrustChangedParams = { trusted: true };
      await client.sendNotification(METHODS.workspaceTrustChanged, params).catch((error: unknown) => {
        client.error('Telling the server about workspace trust failed', error);
      });
    }
  });
}
