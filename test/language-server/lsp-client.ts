import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  LogTraceNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  SetTraceNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type LogMessageParams,
  type LogTraceParams,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER_BIN = path.resolve(__dirname, '../../packages/language-server/bin/auth-status-language-server.js');

export interface ClientOptions {
  /** Declare `textDocument.diagnostic` (pull); otherwise the server pushes. */
  pull?: boolean;
  /** `initializationOptions.workspaceTrusted`. */
  trusted?: boolean;
  rootPath?: string;
  /** Answers `workspace/configuration` for section `authStatus` (a promise: the answer waits for it). */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Extra Node options for the server process (e.g. `--require` a fault injector). */
  nodeOptions?: string[];
  /** Variables added to this process's environment for the server process (`SERVER_ENVIRONMENT`, as editors set it). */
  env?: Record<string, string>;
  /** Another build's server bin (the benchmark compares with an earlier commit); default: this checkout's. */
  serverBin?: string;
  capabilities?: ClientCapabilities;
  /** Merged into `initializationOptions` (beside `workspaceTrusted`). */
  initializationOptions?: Record<string, unknown>;
}

interface PushedDiagnostics extends PublishDiagnosticsParams {
  receivedAt: number;
}

/** A language client over a real stdio JSON-RPC connection to the built server bin. */
export class LspTestClient {
  readonly pushed: PushedDiagnostics[] = [];
  readonly logs: LogMessageParams[] = [];
  /** `$/logTrace` notifications: the server sends them only after `trace('verbose')` (or `'messages'`). */
  readonly traces: LogTraceParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly registrations: Registration[] = [];
  readonly configurationRequests: unknown[] = [];
  initializeResult!: InitializeResult;
  private readonly listeners = new Set<() => void>();
  private exitCode: Promise<number | null>;
  private readonly documents = new Map<string, TextDocument>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    private readonly settings: (scopeUri: string | undefined) => unknown,
  ) {
    this.exitCode = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.pushed.push({ ...params, receivedAt: performance.now() });
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
      this.notify();
    });
    // Replaces the connection's own `$/logTrace` handler, which would only print them.
    connection.onNotification(LogTraceNotification.type, (params) => {
      this.traces.push(params);
      this.notify();
    });
    connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.notify();
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      return Promise.all(params.items.map((item) => (item.section === 'authStatus' ? this.settings(item.scopeUri) : null)));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      this.notify();
    });
    connection.onRequest((method, params) => {
      this.notifications.push({ method, params });
      this.notify();
      return null;
    });
  }

  static async start(options: ClientOptions = {}): Promise<LspTestClient> {
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), options.serverBin ?? SERVER_BIN, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, options.settings ?? (() => ({})));
    connection.listen();
    const rootUri = options.rootPath ? fileUri(options.rootPath) : null;
    const capabilities: ClientCapabilities = options.capabilities ?? {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        diagnostics: { refreshSupport: options.pull === true },
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          resolveSupport: { properties: ['edit'] },
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
      window: { showDocument: { support: true } },
    };
    try {
      client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri,
        workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
        capabilities,
        initializationOptions: { workspaceTrusted: options.trusted === true, ...options.initializationOptions },
      });
    } catch (error) {
      throw new Error(`initialize failed: ${String(error)}\n${stderr}`, { cause: error });
    }
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** `$/setTrace`: asks the server for `$/logTrace` notifications. */
  async trace(value: 'off' | 'messages' | 'verbose'): Promise<void> {
    await this.connection.sendNotification(SetTraceNotification.type, { value });
  }

  async open(uri: string, text: string, languageId = 'typescript'): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one change and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.document(uri);
    const version = document.version + 1;
    this.documents.set(uri, TextDocument.update(document, changes, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async replace(uri: string, text: string): Promise<number> {
    return this.change(uri, [{ text }]);
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  /** Applies a workspace edit to the client's copy of the document and tells the server. */
  async apply(uri: string, edit: WorkspaceEdit): Promise<string> {
    const edits = edit.changes?.[uri] ?? edit.documentChanges?.flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : [])) ?? [];
    if (edits.length === 0) throw new Error('The edit changes nothing in the document.');
    const text = TextDocument.applyEdits(this.document(uri), edits as never);
    await this.replace(uri, text);
    return text;
  }

  /** Resolves with the first pushed diagnostics for `uri` (after `since`) that satisfy `accept`. */
  waitForPush(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, since = 0, timeout = 15000): Promise<PushedDiagnostics> {
    return this.waitFor(() => this.pushed.slice(since).find((params) => params.uri === uri && accept(params)), timeout, `diagnostics for ${uri}`);
  }

  /** Resolves with the params of the first matching notification or request from the server (after `since`). */
  async waitForTrace(message: string, since = 0, timeout = 15000): Promise<LogTraceParams> {
    return this.waitFor(() => this.traces.slice(since).find((params) => params.message === message), timeout, `a trace ${message}`);
  }

  async waitForNotification(method: string, accept: (params: unknown) => boolean = () => true, since = 0, timeout = 15000): Promise<unknown> {
    const entry = await this.waitFor(
      () => this.notifications.slice(since).find((candidate) => candidate.method === method && accept(candidate.params)),
      timeout,
      method,
    );
    return entry.params;
  }

  waitForRegistration(method: string, timeout = 15000): Promise<Registration> {
    return this.waitFor(() => this.registrations.find((registration) => registration.method === method), timeout, `registration of ${method}`);
  }

  waitForLog(pattern: RegExp, timeout = 15000): Promise<LogMessageParams> {
    return this.waitFor(() => this.logs.find((log) => pattern.test(log.message)), timeout, `a log matching ${pattern}`);
  }

  /** Sends shutdown and exit; resolves with the process exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exitCode;
    this.connection.dispose();
    return code;
  }

  exited(): Promise<number | null> {
    return this.exitCode;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private waitFor<T>(find: () => T | undefined, timeout: number, what: string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const listener = () => {
        const value = find();
        if (value === undefined) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`Timed out waiting for ${what}`));
      }, timeout);
      this.listeners.add(listener);
    });
  }
}

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}
