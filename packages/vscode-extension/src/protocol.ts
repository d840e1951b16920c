import type {
  FixAllParams as ServerFixAllParams,
  InitializationOptions as ServerInitializationOptions,
  StatusParams as ServerStatusParams,
} from '../../language-server/src/protocol';

/**
 * The Auth Status server's additions to LSP, on the client side. The shapes come from the server's own
 * protocol module (types only, so the server's code stays out of this bundle); the names are repeated here and
 * checked against the server's by test/vscode-extension/protocol.test.ts. Nothing here imports `vscode`.
 */

export const CONFIGURATION_SECTION = 'authStatus';

/** The environment the server is started with (the server's `SERVER_ENVIRONMENT`: bounded allocator arenas). */
export const SERVER_ENVIRONMENT = { MALLOC_ARENA_MAX: '2' } as const;

export const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;

export const METHODS = {
  workspaceTrustChanged: 'authStatus/workspaceTrustChanged',
  fixAll: 'authStatus/fixAll',
  status: 'authStatus/status',
} as const;

export type InitializationOptions = Required<Pick<ServerInitializationOptions, 'workspaceTrusted' | 'hoverShowsRelatedInformation'>>;
export type FixAllParams = ServerFixAllParams;
export type StatusParams = ServerStatusParams;
export interface WorkspaceTrustChangedParams {
  trusted: boolean;
}

/** A command the server's code actions may carry: opens a rule's documentation. */
export const SHOW_DOCUMENTATION_COMMAND = 'authStatus.showDocumentation';
