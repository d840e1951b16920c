/**
 * `npm run bench`: the cost of our rules on top of ESLint with a typical config, and with no other rule, on real
 * code from node_modules.
 * `-- --all` measures every file (long); `--sample <files>`, `--rounds <n>` and `--workers <n>` (threads that find
 * each file's dialect; the timed rounds and the rules' profile run in one thread) tune the run.
 */
import { runBench, formatBench } from '../../test/quality/harness/bench';
import { count } from '../../test/quality/harness/format';
import { runCommand, treeRunOptions } from '../../test/quality/harness/command-line';

const DEFAULT_SAMPLE = 2500;
const DEFAULT_ROUNDS = 3;

runCommand(async () => {
  const { files, treeSize, step, workers, extra } = treeRunOptions(process.argv.slice(2), {
    sample: DEFAULT_SAMPLE,
    extraNumbers: ['rounds'],
  });
  const rounds = extra.rounds ?? DEFAULT_ROUNDS;
  console.log(
    `bench: ${count(files.length)} of ${count(treeSize)} code files in node_modules (every ${step}), ${rounds} rounds timed in one thread, ${workers} worker(s) finding dialects`,
  );
  let lastStage = '';
  const result = await runBench(files, {
    workers,
    rounds,
    onProgress: (stage) => {
      if (stage !== lastStage) process.stderr.write(`  ${stage}…\n`);
      lastStage = stage;
    },
  });
  console.log(formatBench(result));
  return 0;
});
