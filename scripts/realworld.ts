/**
 * `npm run eval:realworld -- --snapshots DIR`: the real-world benchmark (test/realworld). Validates labels.json,
 * repos.json and fixes.json, prints their size against the issue's minimums, then lints only the labelled files (read
 * from the git snapshots in DIR with `git show`) and prints precision and recall per rule, per framework and per kind
 * of repository, the fix-history figures, every false alarm, miss and unjudged report, and the snapshots to fetch.
 *   --snapshots DIR   folder holding one snapshot per repository: DIR/owner+name (required)
 *   --data DIR        folder with the three JSON files (default test/realworld)
 *   --rule NAME       only this rule (repeatable)
 *   --framework NAME  only labels and fixes of this framework (repeatable)
 *   --repo OWNER/NAME only this repository (repeatable)
 *   --json            machine-readable output
 *   --quiet           figures only, no lists
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { pluginRuleNames } from '../test/accuracy/lint';
import { countBenchmark, formatCounts, heldOutFile, loadBenchmark, parseHeldOut, REALWORLD_DIR, validate } from '../test/realworld/data';
import { runBenchmark, type Filter } from '../test/realworld/evaluate';
import { formatText, toJson } from '../test/realworld/report';

interface Options extends Filter {
  snapshots: string | undefined;
  data: string;
  json: boolean;
  quiet: boolean;
  rules: string[];
  frameworks: string[];
  repos: string[];
}

const USAGE = 'usage: npm run eval:realworld -- --snapshots DIR [--data DIR] [--rule NAME] [--framework NAME] [--repo OWNER/NAME] [--json] [--quiet]';

function parseArguments(argv: readonly string[], pluginRules: readonly string[]): Options {
  const options: Options = { snapshots: undefined, data: REALWORLD_DIR, json: false, quiet: false, rules: [], frameworks: [], repos: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = () => {
      const next = argv[(index += 1)];
      if (next === undefined || next.startsWith('--')) throw new Error(`${argument} expects a value\n${USAGE}`);
      return next;
    };
    if (argument === '--json') options.json = true;
    else if (argument === '--quiet') options.quiet = true;
    else if (argument === '--snapshots') options.snapshots = path.resolve(value());
    else if (argument === '--data') options.data = path.resolve(value());
    else if (argument === '--framework') options.frameworks.push(value());
    else if (argument === '--repo') options.repos.push(value());
    else if (argument === '--rule') {
      const rule = value().replace(/^auth-status\//, '');
      if (!pluginRules.includes(rule)) throw new Error(`--rule expects one of ${pluginRules.join(', ')}; got "${rule}"`);
      options.rules.push(rule);
    } else throw new Error(`unknown option "${argument}"\n${USAGE}`);
  }
  if (options.snapshots === undefined) throw new Error(`--snapshots DIR is required\n${USAGE}`);
  return options;
}

function main(): void {
  const pluginRules = pluginRuleNames();
  const options = parseArguments(process.argv.slice(2), pluginRules);
  const benchmark = loadBenchmark(options.data);
  const heldOutList = heldOutFile();
  const problems = validate(benchmark, heldOutList === undefined ? undefined : parseHeldOut(readFileSync(heldOutList, 'utf8')));
  if (problems.length > 0) {
    console.error(`eval:realworld: ${problems.length} problems in ${options.data}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    process.exitCode = 1;
    return;
  }
  const counts = countBenchmark(benchmark);
  const result = runBenchmark(benchmark, options.snapshots ?? '', pluginRules, options);
  if (options.json) {
    console.log(JSON.stringify({ counts, heldOutChecked: heldOutList !== undefined, ...toJson(result) }, null, 2));
    return;
  }
  const heldOutNote =
    heldOutList === undefined ? '  SKIP  held-out list not found (../shared/eval/held-out-repos.txt): not checked' : `  ok    no repository of ${heldOutList}`;
  console.log([formatCounts(counts), heldOutNote, '', formatText(result, options.quiet)].join('\n'));
}

try {
  main();
} catch (error) {
  console.error(`eval:realworld: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
