// Preloaded (NODE_OPTIONS=--require) into the CLI and each of its worker threads by code-paths.test.ts: writes one
// line per load of ESLint's code path analyzer, naming the thread and what the load gave (the real class or the CLI's
// stand-in), to AUTH_STATUS_PROBE_LOG.
const fs = require('node:fs');
const Module = require('node:module');
const { isMainThread, threadId } = require('node:worker_threads');

const log = process.env.AUTH_STATUS_PROBE_LOG;
const thread = isMainThread ? 'main' : `worker ${threadId}`;
const load = Module._load;
Module._load = function (request, ...rest) {
  const exports = load.call(this, request, ...rest);
  if (/code-path-analyzer(\.js)?$/.test(request)) fs.appendFileSync(log, `${thread} ${exports.name}\n`);
  return exports;
};
