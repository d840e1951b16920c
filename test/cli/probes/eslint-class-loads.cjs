// Preloaded (NODE_OPTIONS=--require) into the CLI and each of its worker threads by eslint-core.test.ts: when a
// thread ends, writes whether it loaded ESLint's `ESLint` class (lib/eslint/eslint.js) to AUTH_STATUS_PROBE_LOG.
const fs = require('node:fs');
const { isMainThread, threadId } = require('node:worker_threads');

const log = process.env.AUTH_STATUS_PROBE_LOG;
const thread = isMainThread ? 'main' : `worker ${threadId}`;
process.on('exit', () => {
  const loaded = Object.keys(require.cache).some((file) => /[\\/]eslint[\\/]lib[\\/]eslint[\\/]eslint\.js$/.test(file));
  fs.appendFileSync(log, `${thread} ${loaded ? 'ESLint class' : 'Linter only'}\n`);
});
