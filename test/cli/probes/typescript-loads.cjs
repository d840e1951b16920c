// Preloaded (NODE_OPTIONS=--require) into the CLI and each of its worker threads by typescript-free-workers.test.ts:
// writes one line per thread that starts and one per `require('typescript')`, to AUTH_STATUS_PROBE_LOG.
const fs = require('node:fs');
const Module = require('node:module');
const { isMainThread, threadId } = require('node:worker_threads');

const log = process.env.AUTH_STATUS_PROBE_LOG;
const thread = isMainThread ? 'main' : `worker ${threadId}`;
fs.appendFileSync(log, `thread ${thread}\n`);
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'typescript') fs.appendFileSync(log, `typescript ${thread}\n`);
  return load.call(this, request, ...rest);
};
