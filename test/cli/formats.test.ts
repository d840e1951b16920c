import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pluginPackage from '../../packages/eslint-plugin/package.json';
import { BIN, CODE, makeFolder, runCli } from './helpers';
import { assertValid, validateEslintResults, validateSarif } from './schemas';

const DOCS = `https://github.com/auth-status/auth-status/blob/v${pluginPackage.version}/packages/eslint-plugin/docs/rules/`;

describe('auth-status-lint output formats', () => {
  const folder = makeFolder({
    'src/auth.js': CODE.wrongStatus,
    'src/token.js': CODE.missingChallenge,
    'src/admin.js': CODE.permissionDenied,
    'src/broken.ts': 'res.status(403)\nconst x: = 1;\n',
  });

  it('stylish (default): file:line:col, severity, message, rule, docs link, fix hint and a summary', () => {
    const run = runCli([], folder);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^src\/auth\.js:3:23 {2}error {2}403 answers a missing credential \(!req\.headers\.authorization, 'No token provided'\); use 401 .* {2}auth-status\/require-401-for-credential-failure$/);
    assert.equal(lines[1], `    ${DOCS}require-401-for-credential-failure.md · fixable with --fix --fix-status`);
    assert.match(lines[2], /^src\/broken\.ts:2:\d+ {2}error {2}Parsing error: .* {2}parse error$/);
    assert.match(lines[3], /^src\/token\.js:7:23 {2}error {2}401 sent without a WWW-Authenticate header; .* {2}auth-status\/require-www-authenticate$/);
    assert.equal(lines[4], `    ${DOCS}require-www-authenticate.md · fixable with --fix`);
    assert.equal(lines[5], '');
    assert.equal(lines[6], '✖ 3 problems (3 errors, 0 warnings) in 3 of 4 files');
    assert.equal(lines[7], '  1 problem fixable with --fix');
  });

  it('stylish colours only a terminal or FORCE_COLOR', () => {
    const ESC = '\u001b';
    assert.ok(!runCli([], folder).stdout.includes(ESC));
    assert.ok(runCli([], folder, { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout.includes(`${ESC}[31merror${ESC}[39m`));
  });

  it('json: the shape of ESLint\'s JSON formatter, one result per linted file', () => {
    const run = runCli(['--format', 'json'], folder);
    assert.equal(run.code, 1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null; suggestions?: unknown[] }[]; source?: string }[];
    assertValid(validateEslintResults, results);
    assert.deepEqual(
      results.map((result) => path.relative(folder, result.filePath)),
      ['src/admin.js', 'src/auth.js', 'src/broken.ts', 'src/token.js'],
    );
    const auth = results[1];
    assert.equal(auth.messages[0].ruleId, 'auth-status/require-401-for-credential-failure');
    assert.equal(auth.messages[0].suggestions?.length, 1);
    assert.equal(auth.source, CODE.wrongStatus);
    assert.equal(results[0].source, undefined, 'like ESLint, source only for files with problems');
  });

  it('sarif: valid SARIF 2.1.0 naming this tool, with rules, locations and levels', () => {
    const run = runCli(['--format', 'sarif', '--rule', 'require-www-authenticate:warn'], folder);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout);
    assertValid(validateSarif, log);
    assert.equal(log.version, '2.1.0');
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'auth-status-lint');
    assert.match(sarifRun.tool.driver.version, /^\d+\.\d+\.\d+$/);
    assert.deepEqual(
      sarifRun.tool.driver.rules.map((rule: { id: string; helpUri: string }) => [rule.id, rule.helpUri]),
      [
        ['auth-status/require-401-for-credential-failure', `${DOCS}require-401-for-credential-failure.md`],
        ['auth-status/require-www-authenticate', `${DOCS}require-www-authenticate.md`],
      ],
    );
    const results = sarifRun.results.map((result: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => [
      result.ruleId,
      result.level,
      result.locations[0].physicalLocation.artifactLocation.uri,
      result.locations[0].physicalLocation.region.startLine,
    ]);
    assert.deepEqual(results, [
      ['auth-status/require-401-for-credential-failure', 'error', pathToFileURL(path.join(folder, 'src/auth.js')).href, 3],
      ['auth-status/require-www-authenticate', 'warning', pathToFileURL(path.join(folder, 'src/token.js')).href, 7],
    ]);
    // The parse error is a notification that the run could not check a file.
    assert.equal(sarifRun.invocations[0].executionSuccessful, false);
  });

  it('the schemas used here reject logs that break them', () => {
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver.name is required');
    assert.equal(validateSarif({ version: '2.0.0', runs: [] }), false);
    assert.equal(validateEslintResults([{ filePath: 'relative.js', messages: [] }]), false);
  });

  it('sarif with no problems is still valid and has an empty results array', () => {
    const clean = makeFolder({ 'admin.js': CODE.permissionDenied });
    const log = JSON.parse(runCli(['-f', 'sarif'], clean).stdout);
    assertValid(validateSarif, log);
    assert.deepEqual(log.runs[0].results, []);
  });

  it('github: one workflow annotation per problem, with escaped data', () => {
    const run = runCli(['--format', 'github', '--rule', 'require-www-authenticate:warn'], folder);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^::error file=src\/auth\.js,line=3,col=23,endLine=3,endColumn=26,title=auth-status\/require-401-for-credential-failure::403 answers a missing credential/);
    assert.match(lines[1], /^::error file=src\/broken\.ts,line=2,col=\d+,title=parse error::Parsing error: /);
    assert.match(lines[2], /^::warning file=src\/token\.js,line=7,col=23,.*title=auth-status\/require-www-authenticate::401 sent without/);
  });

  it('--output-file writes the report to a file', () => {
    const run = runCli(['-f', 'json', '-o', 'report.json'], folder);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assertValid(validateEslintResults, JSON.parse(fs.readFileSync(path.join(folder, 'report.json'), 'utf8')));
    fs.rmSync(path.join(folder, 'report.json'));
  });
});

describe('auth-status-lint progress', () => {
  const folder = makeFolder(Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`f${index}.js`, CODE.wrongStatus])));

  it('draws files done / total on stderr when it is a terminal, and clears it at the end', function () {
    // `script` (util-linux) gives the CLI a pseudo-terminal.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} -f json -o report.json .`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (run.error) this.skip();
    assert.match(run.stdout, /\rauth-status-lint: \d+\/12 files/);
    assert.ok(run.stdout.includes('\rauth-status-lint: 12/12 files\r\u001b[2K'), JSON.stringify(run.stdout));
  });

  it('is silent when stderr is not a terminal', () => {
    const run = runCli(['-f', 'json', '-o', 'report.json', '.'], folder);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
  });
});
