import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as typescriptParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { typescriptModule } from '../../packages/language-server/bench/corpus';
import { codeOnly, eslintDefaultParser, parsingCodeOnly } from '../../packages/language-server/src/lint/code-only-parser';
import { LintEngine } from '../../packages/language-server/src/lint/engine';
import { checkIncrementally, type IncrementalCheck } from '../../packages/language-server/src/lint/incremental';
import { parseTargetOf, type ParseTarget } from '../../packages/language-server/src/lint/languages';
import { maskText } from '../../packages/language-server/src/lint/masking';
import type { Outline } from '../../packages/language-server/src/lint/outline';
import type { Problem } from '../../packages/language-server/src/lint/problem';
import { allowsIncrementalChecks, rulesFromSettings, type RulesConfig } from '../../packages/language-server/src/lint/rules';
import { defaultSettings } from '../../packages/language-server/src/settings';
import { corpusFiles, singleStatementEdits, type Edit, type SourceFile } from './statement-edits';

const engine = new LintEngine();
/** Every rule on, so every kind of report is compared. */
const { rules } = rulesFromSettings({ ...defaultSettings(), rules: { 'require-403-for-permission-denial': 'warn', 'refresh-token-on-401': 'warn' } });

function targetOf(file: SourceFile): ParseTarget {
  return parseTargetOf(file.languageId, file.path)!;
}

function outlineOf(text: string, target: ParseTarget, config: RulesConfig = rules): Outline {
  const { outcome, outline } = engine.lintWithOutline(text, target, config);
  assert.equal(outcome.kind, 'problems', `the base text must lint: ${JSON.stringify(outcome)}`);
  return outline!;
}

/** `share` 1: answer whenever exactness allows, however much of the file that keeps (the server stops at half). */
function incremental(base: Outline, text: string, target: ParseTarget, share = 1): IncrementalCheck {
  return checkIncrementally(base, text, (masked) => engine.lintMasked(masked, target, rules), share);
}

function full(text: string, target: ParseTarget): Problem[] | undefined {
  const outcome = engine.lint(text, target, rules);
  return outcome.kind === 'problems' ? outcome.problems : undefined;
}

interface Agreement {
  edits: number;
  answered: number;
  disagreements: string[];
}

/**
 * Applies single-statement edits to the file and, whenever the incremental check answers, compares its problems —
 * ranges, messages, evidence, fixes and suggestions — with a full lint of the same text. Each edit starts from the
 * file as it is; with `chained`, edits pile up and each answer is the base of the next, as in the server while the
 * user keeps typing (a declined edit gets a full lint's outline, an edit that does not parse is skipped).
 */
function differential(file: SourceFile, chained = false): Agreement {
  const target = targetOf(file);
  const result: Agreement = { edits: 0, answered: 0, disagreements: [] };
  const compare = (base: Outline, edit: Edit): Outline | undefined => {
    result.edits++;
    const answer = incremental(base, edit.text, target);
    if (answer.kind === 'decline') return undefined;
    result.answered++;
    if (JSON.stringify(answer.outline.problems) !== JSON.stringify(full(edit.text, target))) {
      result.disagreements.push(`${path.relative(process.cwd(), file.path)}: ${edit.label}`);
    }
    return answer.outline;
  };
  // A file without any status-like text is answered by the prefilter, without parsing: nothing to compare.
  const base = lintedOutline(file.text, target);
  if (!base) return result;
  if (!chained) {
    for (const edit of singleStatementEdits(file.text, base.statements)) compare(base, edit);
    return result;
  }
  let current = base;
  for (let index = 0; index < current.statements.length; index++) {
    for (let kind = 0; kind < 4; kind++) {
      const edit = singleStatementEdits(current.text, [current.statements[index]!])[kind];
      if (!edit) continue;
      const next = compare(current, edit) ?? lintedOutline(edit.text, target);
      if (next) current = next;
      if (index >= current.statements.length) break;
    }
  }
  return result;
}

function lintedOutline(text: string, target: ParseTarget): Outline | undefined {
  return engine.lintWithOutline(text, target, rules).outline;
}

function total(results: Agreement[]): Agreement {
  return results.reduce((sum, one) => ({
    edits: sum.edits + one.edits,
    answered: sum.answered + one.answered,
    disagreements: [...sum.disagreements, ...one.disagreements],
  }));
}

describe('language server: incremental checks agree with full lints', function () {
  this.timeout(600_000);
  const files = corpusFiles();

  it('answers most single-statement edits in the corpus, always exactly as a full lint would', () => {
    const result = total(files.map((file) => differential(file)));
    assert.deepEqual(result.disagreements, []);
    assert.ok(result.edits > 1500, `${result.edits} edits`);
    assert.ok(result.answered / result.edits > 0.9, `answered ${result.answered} of ${result.edits}`);
  });

  it('stays exact when each answer is the base of the next edit', () => {
    const result = total(files.filter((_, index) => index % 3 === 0).map((file) => differential(file, true)));
    assert.deepEqual(result.disagreements, []);
    assert.ok(result.answered / result.edits > 0.8, `answered ${result.answered} of ${result.edits}`);
  });

  it('answers edits in a long TypeScript module from a small part of it, exactly', () => {
    const text = typescriptModule(600);
    const file = { path: '/workspace/long.ts', text, languageId: 'typescript' };
    const result = differential(file);
    assert.deepEqual(result.disagreements, []);
    const target = targetOf(file);
    const base = outlineOf(text, target);
    const edits = singleStatementEdits(text, base.statements);
    const answered = edits.filter((edit) => incremental(base, edit.text, target, 0.5).kind === 'answer');
    assert.ok(answered.length / edits.length > 0.95, `answered ${answered.length} of ${edits.length} keeping at most half the file`);
  });
});

describe('language server: incremental checks follow dependencies between statements', () => {
  const target = parseTargetOf('typescript', '/workspace/routes.ts')!;
  const filler = Array.from({ length: 12 }, (_, index) => `export function helper${index}(value: number): number {\n  return value * ${index};\n}\n`).join('\n');
  const text = `import express from 'express';

const router = express.Router();
const DENIED = 403;

${filler}
router.get('/profile', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(DENIED).json({ message: 'No token provided' });
  }
  res.json({ ok: true });
});
`;

  it('re-checks a statement that uses a name the edited statement declares', () => {
    const base = outlineOf(text, target);
    assert.equal(base.problems.length, 1);
    const edited = text.replace('const DENIED = 403;', 'const DENIED = 401;');
    const answer = incremental(base, edited, target, 0.5);
    assert.equal(answer.kind, 'answer');
    assert.deepEqual(answer.kind === 'answer' && answer.outline.problems, full(edited, target));
    assert.equal(answer.kind === 'answer' && answer.outline.problems[0]?.ruleId, 'auth-status/require-www-authenticate');
  });

  it('re-checks a response declared elsewhere together with every statement that sets its headers', () => {
    const response = `export async function GET(request: Request): Promise<Response> {
  if (!request.headers.get('authorization')) return denied;
  return new Response('ok');
}

const denied = new Response('No token provided', { status: 401 });
${filler}
denied.headers.set('WWW-Authenticate', 'Bearer realm="api"');
`;
    const base = outlineOf(response, target);
    assert.deepEqual(base.problems, []);
    for (const edited of [response.replace("new Response('ok')", "new Response('fine')"), response.replace("'WWW-Authenticate'", "'X-Reason'")]) {
      const answer = incremental(base, edited, target, 0.5);
      assert.equal(answer.kind, 'answer');
      assert.deepEqual(answer.kind === 'answer' && answer.outline.problems, full(edited, target));
    }
  });

  it('keeps a shared declaration as a dependency without re-checking every statement that uses it', () => {
    const base = outlineOf(text, target);
    const edited = text.replace("res.json({ ok: true });", "res.json({ ok: false });");
    let maskedText = '';
    const answer = checkIncrementally(base, edited, (masked) => ((maskedText = masked.text), engine.lintMasked(masked, target, rules)), 0.5);
    assert.equal(answer.kind, 'answer');
    const code = maskedText.slice(0, maskedText.lastIndexOf('/*-'));
    assert.match(code, /const router = express\.Router\(\);/);
    assert.match(code, /const DENIED = 403;/);
    assert.doesNotMatch(code, /helper3/);
  });

  it('declines an edit spanning two statements, an edit to an import, to a directive comment, or one that breaks the syntax', () => {
    const withDirective = text.replace("router.get('/profile'", "// eslint-disable-next-line auth-status/require-401-for-credential-failure\nrouter.get('/profile'");
    const base = outlineOf(withDirective, target);
    const reasons = [
      withDirective.replace('const DENIED = 403;\n\nexport function helper0', 'const DENIED = 401;\n\nexport function helperZero'),
      withDirective.replace("import express from 'express';", "import express from 'express5';"),
      withDirective.replace('eslint-disable-next-line', 'eslint-disable-next-line '),
      withDirective.replace('res.json({ ok: true });', 'res.json({ ok: true );'),
    ].map((edited) => {
      const answer = incremental(base, edited, target);
      return answer.kind === 'decline' ? answer.reason : 'answered';
    });
    assert.deepEqual(reasons, [
      'the edit is not inside one top-level statement',
      'an import or directive prologue changed',
      'an ESLint directive comment changed',
      'the checked statements do not lint cleanly (parse-error)',
    ]);
  });

  it('declines when the edit makes a statement declare a name another statement declares', () => {
    const base = outlineOf(text, target);
    const edited = text.replace('export function helper5(', 'export function helper6(');
    const answer = incremental(base, edited, target);
    // `helper6` twice is a TypeScript error only a full lint reports consistently: either exact or declined.
    if (answer.kind === 'answer') assert.deepEqual(answer.outline.problems, full(edited, target));
  });

  it('only runs incrementally for rules whose reports are about one site each', () => {
    assert.equal(allowsIncrementalChecks(rules), true);
    assert.equal(allowsIncrementalChecks({ ...rules, 'auth-status/some-future-file-rule': ['warn'] }), false);
  });
});

describe('language server: masked texts', () => {
  it('leaves statements out, keeps the text between them, and maps offsets back', () => {
    const text = 'a();\n/* keep */\nb(1, 2, 3);\nc();\n';
    const masked = maskText(text, [{ start: text.indexOf('b('), end: text.indexOf('c()') - 1 }]);
    assert.equal(masked.text, 'a();\n/* keep */\n\nc();\n\n/*-b(1, 2, 3);*/');
    const c = masked.text.indexOf('c()');
    assert.deepEqual(masked.toDocument({ start: c, end: c + 3 }), { start: text.indexOf('c()'), end: text.indexOf('c()') + 3 });
    assert.equal(masked.toDocument({ start: c - 2, end: c + 3 }), undefined, 'a span reaching across a left-out statement');
    assert.equal(masked.toDocument({ start: masked.text.length - 3, end: masked.text.length - 2 }), undefined, 'the left-out text');
  });

  it('keeps the left-out text on one line in a comment that is never a directive, whatever it contains', () => {
    const text = 'x();\nconst a = "*/ eslint-disable";\n';
    const masked = maskText(text, [{ start: 5, end: 35 }]);
    assert.equal(masked.text, 'x();\n\n\n/*-const a = "*  eslint-disable";*/');
  });

  it('makes the same comment when the same statements are left out again, and a new one when their text changed', () => {
    const text = 'keep(1);\nleft(1,\n 2);\nalso();\n';
    const leftOut = (source: string) => [{ start: source.indexOf('left('), end: source.indexOf('also') - 1 }, { start: source.indexOf('also'), end: source.length - 1 }];
    assert.equal(maskText(text, leftOut(text)).text, 'keep(1);\n\n\n\n/*-left(1,  2); also();*/');
    // A keystroke in the kept statement moves the left-out ones: the comment is the same.
    const typed = text.replace('keep(1)', 'keep(12)');
    assert.equal(maskText(typed, leftOut(typed)).text, 'keep(12);\n\n\n\n/*-left(1,  2); also();*/');
    // The same lengths with other text, and other statements: never the last comment.
    const changed = typed.replace('left(1', 'left(7');
    assert.equal(maskText(changed, leftOut(changed)).text, 'keep(12);\n\n\n\n/*-left(7,  2); also();*/');
    const fewer = leftOut(changed).slice(1);
    assert.equal(maskText(changed, fewer).text, 'keep(12);\nleft(7,\n 2);\n\n\n/*-also();*/');
  });

  it('refuses a kept statement nested too deeply for the parser, but not one left out in the comment', () => {
    const target = parseTargetOf('javascript', '/workspace/deep.js')!;
    const deep = `const deep = ${'['.repeat(1500)}${']'.repeat(1500)};\n`;
    const text = `${deep}app.get('/', (req, res) => { if (!req.headers.authorization) return res.status(403).end(); });\n`;
    const keepingDeep = maskText(text, [{ start: deep.length, end: text.length - 1 }]);
    assert.equal(engine.lintMasked(keepingDeep, target, rules).outcome.kind, 'too-deep');
    const leavingDeepOut = maskText(text, [{ start: 0, end: deep.length - 1 }]);
    const { outcome } = engine.lintMasked(leavingDeepOut, target, rules);
    assert.equal(outcome.kind, 'problems');
    assert.equal(outcome.kind === 'problems' && outcome.problems.length, 1);
  });
});

describe('language server: masked texts are parsed up to their code', () => {
  const handler = "app.get('/me', (req, res) => { if (!req.headers.authorization) return res.status(401).json({}); });\n";
  const basicReader = "const readsBasic = (header) => header.startsWith('Basic ');\n";

  for (const [languageId, file] of [['javascript', '/workspace/masked.js'], ['typescript', '/workspace/masked.ts']] as const) {
    it(`${languageId}: the comment holding the left-out statements is not parsed, the Program still spans it`, () => {
      const text = `${handler}${basicReader}`;
      const masked = maskText(text, [{ start: handler.length, end: text.length - 1 }]);
      let program: { range: [number, number]; loc: { end: { line: number; column: number } }; comments?: unknown[]; tokens?: Array<{ range: [number, number] }> } | undefined;
      const parser = codeOnly(languageId === 'javascript' ? eslintDefaultParser() : (typescriptParser as unknown as Linter.Parser));
      const options = { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, tokens: true, comment: true } as const;
      parsingCodeOnly(masked.codeLength, () => {
        program = ('parseForESLint' in parser ? parser.parseForESLint(masked.text, options).ast : parser.parse(masked.text, options)) as unknown as typeof program;
      });
      assert.deepEqual(program!.comments, []);
      assert.ok(program!.tokens!.every((token) => token.range[1] <= masked.codeLength));
      assert.deepEqual(program!.range, [0, masked.text.length]);
      const lines = masked.text.split('\n');
      assert.deepEqual(program!.loc.end, { line: lines.length, column: lines.at(-1)!.length });
    });

    it(`${languageId}: checks that read the file's text still see the left-out statements (the challenge a fix adds)`, () => {
      const target = parseTargetOf(languageId, file)!;
      const text = `${handler}${basicReader}`;
      const masked = maskText(text, [{ start: handler.length, end: text.length - 1 }]);
      const { outcome } = engine.lintMasked(masked, target, rules);
      assert.equal(outcome.kind, 'problems');
      const fixes = outcome.kind === 'problems' ? outcome.problems.flatMap((problem) => [problem.fix, ...problem.suggestions.map((suggestion) => suggestion.change)]) : [];
      assert.ok(fixes.some((change) => change?.text.includes('Basic realm=')), JSON.stringify(fixes));
      const withoutReader = engine.lintMasked(maskText(handler, []), target, rules).outcome;
      const plainFixes = withoutReader.kind === 'problems' ? withoutReader.problems.flatMap((problem) => [problem.fix, ...problem.suggestions.map((suggestion) => suggestion.change)]) : [];
      assert.ok(plainFixes.length > 0 && plainFixes.every((change) => !change?.text.includes('Basic')), 'the near miss: no Basic reader, no Basic challenge');
    });
  }
});
