import '../startup/install-compile-cache';
import '../startup/without-code-paths';
import { parentPort } from 'node:worker_threads';
import { FileLinter, type LintTask } from './lint-file';

/** Worker thread entry: says when it is ready, then lints each batch it is sent, answering in the same order. */
const linter = new FileLinter();
parentPort!.on('message', (tasks: LintTask[]) => {
  parentPort!.postMessage(tasks.map((task) => linter.lint(task)));
});
parentPort!.postMessage('ready');
