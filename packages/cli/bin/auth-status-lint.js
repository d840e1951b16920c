#!/usr/bin/env node
'use strict';

let cli;
try {
  cli = require('../dist/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]main\.js/.test(error.message)) {
    process.stderr.write('auth-status-lint: not built yet; run npm run build (or npx tsc -b packages/cli) first.\n');
    process.exit(2);
  }
  throw error;
}

cli
  .main(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  });
