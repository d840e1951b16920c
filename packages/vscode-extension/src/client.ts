import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CONFIGURATION_SECTION, LANGUAGES, SERVER_ENVIRONMENT, type InitializationOptions } from './protocol';

/** Port the server listens on for a debugger in development ("Attach to Server" in .vscode/launch.json). */
export const SERVER_DEBUG_PORT = 6009;

export interface ClientParts {
  serverModule: string;
  /** Node ≥ 22.1 keeps the server bundle's compiled code here, so later starts skip most of the parsing. */
  compileCacheDir: string;
  outputChannel: vscode.LogOutputChannel;
  middleware: Middleware;
}

/** The language client for the bundled server, started as a Node module over IPC. */
export function createLanguageClient({ serverModule, compileCacheDir, outputChannel, middleware }: ClientParts): LanguageClient {
  const env = { ...SERVER_ENVIRONMENT, NODE_COMPILE_CACHE: compileCacheDir };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { env, execArgv: ['--nolazy', `--inspect=${SERVER_DEBUG_PORT}`] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: CONFIGURATION_SECTION },
    // VS Code's hover over a problem lists its related information (the evidence) already.
    initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted, hoverShowsRelatedInformation: true }),
    outputChannel,
    middleware,
  };
  return new LanguageClient(CONFIGURATION_SECTION, 'Auth Status', serverOptions, clientOptions);
}
