/**
 * Entry point: `node dist/server.js --stdio | --node-ipc | --socket=<port>` (the transport comes from argv).
 * The VS Code extension bundles this file; it must stay free of requires that a bundler cannot follow.
 */
import './heap-flags';
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { FramingCheck } from './framing';
import { SERVER_NAME, serverVersion, startSession } from './session';
import { runsAsHelper } from './threads';

const USAGE = `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=<port>

Language server for auth-status: wrong HTTP status codes for authentication failures, as diagnostics with
quick fixes, in any LSP editor. Editor set-up: https://github.com/auth-status/auth-status#editors`;

const args = process.argv.slice(2);
if (runsAsHelper) {
  // A worker thread or helper process of this server (see `threads.ts`) loads this file when bundled: it never starts a session.
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${serverVersion()}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) {
  process.stderr.write(`${SERVER_NAME}: choose how the editor talks to the server.\n\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  const connection = args.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  // A failure outside a request handler is logged; it must not take the editor's checks down with it.
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`));
  startSession(connection);
}

/**
 * stdio with the framing checked on the way in: a frame the JSON-RPC reader could never recover from ends the
 * process with one line on stderr (exit 2), so the client sees the server die and restarts it, instead of a
 * server that is alive but answers nothing.
 */
function stdioConnection(): Connection {
  const input = new FramingCheck((problem) => {
    process.stderr.write(`${SERVER_NAME}: the client sent ${problem}; the message stream cannot be followed any more, exiting.\n`);
    process.exit(2);
  });
  process.stdin.pipe(input);
  const connection = createConnection(ProposedFeatures.all, input, process.stdout);
  // stdout carries the protocol: console output goes to the client's log, as the library does for `--stdio`.
  const log = (write: (message: string) => void) => (...values: unknown[]) => write(format(...values));
  console.log = console.info = log((message) => connection.console.log(message));
  console.debug = log((message) => connection.console.log(message));
  console.warn = log((message) => connection.console.warn(message));
  console.error = log((message) => connection.console.error(message));
  return connection;
}
