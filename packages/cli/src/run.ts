import { main } from './main';
import { runAsProcess } from './process';

/** The command as the bin runs it: bundled into one file (scripts/bundle.mjs), or from the compiled modules. */
runAsProcess(main, process.argv.slice(2));
