import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { disableNextLineChange } from '../../packages/language-server/src/features/disable-comment';
import { LintEngine } from '../../packages/language-server/src/lint/engine';
import { applyChanges, fixesAndSuggestions, fixUntilStable, minimalChange, safeFixes } from '../../packages/language-server/src/lint/fix-all';
import { parseTargetOf } from '../../packages/language-server/src/lint/languages';
import { rulesFromEslintConfig, rulesFromSettings } from '../../packages/language-server/src/lint/rules';
import { HeapKeeper, loadCollector } from '../../packages/language-server/src/memory';
import { defaultSettings, readSettings } from '../../packages/language-server/src/settings';
import type { Problem } from '../../packages/language-server/src/lint/problem';
import { BufferMirror } from '../../packages/language-server/src/workspace/buffer-mirror';
import { CHALLENGE_RULE, CREDENTIAL_RULE, EXPRESS_SOURCE, EXPRESS_SOURCE_FIXED } from './fixtures';

const RULE = 'auth-status/require-www-authenticate';

describe('language server units: disable comments', () => {
  const apply = (text: string, offset: number) => {
    const change = disableNextLineChange(text, offset, RULE);
    return change && applyChanges(text, [change]);
  };

  it('inserts a comment with the line indentation, keeping CRLF line breaks', () => {
    const text = 'function f(res) {\r\n\t\treturn res.status(401).end();\r\n}\r\n';
    assert.equal(apply(text, text.indexOf('401')), `function f(res) {\r\n\t\t// eslint-disable-next-line ${RULE}\r\n\t\treturn res.status(401).end();\r\n}\r\n`);
  });

  it('inserts on the first line of a file', () => {
    assert.equal(apply('res.status(401).end();', 11), `// eslint-disable-next-line ${RULE}\nres.status(401).end();`);
  });

  it('extends a directive above, before its description, also with CRLF', () => {
    const text = '  // eslint-disable-next-line no-console, no-alert -- legacy\r\n  res.status(401).end();\r\n';
    assert.equal(apply(text, text.indexOf('401')), `  // eslint-disable-next-line no-console, no-alert, ${RULE} -- legacy\r\n  res.status(401).end();\r\n`);
  });

  it('offers nothing when the directive above already silences the rule, or silences every rule', () => {
    const listed = `// eslint-disable-next-line ${RULE}\nres.status(401).end();`;
    assert.equal(disableNextLineChange(listed, listed.indexOf('401'), RULE), undefined);
    const bare = '// eslint-disable-next-line\nres.status(401).end();';
    assert.equal(disableNextLineChange(bare, bare.indexOf('401'), RULE), undefined);
  });

  it('does not mistake a similar comment for a directive', () => {
    const text = '// eslint-disable-next-lines are handy\nres.status(401).end();';
    assert.equal(apply(text, text.indexOf('401')), `// eslint-disable-next-lines are handy\n// eslint-disable-next-line ${RULE}\nres.status(401).end();`);
  });
});

describe('language server units: applying changes', () => {
  it('applies sorted changes and leaves overlapping or touching ones for the next pass, like ESLint', () => {
    const changes = [
      { start: 6, end: 9, text: 'X' },
      { start: 0, end: 3, text: 'A' },
      { start: 2, end: 5, text: 'overlaps' },
      { start: 9, end: 9, text: 'touches' },
    ];
    assert.equal(applyChanges('abcdefghij', changes), 'AdefXj');
  });

  it('reduces two texts to the one change between their common prefix and suffix', () => {
    assert.deepEqual(minimalChange('res.status(403).end()', 'res.status(401).end()'), { start: 13, end: 14, text: '1' });
    assert.deepEqual(minimalChange('aaa', 'aaaa'), { start: 3, end: 3, text: 'a' });
    assert.deepEqual(minimalChange('same', 'same'), { start: 4, end: 4, text: '' });
  });
});

describe('language server units: linting through the engine', () => {
  const engine = new LintEngine();
  const target = parseTargetOf('typescript', '/workspace/routes.ts')!;
  const { rules } = rulesFromSettings(defaultSettings());
  const lint = (text: string) => engine.lint(text, target, rules);

  it('fixes until stable: safe fixes only, or fixes and preferred suggestions', async () => {
    const safe = (await fixUntilStable(EXPRESS_SOURCE, lint, safeFixes))!;
    assert.ok(safe.includes("res.status(403).json({ message: 'No token provided' })"));
    assert.ok(safe.includes("res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json({ message: 'Unauthenticated' })"));
    assert.equal(await fixUntilStable(EXPRESS_SOURCE, lint, fixesAndSuggestions), EXPRESS_SOURCE_FIXED);
    assert.equal(await fixUntilStable(EXPRESS_SOURCE_FIXED, lint, fixesAndSuggestions), undefined);
  });

  it('never returns a text that does not parse', async () => {
    let calls = 0;
    const breaksAfterFirstPass = (text: string) => (calls++ === 0 ? lint(text) : ({ kind: 'parse-error', message: 'x', line: 1, column: 1 } as const));
    assert.equal(await fixUntilStable(EXPRESS_SOURCE, breaksAfterFirstPass, fixesAndSuggestions), undefined);
  });

  it('drops a pass whose text has no status and does not parse: the unfiltered lint parses it (audit F9)', async () => {
    const clean = 'app.get("/me", (req, res) => {\n  res.json({ ok: true });\n});\n';
    // The problems of another text, applied to this one, append code after the last line.
    const stale = { kind: 'problems', problems: [{ ...(lint(EXPRESS_SOURCE) as { problems: Problem[] }).problems[1]!, fix: { start: clean.length, end: clean.length, text: ".set('WWW-Authenticate', 'Bearer')" } }] } as const;
    assert.deepEqual(engine.lint(`${clean}.set('x')`, target, rules), { kind: 'problems', problems: [] }, 'the prefilter does not parse it');
    assert.equal(engine.lintUnfiltered(`${clean}.set('x')`, target, rules).kind, 'parse-error');
    assert.equal(await fixUntilStable(clean, (text) => engine.lintUnfiltered(text, target, rules), safeFixes, stale), undefined);
  });

  it('names where the credential was read: a key header, a cookie; nothing for a value from a helper', () => {
    const rows = (text: string) => {
      const outcome = lint(text);
      assert.equal(outcome.kind, 'problems');
      const [problem] = outcome.kind === 'problems' ? outcome.problems : [];
      return problem!.explanation!.evidence.map((span) => [text.slice(span.start, span.end), span.what]);
    };
    assert.deepEqual(rows(`app.get('/a', (req, res) => { const key = req.headers['x-api-key']; if (!key) return res.status(403).end(); });`), [
      ['!key', 'missing-credential check'],
      ["req.headers['x-api-key']", 'x-api-key header read here'],
    ]);
    assert.deepEqual(rows(`app.get('/b', (req, res) => { const { session } = req.cookies; if (!session) return res.status(403).end(); });`), [
      ['!session', 'missing-credential check'],
      ['req.cookies', 'session cookie read here'],
    ]);
    // Where a helper got the token from is not in this code: no row guesses it.
    assert.deepEqual(rows(`app.get('/c', (req, res) => { const token = extractToken(req); if (!token) return res.status(403).end(); });`), [['!token', 'missing-credential check']]);
  });

  it('reports offsets in the original text when it starts with a byte order mark', () => {
    const text = `\uFEFF${EXPRESS_SOURCE}`;
    const outcome = lint(text);
    assert.equal(outcome.kind, 'problems');
    const problems = outcome.kind === 'problems' ? outcome.problems : [];
    const credential = problems.find((problem) => problem.ruleId === CREDENTIAL_RULE)!;
    assert.equal(text.slice(credential.start, credential.end), '403');
    assert.equal(text.slice(credential.explanation!.evidence[0]!.start, credential.explanation!.evidence[0]!.end), '!token');
    const challenge = problems.find((problem) => problem.ruleId === CHALLENGE_RULE)!;
    const fixed = applyChanges(text, [challenge.fix!]);
    assert.ok(fixed.startsWith('\uFEFF'));
    assert.ok(fixed.includes(".status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"')"));
  });

  it('says where a document stops parsing, and skips parsing text without any status', () => {
    assert.deepEqual(lint('app.get("/", (req, res) => { res.status(403) ').kind, 'parse-error');
    // Does not parse either, but holds no status-like text: the prefilter answers without parsing.
    assert.deepEqual(lint('const broken = ('), { kind: 'problems', problems: [] });
  });
});

describe('language server units: languages and settings', () => {
  it('picks the parser from the language id, refined by the extension', () => {
    assert.deepEqual(parseTargetOf('typescript', '/a/b.cts'), { language: { kind: 'typescript', jsx: false, sourceType: 'commonjs' }, filename: '/a/b.cts' });
    assert.deepEqual(parseTargetOf('typescriptreact', '/a/b.ts'), { language: { kind: 'typescript', jsx: true, sourceType: 'module' }, filename: '/a/b.ts' });
    assert.deepEqual(parseTargetOf('typescript', '/a/b.js'), { language: { kind: 'typescript', jsx: false, sourceType: 'module' }, filename: '/a/b.js.ts' });
    assert.deepEqual(parseTargetOf('javascript', '/Untitled-1'), { language: { kind: 'javascript', jsx: true, sourceType: 'module' }, filename: '/Untitled-1.js' });
    assert.deepEqual(parseTargetOf('plaintext', '/a/b.mjs'), { language: { kind: 'javascript', jsx: false, sourceType: 'module' }, filename: '/a/b.mjs' });
    assert.equal(parseTargetOf('python', '/a/b.py'), undefined);
  });

  it('reads settings leniently, naming each wrong value', () => {
    const { settings, problems } = readSettings({ enable: 'yes', rules: { 'auth-status/require-www-authenticate': ['warn', { realm: 'x' }], bad: 7 }, challenge: { scheme: '' } });
    assert.equal(settings.enable, true);
    assert.deepEqual(settings.rules, { 'require-www-authenticate': ['warn', { realm: 'x' }] });
    assert.equal(settings.challenge.scheme, undefined);
    assert.deepEqual(problems, [
      'authStatus.enable must be true or false, got "yes"; using the default.',
      'authStatus.challenge.scheme must be an auth scheme token such as "Bearer" or "auto", got ""; using the default.',
      'authStatus.rules.bad must be "off", "warn", "error" or [severity, options], got 7; ignoring it.',
    ]);
    assert.deepEqual(readSettings('nope').problems, ['authStatus must be an object, got "nope"; using the defaults.']);
  });

  it('rejects a realm or scheme that would break the code a fix inserts, one line each, and uses the default (audit F19)', () => {
    for (const realm of ['a\nb', 'a\r\nb', 'a\u2028b', 'a\u2029b', 'say "hi"', 'C:\\realm', 'bell\u0007']) {
      const { settings, problems } = readSettings({ challenge: { realm, scheme: 'Basic' } });
      assert.equal(settings.challenge.realm, undefined, JSON.stringify(realm));
      assert.equal(settings.challenge.scheme, 'Basic');
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /^authStatus\.challenge\.realm must be text a quoted-string can hold .*; using the default\.$/);
      assert.doesNotMatch(problems[0]!, /[\n\r\u2028\u2029]/);
    }
    assert.equal(readSettings({ challenge: { realm: 'my shop (EU)' } }).settings.challenge.realm, 'my shop (EU)');
    const scheme = readSettings({ challenge: { scheme: 'Bearer realm="x"' } });
    assert.equal(scheme.settings.challenge.scheme, undefined);
    assert.equal(scheme.problems.length, 1);
  });

  it('gives challenge settings only to rules that take them, a rule option winning', () => {
    const settings = { ...defaultSettings(), challenge: { realm: 'shop' }, rules: { 'require-401-for-credential-failure': ['warn', { realm: 'own' }] as ['warn', unknown] } };
    const { rules } = rulesFromSettings(settings);
    assert.deepEqual(rules[CREDENTIAL_RULE], ['warn', { realm: 'own' }]);
    assert.deepEqual(rules[CHALLENGE_RULE], ['error', { realm: 'shop' }]);
    assert.deepEqual(rules['auth-status/refresh-token-on-401'], ['warn']);
  });

  it('takes only our rules from a workspace ESLint config, and nothing when it does not mention them', () => {
    assert.equal(rulesFromEslintConfig({ 'no-console': [2] }), undefined);
    assert.deepEqual(rulesFromEslintConfig({ [CREDENTIAL_RULE]: [1, { realm: 'x' }], [CHALLENGE_RULE]: [0], 'auth-status/gone': [2] }), {
      rules: { [CREDENTIAL_RULE]: ['warn', { realm: 'x' }] },
      problems: ['The workspace ESLint config sets "auth-status/gone", which this server does not know; ignoring it.'],
    });
  });
});

describe('language server units: the open buffers as the lint worker sees them', () => {
  it('sends a worker only what changed since its last request, and a fresh worker every open buffer', () => {
    const mirror = new BufferMirror();
    mirror.set('/p/a.ts', 'a1');
    mirror.set('/p/b.ts', 'b1');
    assert.deepEqual(mirror.changesFor(1), { '/p/a.ts': 'a1', '/p/b.ts': 'b1' });
    assert.deepEqual(mirror.changesFor(1), {});
    mirror.set('/p/a.ts', 'a2');
    mirror.set('/p/a.ts', 'a3');
    mirror.set('/p/b.ts', undefined);
    assert.deepEqual(mirror.changesFor(1), { '/p/a.ts': 'a3', '/p/b.ts': null });
    mirror.set('/p/c.ts', 'c1');
    // A worker started afresh knows nothing: every buffer still open, and no closed one.
    assert.deepEqual(mirror.changesFor(2), { '/p/a.ts': 'a3', '/p/c.ts': 'c1' });
  });
});

describe('language server units: heap keeper', () => {
  const MB = 1024 * 1024;
  const limits = { burstGrowth: 48 * MB, idleMs: 300, typingIdleMs: 2000, settleMs: 5500, youngFillBetweenKeystrokes: 0.25 };
  const afterImmediate = () => new Promise((resolve) => setImmediate(resolve));
  const used = () => v8.getHeapStatistics().used_heap_size;
  const report = (before: number) => `heap ${(before / MB).toFixed(0)} MB → ${(used() / MB).toFixed(0)} MB`;
  /** A keeper whose baseline is what is really alive (the test process holds garbage of earlier tests). */
  const keeper = () => {
    loadCollector()!();
    return new HeapKeeper(limits);
  };
  /** About this many megabytes, alive until `drop`. */
  const allocate = (megabytes: number) => {
    let objects: { index: number; text: string }[] = Array.from({ length: megabytes * 12_000 }, (_, index) => ({ index, text: `garbage ${index}` }));
    return { size: () => objects.length, drop: () => void (objects = []) };
  };

  it('collects the garbage of a burst right after the work once it passes the burst limit', async () => {
    const heap = keeper();
    try {
      const garbage = allocate(96);
      const before = used();
      assert.equal(garbage.size(), 96 * 12_000);
      garbage.drop();
      heap.afterWork();
      await afterImmediate();
      assert.ok(used() < before - 48 * MB, report(before));
    } finally {
      heap.dispose();
    }
  });

  /** 32 MB of garbage left behind by work (after an edit, when `typing`), then `check` with the heap size before. */
  const afterSmallerWork = async (typing: boolean, check: (before: number) => Promise<void>) => {
    const heap = keeper();
    try {
      const garbage = allocate(32);
      const before = used();
      garbage.drop();
      if (typing) heap.edited();
      heap.afterWork();
      await check(before);
    } finally {
      heap.dispose();
    }
  };

  it('leaves smaller growth to V8 during work, and collects it once idle', () =>
    afterSmallerWork(false, async (before) => {
      await afterImmediate();
      assert.ok(used() > before - 8 * MB, `not in the burst: ${report(before)}`);
      await new Promise((resolve) => setTimeout(resolve, limits.idleMs + 100));
      assert.ok(used() < before - 16 * MB, report(before));
    }));

  it('does not collect in a pause between keystrokes: while the user types, idle means no edit for a while', () =>
    afterSmallerWork(true, async (before) => {
      await new Promise((resolve) => setTimeout(resolve, limits.idleMs + 300));
      assert.ok(used() > before - 8 * MB, `collected while typing: ${report(before)}`);
    }));

  const youngUsed = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_used_size;
  const youngCapacity = () => {
    const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!;
    return young.space_used_size + young.space_available_size;
  };
  /** Short-lived garbage until the young generation is at least half full, as a keystroke's lint leaves it. */
  const fillYoungGeneration = () => {
    let sink = 0;
    for (let round = 0; round < 100_000 && youngUsed() < youngCapacity() / 2; round++) sink += Array.from({ length: 64 }, (_, index) => ({ index })).length;
    return sink;
  };

  it('empties a filling young generation between keystrokes, once the answer is on its way', async () => {
    const heap = keeper();
    try {
      fillYoungGeneration();
      const before = youngUsed();
      assert.ok(before >= youngCapacity() / 2, `young generation ${(before / MB).toFixed(1)} of ${(youngCapacity() / MB).toFixed(1)} MB`);
      heap.keystrokeAnswered();
      assert.ok(youngUsed() >= before, 'collected before the answer could leave');
      await afterImmediate();
      assert.ok(youngUsed() < before / 2, `young generation ${(before / MB).toFixed(1)} MB → ${(youngUsed() / MB).toFixed(1)} MB`);
    } finally {
      heap.dispose();
    }
  });

  it('leaves a young generation with room to spare alone between keystrokes', async () => {
    loadCollector()!();
    const heap = new HeapKeeper({ ...limits, youngFillBetweenKeystrokes: 0.99 });
    try {
      fillYoungGeneration();
      const before = youngUsed();
      heap.keystrokeAnswered();
      await afterImmediate();
      assert.ok(youngUsed() >= before, `young generation ${(before / MB).toFixed(1)} MB → ${(youngUsed() / MB).toFixed(1)} MB`);
    } finally {
      heap.dispose();
    }
  });

  it('once settled, hands the young generation back (V8 shrinks it when the recent allocation rate is low)', async function () {
    this.timeout(30_000);
    // In a process of its own: V8 only shrinks the young generation when nothing else has been allocating.
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'young-generation.cjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    await new Promise((resolve) => child.on('exit', resolve));
    const { grown, settled } = JSON.parse(output) as { grown: number; settled: number };
    assert.ok(grown >= 8 * MB, `the young generation grew to ${(grown / MB).toFixed(0)} MB`);
    assert.ok(settled <= grown / 4, `young generation ${(grown / MB).toFixed(0)} MB → ${(settled / MB).toFixed(0)} MB`);
  });
});

describe('language server units: answers of a helper', () => {
  it('hands answers that arrived together out one per turn of the event loop', async function () {
    this.timeout(60_000);
    // The built module: the worker thread runs this very file, which must be plain JavaScript.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { WorkerClient } = require('../../packages/language-server/dist/threads') as typeof import('../../packages/language-server/src/threads');
    const lint = new WorkerClient('lint', { idleMs: 10_000 });
    const request = { mode: 'lint', text: EXPRESS_SOURCE, target: parseTargetOf('typescript', '/p/a.ts'), rules: rulesFromSettings(defaultSettings()).rules };
    try {
      await lint.request(request);
      let turn = 0;
      let ticking = true;
      const tick = () => {
        turn++;
        if (ticking) setImmediate(tick);
      };
      const turns: number[] = [];
      const answers = [1, 2, 3].map(() => lint.request(request).then(() => turns.push(turn)));
      // The worker answers all three while this thread is busy: their messages wait together.
      const until = Date.now() + 1500;
      while (Date.now() < until);
      setImmediate(tick);
      await Promise.all(answers);
      ticking = false;
      assert.equal(new Set(turns).size, 3, `turns ${turns.join(', ')}`);
    } finally {
      lint.stop();
    }
  });
});
