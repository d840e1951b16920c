/**
 * `npm run robustness`: every rule over every JavaScript/TypeScript file in node_modules; exits 1 on any
 * exception thrown from inside our rules, or on any report in a file the prefilter rules out.
 * `npm run robustness -- --sample 5000 --max-bytes 1000000` is the bounded form `npm test` runs (test/quality/robustness.test.ts).
 */
import plugin from 'eslint-plugin-auth-status';
import { count } from '../../test/quality/harness/format';
import { checkRobustness, formatRobustness } from '../../test/quality/harness/robustness';
import { runCommand, treeRunOptions } from '../../test/quality/harness/command-line';

runCommand(async () => {
  const { files, treeSize, step, workers } = treeRunOptions(process.argv.slice(2));
  console.log(`robustness: ${count(files.length)} of ${count(treeSize)} code files in node_modules (every ${step}), ${workers} worker(s)`);
  let reported = 0;
  const summary = await checkRobustness(files, {
    workers,
    onProgress: (done) => {
      if (done - reported < 1000 && done < files.length) return;
      reported = done;
      process.stderr.write(`  ${count(done)} / ${count(files.length)}\n`);
    },
  });
  console.log(formatRobustness(summary, Object.keys(plugin.rules).map((name) => `auth-status/${name}`)));
  return summary.ruleExceptions.length === 0 && summary.ruledOut.reports.length === 0 ? 0 : 1;
});
