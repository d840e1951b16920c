import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActions } from './features/code-actions';
import { DocumentChecker } from './features/checker';
import { EditBuilder } from './features/edits';
import { HoverProvider } from './features/hover';
import { DiagnosticsPublisher } from './features/publisher';
import { EDIT_TIMING_TRACE, EditTiming } from './features/edit-timing';
import { LintEngine } from './lint/engine';
import type { BufferChanges, LintAnswers, LintMode, LintRequest } from './lint/lint-worker';
import { HeapKeeper } from './memory';
import {
  FIX_ALL_KIND,
  FixAllRequest,
  SHOW_DOCUMENTATION_COMMAND,
  StatusNotification,
  WorkspaceTrustChangedNotification,
  type InitializationOptions,
} from './protocol';
import { WorkerClient } from './threads';
import { defaultSettings } from './settings';
import { filePathOf } from './uri';
import { ESLINT_CONFIG_FILE, ESLINT_CONFIG_GLOB, WorkspaceEslintConfig } from './workspace/eslint-config';
import { BufferMirror } from './workspace/buffer-mirror';
import { EditJournal } from './workspace/edit-journal';
import { INDEXED_FILES_GLOB, ProjectIndexSync } from './workspace/project-index-sync';
import { RuleSource } from './workspace/rule-source';
import { SettingsStore } from './workspace/settings-store';

export const SERVER_NAME = 'auth-status-language-server';

/** Old-generation limit of the lint worker (`AUTH_STATUS_LINT_WORKER_HEAP_MB` changes it). */
const LINT_WORKER_HEAP_MB = Number(process.env.AUTH_STATUS_LINT_WORKER_HEAP_MB) > 0 ? Number(process.env.AUTH_STATUS_LINT_WORKER_HEAP_MB) : 2048;

/** Wires the features to a connection. Everything heavy happens lazily, per document. */
export function startSession(connection: Connection): void {
  const journal = new EditJournal();
  const documents = new TextDocuments(journal);
  const engine = new LintEngine();
  const heap = new HeapKeeper();
  // Huge documents are linted here; its heap (ESLint, the parsers, one huge AST) goes away after 10 s idle. Past its
  // heap limit the worker is stopped (that lint fails, logged), never the server.
  const lintWorker = new WorkerClient('lint', { idleMs: 10_000, resourceLimits: { maxOldGenerationSizeMb: LINT_WORKER_HEAP_MB } });
  const logger = connection.console;
  // Sent only while the client asked for traces (`$/setTrace`): the benchmark tells scheduler delay and our work apart.
  const timing = new EditTiming((entry) => connection.tracer.log(EDIT_TIMING_TRACE, JSON.stringify(entry)), () => lintWorker.busy);
  let capabilities: ClientCapabilities = {};
  let workspaceFolders: string[] = [];
  let features: ReturnType<typeof createFeatures> | undefined;

  function createFeatures(params: InitializeParams) {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const workspaceConfig = new WorkspaceEslintConfig(options.workspaceTrusted === true, () => workspaceFolders, (message) => logger.warn(message));
    const settings = new SettingsStore(connection, capabilities.workspace?.configuration === true, options.settings, (message) => logger.warn(message));
    const rules = new RuleSource(engine, workspaceConfig, (message) => logger.warn(message));
    const buffers = new BufferMirror();
    const checker = new DocumentChecker({
      documents,
      settings,
      rules,
      engine,
      edits: journal,
      logger,
      status: (status) => void connection.sendNotification(StatusNotification, status),
      afterLint: () => heap.afterWork(),
      lintOffThread: <M extends LintMode>(request: LintRequest<M>) =>
        lintWorker.request<LintAnswers[M]>((instance) => ({ ...request, buffers: buffers.changesFor(instance) }) satisfies LintRequest<M> & BufferChanges),
    });
    const publisher = new DiagnosticsPublisher(connection, documents, checker, settings, {
      pull: capabilities.textDocument?.diagnostic !== undefined,
      refresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    }, (uri, version) => {
      if (timing.answered(uri, version)) heap.keystrokeAnswered();
    });
    const edits = new EditBuilder(capabilities.workspace?.workspaceEdit?.documentChanges === true);
    const resolvesEdits = capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    const codeActions = new CodeActions(documents, checker, edits, resolvesEdits);
    const hover = new HoverProvider(documents, checker, options.hoverShowsRelatedInformation === true);
    /** Anything that changes which rules run or how: forget every result and re-check open documents. */
    const reconfigure = () => {
      rules.invalidate();
      checker.invalidateAll();
      publisher.configurationChanged();
    };
    rules.warmUp(defaultSettings());
    const projectIndex = new ProjectIndexSync(
      () => documents.all().map((document) => document.uri),
      (uris) => {
        for (const uri of uris) checker.dependencyChanged(uri);
        publisher.dependenciesChanged(uris);
      },
      buffers,
    );
    return { workspaceConfig, settings, checker, publisher, codeActions, hover, reconfigure, projectIndex };
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    workspaceFolders = foldersOf(params);
    features = createFeatures(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
        ...(features.publisher.pulls
          ? { diagnosticProvider: { identifier: 'auth-status', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: serverVersion() },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'authStatus' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: ESLINT_CONFIG_GLOB }, { globPattern: INDEXED_FILES_GLOB }],
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => filePathOf(folder.uri)));
        workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder)), ...pathsOf(event.added.map((folder) => folder.uri))];
        features?.workspaceConfig.invalidate();
        features?.reconfigure();
      });
    }
  });

  const ready = () => {
    if (!features) throw new Error('The server was used before initialize.');
    return features;
  };

  /** `TextDocuments` reports an opening as a content change too, right after `onDidOpen`: that is no keystroke. */
  let openedNow: TextDocument | undefined;
  documents.onDidOpen(({ document }) => {
    openedNow = document;
    ready().checker.opened(document.uri);
    ready().publisher.opened(document);
  });
  documents.onDidChangeContent(({ document }) => {
    if (openedNow !== document) {
      heap.edited();
      timing.changed(document.uri, document.version);
    }
    openedNow = undefined;
    ready().publisher.changed(document);
    ready().projectIndex.bufferChanged(document.uri, document.getText());
  });
  documents.onDidSave(({ document }) => ready().publisher.saved(document));
  documents.onDidClose(({ document }) => {
    const { checker, settings, publisher } = ready();
    checker.forget(document.uri);
    journal.forget(document.uri);
    timing.forget(document.uri);
    settings.forget(document.uri);
    publisher.closed(document.uri);
    ready().projectIndex.bufferClosed(document.uri);
  });

  connection.onDidChangeConfiguration((params) => {
    ready().settings.changed(params.settings);
    ready().reconfigure();
  });
  connection.onDidChangeWatchedFiles((params) => {
    ready().projectIndex.filesChanged(params.changes);
    if (!params.changes.some((change) => ESLINT_CONFIG_FILE.test(change.uri))) return;
    ready().workspaceConfig.invalidate();
    ready().reconfigure();
  });
  connection.onNotification(WorkspaceTrustChangedNotification, (params) => {
    // Anything but `{ trusted: true }` (a string, a number, no params at all) means untrusted.
    ready().workspaceConfig.setTrusted((params as { trusted?: unknown } | null)?.trusted === true);
    ready().reconfigure();
  });

  connection.languages.diagnostics.on((params, token) => ready().publisher.pull(params, token));
  connection.onCodeAction((params) => ready().codeActions.provide(params));
  connection.onCodeActionResolve((action) => ready().codeActions.resolve(action));
  connection.onRequest(FixAllRequest, (params) => ready().codeActions.fixAll(params.uri));
  connection.onHover((params) => ready().hover.provide(params));
  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_DOCUMENTATION_COMMAND) return;
    const url = params.arguments?.[0];
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
      logger.warn(`${SHOW_DOCUMENTATION_COMMAND} needs a documentation URL, got ${JSON.stringify(url)}.`);
      return;
    }
    if (capabilities.window?.showDocument?.support) await connection.window.showDocument({ uri: url, external: true });
    else void connection.window.showInformationMessage(`auth-status documentation: ${url}`);
  });
  connection.onShutdown(() => {
    features?.publisher.dispose();
    features?.workspaceConfig.invalidate();
    lintWorker.stop();
    heap.dispose();
    timing.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function foldersOf(params: InitializeParams): string[] {
  if (params.workspaceFolders) return pathsOf(params.workspaceFolders.map((folder) => folder.uri));
  return pathsOf(params.rootUri ? [params.rootUri] : []);
}

function pathsOf(uris: readonly string[]): string[] {
  return uris.map(filePathOf).filter((folder) => folder !== undefined);
}

export function serverVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../package.json') as { version: string }).version;
}
