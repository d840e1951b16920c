/**
 * Entry point: `node dist/server.js --stdio | --node-ipc | --socket=<port>` (the transport comes from argv).
 * The VS Code extension bundles this file; it must stay free of requires that a bundler cannot follow.
 */
import './heap-flags';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NAME, serverVersion, startSession } from './session';

const USAGE = `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=<port>

Language server for auth-status: wrong HTTP status codes for authentication failures, as diagnostics with
quick fixes, in any LSP editor. Editor set-up: https://github.com/auth-status/auth-status#editors`;

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${serverVersion()}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) {
  process.stderr.write(`${SERVER_NAME}: choose how the editor talks to the server.\n\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  // A failure outside a request handler is logged; it must not take the editor's checks down with it.
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`));
  startSession(connection);
}
