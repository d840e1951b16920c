import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export interface PublishedDiagnostic {
  code?: string | number;
  severity?: number;
}

/**
 * The language server exactly as the .vsix ships it, started with plain Node over stdio: proves the bundle needs
 * no node_modules and that workspace trust decides whether the workspace's ESLint configuration is loaded.
 */
export class BundledServer {
  private readonly published: { uri: string; diagnostics: PublishedDiagnostic[] }[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: PublishedDiagnostic[] }) => {
      this.published.push(params);
      for (const wake of this.waiters) wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
  }

  static async start(serverJs: string, folder: string, trusted: boolean): Promise<BundledServer> {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], cwd: folder });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new BundledServer(child, connection);
    connection.listen();
    const uri = pathToFileURL(folder).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'workspace' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { workspaceTrusted: trusted },
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  async open(file: string, languageId: string): Promise<string> {
    const uri = pathToFileURL(file).href;
    const text = await readFile(file, 'utf8');
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async grantTrust(): Promise<void> {
    await this.connection.sendNotification('authStatus/workspaceTrustChanged', { trusted: true });
  }

  /** The next diagnostics published for `uri` that `accept` likes (earlier ones count too, once each). */
  async diagnostics(uri: string, accept: (diagnostics: PublishedDiagnostic[]) => boolean, timeoutMs: number): Promise<PublishedDiagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.published.findIndex((entry) => entry.uri === uri && accept(entry.diagnostics));
      if (index >= 0) return this.published.splice(0, index + 1).at(-1)!.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published)}`);
      await new Promise<void>((resolve) => {
        const wake = () => (this.waiters.delete(wake), clearTimeout(timer), resolve());
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    await this.connection.sendNotification('exit').catch(() => undefined);
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
