'use strict';
// Worker threads start without the TypeScript loader that mocha or tsx gave the main thread.
require('tsx/cjs');
require('./worker-main.ts');
