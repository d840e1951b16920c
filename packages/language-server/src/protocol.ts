/**
 * The messages this server adds to LSP, shared with the VS Code extension. Keep them stable: the extension
 * is built separately and relies on these names and shapes.
 */
import { NotificationType, RequestType, type WorkspaceEdit } from 'vscode-languageserver';

export const CONFIGURATION_SECTION = 'authStatus';

/** Code action kind of fix-on-save (`editor.codeActionsOnSave: { "source.fixAll.authStatus": "explicit" }`). */
export const FIX_ALL_KIND = 'source.fixAll.authStatus';

/**
 * Environment to start the server with. `MALLOC_ARENA_MAX`: glibc gives each thread that allocates (V8's compiler
 * and garbage-collector helpers) an allocator arena of its own, up to 8 per core, and keeps what a burst of work
 * grew them to; two arenas keep idle memory of a long session bounded. glibc reads it only at process start, so
 * the client has to set it (the VS Code extension does; other editors: see the README).
 */
export const SERVER_ENVIRONMENT = { MALLOC_ARENA_MAX: '2' } as const;

/** Server command: opens a rule's documentation (`window/showDocument`, or a message with the link). Args: `[url]`. */
export const SHOW_DOCUMENTATION_COMMAND = 'authStatus.showDocumentation';

/** The client's workspace trust changed: a trusted workspace may have its `eslint.config.*` loaded. */
export const WorkspaceTrustChangedNotification = new NotificationType<{ trusted: boolean }>('authStatus/workspaceTrustChanged');

export interface FixAllParams {
  uri: string;
}
/** Every fix and preferred suggestion of our rules for a document, as one edit (empty when there is none). */
export const FixAllRequest = new RequestType<FixAllParams, WorkspaceEdit, void>('authStatus/fixAll');

export interface StatusParams {
  state: 'idle' | 'linting' | 'error';
  uri?: string;
  message?: string;
}
/** What the server is doing, for a language status item. */
export const StatusNotification = new NotificationType<StatusParams>('authStatus/status');

export interface InitializationOptions {
  /** Default false: an untrusted workspace never has its files loaded or executed. */
  workspaceTrusted?: boolean;
  /** `authStatus` settings for clients without `workspace/configuration`. */
  settings?: unknown;
  /**
   * The editor shows a diagnostic's related information in the hover over its range (VS Code does): the server's
   * hover then leaves the evidence out, so it is shown once. Default false: the hover lists it.
   */
  hoverShowsRelatedInformation?: boolean;
}
