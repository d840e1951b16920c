import assert from 'node:assert/strict';
import { baselineFindings, statusesOnLine } from './baseline';
import { loadCorpus, type CorpusFile } from './corpus';
import { countCorpus, evaluate, filesInScope } from './evaluate';
import { CORPUS_FRAMEWORKS, SUPPORTED_FRAMEWORKS } from './frameworks';
import { gateScope, MIN_PRECISION, MIN_RECALL } from './gate';
import { LabelError, parseLabels } from './labels';
import { lintCorpus, pluginRuleNames, type Finding } from './lint';
import { formatFindings } from './report';
import { compare, precision, recall, tallyBy, totalOf } from './score';

function syntheticFile(name: string, text: string): CorpusFile {
  return { name, framework: 'express', text, labels: parseLabels(text, name) };
}

describe('accuracy harness: labels', () => {
  it('reads one or several rules from a trailing expect comment', () => {
    const labels = parseLabels(
      [
        'if (!token) return res.status(403).end(); // expect: require-401-for-credential-failure',
        "res.status(401).send('admins only') // expect: require-403-for-permission-denial, require-www-authenticate",
      ].join('\n'),
    );
    assert.deepEqual(labels.expectations, [
      { line: 1, rule: 'require-401-for-credential-failure' },
      { line: 2, rule: 'require-403-for-permission-denial' },
      { line: 2, rule: 'require-www-authenticate' },
    ]);
  });

  it('keeps an earlier comment on the line out of the label', () => {
    const labels = parseLabels('if (err) return res.sendStatus(403); //invalid token // expect: require-401-for-credential-failure');
    assert.deepEqual(labels.expectations, [{ line: 1, rule: 'require-401-for-credential-failure' }]);
  });

  it('records expect-ignore lines and neither expects nor counts them as look-alikes', () => {
    const labels = parseLabels("\nres.sendStatus(403) // expect-ignore: refresh endpoint\nres.status(403).json({ message: 'Admin only' })");
    assert.deepEqual([...labels.ignoredLines], [2]);
    assert.deepEqual(labels.expectations, []);
    assert.deepEqual(labels.lookalikeLines, [3]);
  });

  it('counts unlabelled 4xx statuses and auth helpers as look-alikes, but not comments, ports or labelled lines', () => {
    const labels = parseLabels(
      [
        'app.listen(4000)',
        '// 401 Unauthorized',
        "throw new ForbiddenException('no')",
        "throw Boom.unauthorized('Missing authentication', 'Bearer')",
        'expect(res.status).toBe(403)',
        'res.sendStatus(401) // expect: require-www-authenticate',
        'res.status(httpStatus.FORBIDDEN)',
        'const timeoutMs = 4013',
        "throw new TRPCError({ code: 'FORBIDDEN' })",
        'callback({ code: grpc.status.PERMISSION_DENIED })',
        "throw new HttpsError('unauthenticated', 'Sign in')",
        "throw new HttpsError('not-found')",
      ].join('\n'),
    );
    assert.deepEqual(labels.lookalikeLines, [3, 4, 5, 7, 9, 10, 11]);
  });

  it('rejects unknown rule names, malformed labels and labels without code', () => {
    assert.throws(() => parseLabels('res.status(403) // expect: require-401', 'a.js'), (error: unknown) => {
      return error instanceof LabelError && /a\.js:1: unknown rule "require-401"/.test(error.message);
    });
    assert.throws(() => parseLabels('res.status(403) // expect require-401-for-credential-failure', 'b.js'), /b\.js:1: malformed label/);
    assert.throws(() => parseLabels('res.status(403) // expect-ignore', 'c.js'), /c\.js:1: malformed label/);
    assert.throws(() => parseLabels('// expect: require-www-authenticate', 'd.js'), /d\.js:1: a label must follow code/);
    assert.throws(
      () => parseLabels('res.status(401) // expect: require-www-authenticate, require-www-authenticate', 'e.js'),
      /listed twice/,
    );
  });
});

describe('accuracy harness: scoring', () => {
  const expected: Finding[] = [
    { file: 'a.js', line: 3, rule: 'require-www-authenticate' },
    { file: 'a.js', line: 7, rule: 'require-401-for-credential-failure' },
    { file: 'b.ts', line: 2, rule: 'require-401-for-credential-failure' },
  ];
  const reported: Finding[] = [
    { file: 'a.js', line: 3, rule: 'require-www-authenticate' },
    { file: 'a.js', line: 3, rule: 'require-www-authenticate' },
    { file: 'a.js', line: 7, rule: 'require-www-authenticate' },
    { file: 'b.ts', line: 9, rule: 'require-401-for-credential-failure' },
    { file: 'b.ts', line: 11, rule: 'require-401-for-credential-failure' },
  ];
  const outcome = compare(expected, reported, (file, line) => file === 'b.ts' && line === 11);

  it('matches by file, line and rule, counting a duplicate report once', () => {
    assert.deepEqual(outcome.truePositives, [{ file: 'a.js', line: 3, rule: 'require-www-authenticate' }]);
    assert.deepEqual(outcome.falseAlarms, [
      { file: 'a.js', line: 7, rule: 'require-www-authenticate' },
      { file: 'b.ts', line: 9, rule: 'require-401-for-credential-failure' },
    ]);
    assert.deepEqual(outcome.misses, [
      { file: 'a.js', line: 7, rule: 'require-401-for-credential-failure' },
      { file: 'b.ts', line: 2, rule: 'require-401-for-credential-failure' },
    ]);
    assert.deepEqual(outcome.ignored, [{ file: 'b.ts', line: 11, rule: 'require-401-for-credential-failure' }]);
  });

  it('computes precision and recall, undefined when there is nothing to divide', () => {
    const total = totalOf(outcome);
    assert.deepEqual(total, { truePositives: 1, falseAlarms: 2, misses: 2 });
    assert.equal(precision(total), 1 / 3);
    assert.equal(recall(total), 1 / 3);
    assert.equal(precision({ truePositives: 0, falseAlarms: 0, misses: 4 }), undefined);
    assert.equal(recall({ truePositives: 0, falseAlarms: 3, misses: 0 }), undefined);
  });

  it('tallies per group and keeps seeded groups that have no findings', () => {
    const byRule = tallyBy(outcome, (finding) => finding.rule, ['refresh-token-on-401']);
    assert.deepEqual(byRule.get('require-401-for-credential-failure'), { truePositives: 0, falseAlarms: 1, misses: 2 });
    assert.deepEqual(byRule.get('require-www-authenticate'), { truePositives: 1, falseAlarms: 1, misses: 0 });
    assert.deepEqual(byRule.get('refresh-token-on-401'), { truePositives: 0, falseAlarms: 0, misses: 0 });
  });

  it('scores only the rules and frameworks of the scope', () => {
    const files = [
      syntheticFile('express/a.js', "res.sendStatus(401) // expect: require-www-authenticate\nres.status(403).send('admins only')"),
      { ...syntheticFile('koa/b.js', 'ctx.status = 403 // expect: require-401-for-credential-failure'), framework: 'koa' as const },
    ];
    const evaluation = evaluate(
      files,
      [
        { file: 'express/a.js', line: 2, rule: 'require-www-authenticate' },
        { file: 'express/a.js', line: 2, rule: 'require-401-for-credential-failure' },
      ],
      { rules: ['require-www-authenticate'], frameworks: ['express'] },
    );
    assert.deepEqual(evaluation.total, { truePositives: 0, falseAlarms: 1, misses: 1 });
    assert.deepEqual([...evaluation.byFramework.keys()], ['express']);
  });
});

describe('accuracy harness: grep baseline', () => {
  it('reads statuses from numbers and constant names, not from comments', () => {
    assert.deepEqual(statusesOnLine('return res.status(StatusCodes.FORBIDDEN).json({})'), [403]);
    assert.deepEqual(statusesOnLine('res.writeHead(401, headers)'), [401]);
    assert.deepEqual(statusesOnLine('// res.status(403)'), []);
    assert.deepEqual(statusesOnLine('server.listen(4000)'), []);
  });

  it('flags a 401 without a challenge anywhere in the file, and a 403 near token words', () => {
    const file = syntheticFile('express/x.js', ['const token = req.headers.authorization', 'if (!token) return res.status(403).end()', 'res.sendStatus(401)'].join('\n'));
    assert.deepEqual(baselineFindings([file], ['require-401-for-credential-failure', 'require-www-authenticate']), [
      { file: 'express/x.js', line: 2, rule: 'require-401-for-credential-failure' },
      { file: 'express/x.js', line: 3, rule: 'require-www-authenticate' },
    ]);
  });
});

describe('accuracy corpus (test/corpus)', () => {
  const files = loadCorpus();
  const counts = countCorpus(files);

  it('has a folder with labelled files for every framework', () => {
    for (const framework of CORPUS_FRAMEWORKS) {
      assert.ok((counts.get(framework)?.findings ?? 0) > 0, `test/corpus/${framework} has no labelled finding`);
    }
  });

  it('holds at least 250 labelled findings (the minimum of issue 5) and at least as many silent look-alikes', () => {
    const findings = [...counts.values()].reduce((sum, count) => sum + count.findings, 0);
    const lookalikes = [...counts.values()].reduce((sum, count) => sum + count.lookalikes, 0);
    assert.ok(findings >= 250, `only ${findings} labelled findings`);
    assert.ok(lookalikes >= findings, `${lookalikes} look-alikes for ${findings} findings`);
  });

  it('holds at least 40 findings and 40 look-alikes for the supported frameworks', () => {
    const supported = SUPPORTED_FRAMEWORKS.map((framework) => counts.get(framework));
    const findings = supported.reduce((sum, count) => sum + (count?.findings ?? 0), 0);
    const lookalikes = supported.reduce((sum, count) => sum + (count?.lookalikes ?? 0), 0);
    assert.ok(findings >= 40 && lookalikes >= 40, `${findings} findings, ${lookalikes} look-alikes`);
  });

  it(`keeps precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL} on the supported frameworks`, function () {
    this.timeout(120_000);
    const scope = gateScope(pluginRuleNames());
    const gate = evaluate(files, lintCorpus(filesInScope(files, scope)), scope);
    const detail = [
      formatFindings('Missed', gate.outcome.misses, files),
      formatFindings('False alarms', gate.outcome.falseAlarms, files),
      'Run `npm run eval` for the full report.',
    ].join('\n');
    assert.ok((precision(gate.total) ?? 1) >= MIN_PRECISION, `precision ${precision(gate.total)?.toFixed(3)}\n${detail}`);
    assert.ok((recall(gate.total) ?? 0) >= MIN_RECALL, `recall ${recall(gate.total)?.toFixed(3)}\n${detail}`);
  });
});
