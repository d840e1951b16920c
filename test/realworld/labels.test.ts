import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pluginRuleNames } from '../accuracy/lint';
import {
  codeInWhy,
  countBenchmark,
  formatCounts,
  heldOutFile,
  heldOutUsed,
  loadBenchmark,
  parseHeldOut,
  validate,
  validateFixes,
  validateLabels,
  validateRepos,
  type Benchmark,
  type Fix,
  type Label,
} from './data';
import { runBenchmark } from './evaluate';
import { formatText, tallyFixes, toJson } from './report';
import { findGitDir } from './snapshots';

const COMMIT_A = 'a'.repeat(40);
const COMMIT_B = 'b'.repeat(40);

function label(overrides: Partial<Label> = {}): Label {
  return {
    repo: 'someone/app',
    commit: COMMIT_A,
    path: 'src/auth.js',
    line: 3,
    rule: 'require-401-for-credential-failure',
    framework: 'express',
    why: 'A missing bearer token is answered with 403, so clients never refresh.',
    ...overrides,
  };
}

function fix(overrides: Partial<Fix> = {}): Fix {
  return {
    repo: 'someone/app',
    commit: COMMIT_B,
    parent: COMMIT_A,
    path: 'src/auth.js',
    line: 3,
    pathAfter: 'src/auth.js',
    lineAfter: 3,
    rule: 'require-401-for-credential-failure',
    framework: 'express',
    why: 'The maintainer changed the status for a missing token from 403 to 401.',
    ...overrides,
  };
}

describe('real-world benchmark: the committed data', () => {
  const benchmark = loadBenchmark();

  it('labels.json, repos.json and fixes.json are well-formed', () => {
    assert.deepEqual(validate(benchmark), []);
  });

  it('names no repository of the held-out list', function () {
    const file = heldOutFile();
    if (file === undefined) this.skip();
    assert.deepEqual(heldOutUsed(benchmark, parseHeldOut(readFileSync(file, 'utf8'))), []);
  });

  it('prints its size against the issue minimums (not enforced here)', () => {
    const text = formatCounts(countBenchmark(benchmark));
    console.log(text.replace(/^/gm, '      '));
    assert.match(text, /labelled repositories: \d+ \(minimum 80\)/);
  });
});

describe('real-world benchmark: validation', () => {
  it('accepts well-formed entries', () => {
    assert.deepEqual(validateLabels([label(), label({ line: 9, rule: null, why: 'A role check: 403 is right here.' })]), []);
    assert.deepEqual(validateFixes([fix()]), []);
  });

  it('rejects short or upper-case commits, unknown rules, lines below 1 and absolute paths', () => {
    const problems = validateLabels([
      label({ commit: 'abc123' }),
      label({ commit: COMMIT_A.toUpperCase(), line: 4 }),
      label({ rule: 'require-401' as Label['rule'], line: 5 }),
      label({ line: 0 }),
      label({ path: '/etc/app.js', line: 6 }),
    ]);
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.match(problems[0] ?? '', /commit must be 40/);
    assert.match(problems[1] ?? '', /commit must be 40/);
    assert.match(problems[2] ?? '', /known rule id or null/);
    assert.match(problems[3] ?? '', /line must be an integer ≥ 1/);
    assert.match(problems[4] ?? '', /path must be relative/);
  });

  it('rejects duplicated entries and a line labelled both silent and reported', () => {
    const problems = validateLabels([label(), label(), label({ rule: null })]);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0] ?? '', /duplicates entry 0/);
    assert.match(problems[1] ?? '', /also labelled silent/);
  });

  it('rejects fixes without a parent, with the parent as the fix, or without a rule', () => {
    const problems = validateFixes([fix({ parent: 'x' }), fix({ parent: COMMIT_B, line: 4 }), fix({ rule: null as unknown as Fix['rule'], line: 5 })]);
    assert.equal(problems.length, 3, problems.join('\n'));
  });

  it('needs a repos.json entry for every labelled repository, with a known kind', () => {
    const problems = validateRepos([{ repo: 'other/app', commit: COMMIT_A, kind: 'demo', frameworks: ['express'] }], [label()]);
    assert.deepEqual(problems, ['repos.json[0]: kind must be production or tutorial', 'repos.json: no entry for labelled repository someone/app']);
  });

  it('finds held-out repositories whatever their case', () => {
    const benchmark: Benchmark = { labels: [label()], repos: [], fixes: [fix({ repo: 'Held/Out' })] };
    const heldOut = parseHeldOut('# comment\nheld/out\n\nsomeone/else\n');
    assert.deepEqual(heldOutUsed(benchmark, heldOut), ['Held/Out']);
    assert.ok(validate(benchmark, heldOut).some((problem) => problem.startsWith('Held/Out is on the held-out list')));
  });

  it('refuses code copied into a why, and accepts short references to code', () => {
    assert.match(codeInWhy('It sends `if (!token) return res.status(403)` on a missing token.') ?? '', /backtick/);
    assert.match(codeInWhy("Here: if (!token) { return res.status(403).json({ error: 'no token' }); }") ?? '', /code-like/);
    assert.match(codeInWhy('jwt.verify(token, secret, (err, decoded) => { if (err) return res.sendStatus(403) })') ?? '', /code-like/);
    assert.equal(codeInWhy('A missing token gets res.status(403), so the client never refreshes.'), undefined);
    assert.equal(codeInWhy('The `403` for an expired JWT should be 401 with a Bearer challenge (RFC 6750, section 3.1).'), undefined);
    assert.equal(codeInWhy('Role check (user.role is not admin): 403 is right, the identity is known.'), undefined);
  });
});

describe('real-world benchmark: runner', () => {
  let root: string;
  let gitDir: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: path.join(root, 'work'), encoding: 'utf8' }).trim();

  // A repository written for this test: a 403 for a missing header in the first commit, fixed to 401 + challenge in the second.
  const unfixed = [
    "const express = require('express');",
    'function requireAuth(req, res, next) {',
    "  if (!req.headers.authorization) return res.status(403).json({ message: 'No token provided' });",
    "  if (req.user && req.user.role !== 'admin') return res.status(403).json({ message: 'Admins only' });",
    "  if (req.query.debug) return res.status(401).json({ message: 'Not logged in' });",
    '  next();',
    '}',
    'module.exports = requireAuth;',
    '',
  ];
  const fixed = [...unfixed];
  fixed[2] =
    "  if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json({ message: 'No token provided' });";
  let parent: string;
  let commit: string;

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'realworld-test-'));
    mkdirSync(path.join(root, 'work', 'src'), { recursive: true });
    git('init', '-q');
    const commitFile = (lines: readonly string[], message: string) => {
      writeFileSync(path.join(root, 'work', 'src', 'auth.js'), lines.join('\n'));
      git('add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    };
    parent = commitFile(unfixed, 'first');
    commit = commitFile(fixed, 'fix');
    // The snapshot layout `fetch` produces: DIR/owner+name/repo/.git
    mkdirSync(path.join(root, 'snapshots', 'someone+app', 'repo'), { recursive: true });
    execFileSync('git', ['clone', '-q', '--bare', path.join(root, 'work'), path.join(root, 'snapshots', 'someone+app', 'repo', '.git')]);
    gitDir = path.join(root, 'snapshots', 'someone+app', 'repo', '.git');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds a snapshot in DIR/owner+name, nested or not', () => {
    assert.equal(findGitDir(path.join(root, 'snapshots'), 'someone/app'), gitDir);
    assert.equal(findGitDir(path.join(root, 'snapshots'), 'someone/none'), undefined);
  });

  it('scores labels, lists unjudged reports and missing snapshots, and judges fixes before and after', () => {
    const benchmark: Benchmark = {
      labels: [
        label({ commit: parent, line: 3 }),
        label({ commit: parent, line: 4, rule: null, why: 'A role check after the identity is known: 403 is right.' }),
        label({ repo: 'someone/gone', commit: parent }),
      ],
      repos: [
        { repo: 'someone/app', commit: parent, kind: 'production', frameworks: ['express'] },
        { repo: 'someone/gone', commit: parent, kind: 'tutorial', frameworks: ['express'] },
      ],
      fixes: [fix({ commit, parent, line: 3, lineAfter: 3 }), fix({ repo: 'someone/app', commit: COMMIT_B, parent: COMMIT_A, line: 9 })],
    };
    assert.deepEqual(validate(benchmark), []);
    const result = runBenchmark(benchmark, path.join(root, 'snapshots'), pluginRuleNames());

    const credential = result.scores.byRule.get('require-401-for-credential-failure');
    assert.deepEqual(credential, { truePositives: 1, falseAlarms: 0, misses: 0 });
    assert.deepEqual(result.scores.byKind.get('production'), { truePositives: 1, falseAlarms: 0, misses: 0 });
    assert.deepEqual(result.scores.byKind.get('tutorial'), { truePositives: 0, falseAlarms: 0, misses: 0 });
    // Line 5 (a bare 401) is reported by require-www-authenticate but nobody labelled it.
    assert.ok(result.scores.outcome.ignored.some((finding) => finding.line === 5 && finding.rule === 'require-www-authenticate'));
    assert.deepEqual(result.missingSnapshots, ['someone/gone']);

    const [real, unknown] = result.fixes;
    assert.equal(real?.detected, 'yes');
    assert.equal(real?.cleanAfter, 'yes');
    assert.equal(unknown?.detected, 'unavailable');
    assert.match(unknown?.note ?? '', /not in the snapshot/);
    assert.deepEqual(tallyFixes(result.fixes), { fixes: 1, detected: 1, cleanAfter: 1, both: 1, unavailable: 1 });

    // The text report names what to fetch and lists the unjudged line with its repository path.
    const text = formatText(result, false);
    assert.match(text, /fetch github:someone\/gone/);
    assert.match(text, /Unjudged reports: label these lines \(\d+\):\n(?:.*\n)*\s+someone\/app\/src\/auth\.js:5 {2}require-www-authenticate/);
    const json = toJson(result);
    assert.deepEqual(json.missingSnapshots, [{ repo: 'someone/gone', fetch: 'fetch github:someone/gone' }]);
    assert.equal(json.byKind.production?.precision, 1);
  });

  it('counts a report on a line labelled silent as a false alarm, and a label nobody reported as a miss', () => {
    const benchmark: Benchmark = {
      labels: [
        label({ commit: parent, line: 3, rule: null, why: 'Pretend this line must stay silent, to see the false alarm.' }),
        label({ commit: parent, line: 4, rule: 'require-401-for-credential-failure', why: 'Pretend the role check must be reported, to see a miss.' }),
      ],
      repos: [{ repo: 'someone/app', commit: parent, kind: 'tutorial', frameworks: ['express'] }],
      fixes: [],
    };
    const result = runBenchmark(benchmark, path.join(root, 'snapshots'), pluginRuleNames(), { rules: ['require-401-for-credential-failure'], frameworks: [], repos: [] });
    assert.deepEqual(
      result.scores.outcome.falseAlarms.map((finding) => [finding.line, finding.rule]),
      [[3, 'require-401-for-credential-failure']],
    );
    assert.deepEqual(
      result.scores.outcome.misses.map((finding) => [finding.line, finding.rule]),
      [[4, 'require-401-for-credential-failure']],
    );
    assert.deepEqual([...result.scores.byRule.keys()], ['require-401-for-credential-failure']);
  });
});

describe('real-world benchmark: a snapshot that lacks some blobs', () => {
  let root: string;
  let commit: string;
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'realworld-partial-'));
    const work = path.join(root, 'work');
    mkdirSync(path.join(work, 'src'), { recursive: true });
    // The helper that answers 403 lives in another file: reported at the call only if that file is extracted.
    writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'partial' }));
    writeFileSync(path.join(work, 'src', 'reply.js'), 'function forbidden(res, message) {\n  return res.status(403).json({ message });\n}\nmodule.exports = { forbidden };\n');
    writeFileSync(
      path.join(work, 'src', 'auth.js'),
      "const { forbidden } = require('./reply');\nfunction requireAuth(req, res, next) {\n  if (!req.headers.authorization) return forbidden(res, 'Sign in first');\n  next();\n}\nmodule.exports = requireAuth;\n",
    );
    writeFileSync(path.join(work, 'model.bin'), 'weights that the snapshot leaves out\n');
    git(work, 'init', '-q');
    git(work, 'add', '.');
    git(work, '-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-q', '-m', 'first');
    commit = git(work, 'rev-parse', 'HEAD');
    const snapshot = path.join(root, 'snapshots', 'someone+partial', 'repo', '.git');
    execFileSync('git', ['clone', '-q', '--bare', '--no-local', work, snapshot]);
    // Unpack, then drop the large file's blob: `git archive` of this commit now fails as a whole.
    const blob = git(work, 'rev-parse', `${commit}:model.bin`);
    const packs = path.join(snapshot, 'objects', 'pack');
    for (const pack of readdirSync(packs).filter((name) => name.endsWith('.pack'))) {
      const packed = readFileSync(path.join(packs, pack));
      rmSync(path.join(packs, pack));
      rmSync(path.join(packs, pack.replace(/\.pack$/, '.idx')));
      execFileSync('git', ['--git-dir', snapshot, 'unpack-objects', '-q'], { input: packed });
    }
    rmSync(path.join(snapshot, 'objects', blob.slice(0, 2), blob.slice(2)));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('still lints a file inside the sources the snapshot holds, so an import from another file is followed', () => {
    const benchmark: Benchmark = {
      labels: [label({ repo: 'someone/partial', commit, path: 'src/auth.js', line: 3, why: 'A missing Authorization header is answered by the 403 helper of another file.' })],
      repos: [{ repo: 'someone/partial', commit, kind: 'production', frameworks: ['express'] }],
      fixes: [],
    };
    assert.deepEqual(validate(benchmark), []);
    const result = runBenchmark(benchmark, path.join(root, 'snapshots'), pluginRuleNames());
    assert.deepEqual(result.scores.byRule.get('require-401-for-credential-failure'), { truePositives: 1, falseAlarms: 0, misses: 0 });
  });
});
