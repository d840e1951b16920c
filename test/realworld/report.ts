/** Text and JSON output of `npm run eval:realworld`. */
import type { Finding } from '../accuracy/lint';
import { formatTallies } from '../accuracy/report';
import { precision, recall, type Tally } from '../accuracy/score';
import type { Fix } from './data';
import { labelsAt, type FixResult, type FixVerdict, type RunResult } from './evaluate';
import { fetchCommand } from './snapshots';

/** `repo/path:line` of a finding keyed `repo@commit:path`. */
function where(finding: Finding): string {
  const at = finding.file.indexOf('@');
  const colon = finding.file.indexOf(':', at);
  return `${finding.file.slice(0, at)}/${finding.file.slice(colon + 1)}:${finding.line}`;
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}

function formatJudged(title: string, findings: readonly Finding[], result: RunResult): string {
  if (findings.length === 0) return `${title}: none`;
  return [
    `${title} (${findings.length}):`,
    ...sortFindings(findings).flatMap((finding) => {
      const labels = labelsAt(result, finding);
      const judged = labels.map((label) => `    ${label.rule ?? 'silent'} (${label.framework}): ${label.why}`);
      return [`  ${where(finding)}  ${finding.rule}`, ...judged];
    }),
  ].join('\n');
}

export interface FixTally {
  readonly fixes: number;
  readonly detected: number;
  readonly cleanAfter: number;
  /** Detected before and silent after: the fix is recognised as a fix. */
  readonly both: number;
  readonly unavailable: number;
}

export function tallyFixes(results: readonly FixResult[]): FixTally {
  const scored = results.filter((result) => result.detected !== 'unavailable' && result.cleanAfter !== 'unavailable');
  return {
    fixes: scored.length,
    detected: scored.filter((result) => result.detected === 'yes').length,
    cleanAfter: scored.filter((result) => result.cleanAfter === 'yes').length,
    both: scored.filter((result) => result.detected === 'yes' && result.cleanAfter === 'yes').length,
    unavailable: results.length - scored.length,
  };
}

function share(part: number, whole: number): string {
  return whole === 0 ? '—' : `${part}/${whole} (${(part / whole).toFixed(3)})`;
}

function formatFixTallies(results: readonly FixResult[]): string {
  const groups = new Map<string, FixResult[]>();
  for (const result of results) groups.set(result.fix.rule, [...(groups.get(result.fix.rule) ?? []), result]);
  const rows = [...groups, ['all', results] as const].map(([name, group]) => {
    const tally = tallyFixes(group);
    return `  ${name.padEnd(36)} sites ${String(tally.fixes).padStart(3)}  detected ${share(tally.detected, tally.fixes).padEnd(15)}  clean-after ${share(tally.cleanAfter, tally.fixes).padEnd(15)}  both ${share(tally.both, tally.fixes)}${tally.unavailable > 0 ? `  (${tally.unavailable} unavailable)` : ''}`;
  });
  return ['Fix history (detected: reported before the fix; clean-after: silent at the same site after it):', ...rows].join('\n');
}

function fixWhere(fix: Fix): string {
  return `${fix.repo} ${fix.commit.slice(0, 10)} ${fix.path}:${fix.line} → ${fix.pathAfter}:${fix.lineAfter}`;
}

function formatFixList(title: string, results: readonly FixResult[], pick: (result: FixResult) => FixVerdict): string {
  const listed = results.filter((result) => pick(result) === 'no');
  if (listed.length === 0) return `${title}: none`;
  return [`${title} (${listed.length}):`, ...listed.map((result) => `  ${fixWhere(result.fix)}  ${result.fix.rule} (${result.fix.framework})\n    ${result.fix.why}`)].join('\n');
}

function formatMissing(result: RunResult): string {
  const lines: string[] = [];
  if (result.missingSnapshots.length > 0) {
    lines.push(`Missing snapshots (${result.missingSnapshots.length}); their labels and fixes are not scored. Fetch them with:`);
    lines.push(...result.missingSnapshots.map((repo) => `  ${fetchCommand(repo)}`));
  } else lines.push('Missing snapshots: none');
  if (result.missingFiles.length > 0) {
    lines.push(`Files or commits the snapshots do not hold (${result.missingFiles.length}; fetch a newer snapshot or fix the label):`);
    lines.push(...result.missingFiles.map((key) => `  ${key}`));
  }
  if (result.testFiles.length > 0) lines.push(`Test files left out, as the CLI and the recommended config leave them (their labels are scored as silent): ${result.testFiles.length}`);
  if (result.notLinted.length > 0) lines.push(`Not linted (an extension the CLI does not lint; labels not scored): ${result.notLinted.length}`, ...result.notLinted.map((key) => `  ${key}`));
  if (result.failures.size > 0) lines.push(`Files the CLI could not lint (${result.failures.size}):`, ...[...result.failures].map(([key, why]) => `  ${key}: ${why}`));
  return lines.join('\n');
}

export function formatText(result: RunResult, quiet: boolean): string {
  const { scores } = result;
  const out = [
    `Linted ${result.fileCount} files in ${Math.round(result.lintMs)} ms (recommended config, the CLI's parsers).`,
    '',
    formatTallies('per rule', scores.byRule),
    '',
    formatTallies('per framework', [...scores.byFramework].sort(([a], [b]) => a.localeCompare(b))),
    '',
    formatTallies('per repository kind', scores.byKind),
    '',
    formatTallies('overall', [['all', scores.total]]),
    `unjudged reports (a labelled file, an unlabelled line): ${scores.outcome.ignored.length}`,
    '',
    formatFixTallies(result.fixes),
    '',
  ];
  if (!quiet) {
    out.push(formatJudged('False alarms', scores.outcome.falseAlarms, result), '');
    out.push(formatJudged('Misses', scores.outcome.misses, result), '');
    out.push(formatJudged('Unjudged reports: label these lines', scores.outcome.ignored, result), '');
    out.push(formatFixList('Fixes not detected before the fix', result.fixes, (fix) => fix.detected), '');
    out.push(formatFixList('Fixes still reported after the fix', result.fixes, (fix) => fix.cleanAfter), '');
    const notes = result.fixes.filter((fix) => fix.note !== undefined);
    if (notes.length > 0) out.push(`Fixes not scored (${notes.length}):`, ...notes.map((fix) => `  ${fixWhere(fix.fix)}: ${fix.note}`), '');
  }
  out.push(formatMissing(result));
  return out.join('\n');
}

function tallyJson(tally: Tally) {
  return { ...tally, precision: precision(tally) ?? null, recall: recall(tally) ?? null };
}

function mapJson(tallies: ReadonlyMap<string, Tally>) {
  return Object.fromEntries([...tallies].map(([name, tally]) => [name, tallyJson(tally)]));
}

export function toJson(result: RunResult) {
  const { scores } = result;
  const judged = (finding: Finding) => ({ ...finding, where: where(finding), labels: labelsAt(result, finding) });
  const byRule = new Map<string, FixResult[]>();
  for (const fix of result.fixes) byRule.set(fix.fix.rule, [...(byRule.get(fix.fix.rule) ?? []), fix]);
  return {
    files: result.fileCount,
    lintMs: Math.round(result.lintMs),
    overall: tallyJson(scores.total),
    byRule: mapJson(scores.byRule),
    byFramework: mapJson(scores.byFramework),
    byKind: mapJson(scores.byKind),
    byRepo: mapJson(scores.byRepo),
    falseAlarms: scores.outcome.falseAlarms.map(judged),
    misses: scores.outcome.misses.map(judged),
    unjudged: scores.outcome.ignored.map(judged),
    fixes: {
      overall: tallyFixes(result.fixes),
      byRule: Object.fromEntries([...byRule].map(([rule, group]) => [rule, tallyFixes(group)])),
      results: result.fixes,
    },
    missingSnapshots: result.missingSnapshots.map((repo) => ({ repo, fetch: fetchCommand(repo) })),
    missingFiles: result.missingFiles,
    notLinted: result.notLinted,
    testFiles: result.testFiles,
    failures: Object.fromEntries(result.failures),
  };
}
