#!/usr/bin/env node
'use strict';

let command;
try {
  require('../dist/startup/install-compile-cache.js');
  require('../dist/startup/without-code-paths.js');
  const path = require('node:path');
  const dist = path.join(__dirname, '..', 'dist');
  command = require('../dist/startup/bundle.js').freshBundle(dist, process.env) ?? path.join(dist, 'run.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]startup/.test(error.message)) {
    process.stderr.write('auth-status-lint: not built yet; run npm run build (or npx tsc -b packages/cli) first.\n');
    process.exit(2);
  }
  throw error;
}

require(command);
