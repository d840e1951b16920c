import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { DocumentDiagnosticRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client';
import { EslintCoexistence } from './coexistence/eslintCoexistence';
import { registerCommands, registerDocumentationCommandUnlessServerDoes } from './commands';
import { DiagnosticsGate } from './diagnosticsGate';
import { LanguageStatus } from './languageStatus';
import { METHODS, type StatusParams } from './protocol';
import { forwardWorkspaceTrust } from './workspaceTrust';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const startedAt = performance.now();
  const sinceStart = () => `${Math.round(performance.now() - startedAt)} ms after the extension started`;
  const output = vscode.window.createOutputChannel('Auth Status', { log: true });
  const status = new LanguageStatus();
  const coexistence = new EslintCoexistence();
  const gate = new DiagnosticsGate(coexistence, {
    firstProblems: (uri, count) =>
      output.info(`[timing] first problems (${count} in ${vscode.workspace.asRelativePath(uri)}) ${sinceStart()}`),
    hiddenForEslint: (uri, count) =>
      output.info(
        `Not showing ${count} problem(s) in ${vscode.workspace.asRelativePath(uri)}: the ESLint extension reports the ` +
          'auth-status rules there; they show again when it stops (setting authStatus.duplicateProblems).',
      ),
  });
  const languageClient = createLanguageClient({
    serverModule: context.asAbsolutePath('dist/server.js'),
    compileCacheDir: vscode.Uri.joinPath(context.globalStorageUri, 'node-compile-cache').fsPath,
    outputChannel: output,
    middleware: gate.middleware,
  });
  client = languageClient;

  const showWhetherEslintShowsProblems = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    status.showHiddenForEslint(uri !== undefined && coexistence.eslintShowsOurRules(uri));
  };
  context.subscriptions.push(
    output,
    status,
    coexistence,
    languageClient,
    registerCommands(languageClient, output),
    forwardWorkspaceTrust(languageClient, status),
    languageClient.onNotification(METHODS.status, (params: StatusParams) => status.showServerStatus(params)),
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Starting) status.showStarting();
      else if (newState === State.Running) status.showServerStatus({ state: 'idle' });
      else status.showStopped('The server stopped: see the output, then run "Auth Status: Restart server".');
    }),
    coexistence.onDidChange(() => {
      if (languageClient.isRunning()) languageClient.getFeature(DocumentDiagnosticRequest.method).refresh();
      showWhetherEslintShowsProblems();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => showWhetherEslintShowsProblems()),
  );
  showWhetherEslintShowsProblems();

  try {
    await languageClient.start();
    output.info(`[timing] server ready ${sinceStart()}`);
    context.subscriptions.push(await registerDocumentationCommandUnlessServerDoes());
  } catch (error) {
    languageClient.error('The Auth Status server did not start', error, 'force');
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
