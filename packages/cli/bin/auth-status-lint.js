#!/usr/bin/env node
'use strict';

let cli;
let processRunner;
try {
  require('../dist/startup/install-compile-cache.js');
  cli = require('../dist/main.js');
  processRunner = require('../dist/process.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/](main|startup)/.test(error.message)) {
    process.stderr.write('auth-status-lint: not built yet; run npm run build (or npx tsc -b packages/cli) first.\n');
    process.exit(2);
  }
  throw error;
}

processRunner.runAsProcess(cli.main, process.argv.slice(2));
