#!/usr/bin/env node
'use strict';
// `auth-status-language-server --stdio` (or `--node-ipc`, `--socket=<port>`): see the package README.
// Node 22.1+ keeps compiled code between runs (ESLint and TypeScript are large); older versions skip it.
require('node:module').enableCompileCache?.();
require('../dist/server.js');
