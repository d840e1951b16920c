/**
 * `npm run eval`: precision and recall of the rules on the labelled corpus (test/corpus), per rule and per framework,
 * every miss and false alarm, and the same figures for a grep-style baseline.
 *   --framework <name>   only that corpus folder (repeatable)
 *   --quiet              scores only, no lists
 */
import { performance } from 'node:perf_hooks';
import { baselineFindings } from '../test/accuracy/baseline';
import { loadCorpus } from '../test/accuracy/corpus';
import { countCorpus, evaluate, type Scope } from '../test/accuracy/evaluate';
import { CORPUS_FRAMEWORKS, isFramework, SUPPORTED_FRAMEWORKS, type Framework } from '../test/accuracy/frameworks';
import { fullScope, gateScope, MIN_PRECISION, MIN_RECALL, missingRules } from '../test/accuracy/gate';
import { lintCorpus, pluginRuleNames } from '../test/accuracy/lint';
import { formatCorpusCounts, formatFindings, formatScores } from '../test/accuracy/report';
import { precision, recall } from '../test/accuracy/score';

interface Options {
  frameworks: Framework[];
  quiet: boolean;
}

function parseArguments(argv: readonly string[]): Options {
  const options: Options = { frameworks: [], quiet: false };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--quiet') options.quiet = true;
    else if (argument === '--framework') {
      const name = argv[(index += 1)] ?? '';
      if (!isFramework(name)) throw new Error(`--framework expects one of ${CORPUS_FRAMEWORKS.join(', ')}; got "${name}"`);
      options.frameworks.push(name);
    } else throw new Error(`unknown option "${argument}" (known: --framework <name>, --quiet)`);
  }
  return options;
}

function restrict(scope: Scope, frameworks: readonly Framework[]): Scope {
  return frameworks.length === 0 ? scope : { ...scope, frameworks: scope.frameworks.filter((name) => frameworks.includes(name)) };
}

function main(): void {
  const options = parseArguments(process.argv.slice(2));
  const files = loadCorpus();
  const pluginRules = pluginRuleNames();

  const started = performance.now();
  const reported = lintCorpus(files);
  const lintMs = performance.now() - started;

  const scope = restrict(fullScope(pluginRules), options.frameworks);
  const engine = evaluate(files, reported, scope);
  const baseline = evaluate(files, baselineFindings(files, scope.rules), scope);
  const gate = evaluate(files, reported, gateScope(pluginRules));

  const out: string[] = [];
  out.push(formatCorpusCounts(countCorpus(files), SUPPORTED_FRAMEWORKS), '(* = adapter supported, held by the CI gate)', '');
  const skipped = missingRules(pluginRules);
  if (skipped.length > 0) out.push(`Note: not in the plugin yet, labels skipped: ${skipped.join(', ')}`, '');
  out.push(`Linted ${files.length} files in ${Math.round(lintMs)} ms.`, '');
  out.push(formatScores('== eslint-plugin-auth-status ==', engine, SUPPORTED_FRAMEWORKS), '');
  if (!options.quiet) {
    out.push(formatFindings('Missed', engine.outcome.misses, files), '');
    out.push(formatFindings('False alarms', engine.outcome.falseAlarms, files), '');
    out.push(formatFindings('Reports on ambiguous lines (not scored)', engine.outcome.ignored, files), '');
  }
  out.push(formatScores('== grep baseline (regular expressions over lines) ==', baseline, SUPPORTED_FRAMEWORKS), '');
  if (skipped.length > 0) {
    const pending = evaluate(files, baselineFindings(files, skipped), { rules: skipped, frameworks: scope.frameworks });
    out.push(formatScores('== grep baseline for rules not in the plugin yet ==', pending), '');
  }

  const gatePrecision = precision(gate.total) ?? 1;
  const gateRecall = recall(gate.total) ?? 0;
  const passes = gatePrecision >= MIN_PRECISION && gateRecall >= MIN_RECALL;
  out.push(
    `CI gate (${gate.scope.frameworks.join(', ')}; ${gate.scope.rules.join(', ')}): ` +
      `precision ${gatePrecision.toFixed(3)} (min ${MIN_PRECISION}), recall ${gateRecall.toFixed(3)} (min ${MIN_RECALL}) → ${passes ? 'PASS' : 'FAIL'}`,
  );
  console.log(out.join('\n'));
}

try {
  main();
} catch (error) {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
