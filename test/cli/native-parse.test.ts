import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as typescriptParser from '@typescript-eslint/parser';
import * as typescriptEstree from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Linter } from 'eslint';
import * as espree from 'espree';
import { KEYS as javascriptKeys } from 'eslint-visitor-keys';
import { Linter as EslintLinter } from 'eslint';
import { dialectsFor, lintConfig } from '../../packages/cli/src/lint/languages';
import { FileLinter, NATIVE_PARSE_VARIABLE } from '../../packages/cli/src/lint/lint-file';
import { NativePassBudget } from '../../packages/cli/src/lint/native-pass';
import { importedModuleTree, oxcJavaScriptParser, oxcTypeScriptParser } from '../../packages/cli/src/parse/oxc';
import { parseModule, useModuleTreeParser, type ModuleTreeParser } from '../../packages/eslint-plugin/src/analysis/project-index/parse';
import { lintJson, makeFolder, REPO_ROOT } from './helpers';
import { testSnippets, writeSnippets } from './snippets';

type Tree = { type: string; range: [number, number]; loc: { start: { line: number; column: number }; end: { line: number; column: number } } } & Record<string, unknown>;
type Parsed = { ast: Tree & { comments: Tree[] }; scopeManager: { scopes: { type: string; block: Tree; variables: { name: string; defs: unknown[]; references: unknown[] }[]; through: unknown[] }[] } };

const parseWith = (parser: Linter.Parser, text: string, filePath: string, dialect: object = {}) =>
  (parser as unknown as { parseForESLint(text: string, options: object): Parsed }).parseForESLint(text, {
    filePath,
    sourceType: 'module',
    ecmaFeatures: { jsx: filePath.endsWith('x') },
    ...dialect,
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    jsDocParsingMode: 'none',
  });

const where = (node: Tree) => `${node.type} ${node.range.join('-')} ${node.loc.start.line}:${node.loc.start.column}-${node.loc.end.line}:${node.loc.end.column}`;
const isNode = (value: unknown): value is Tree => typeof value === 'object' && value !== null && typeof (value as Tree).type === 'string';

/**
 * What ESLint and our rules can read of a tree, one line per node in traversal order: type, range, location and
 * every scalar property typescript-eslint sets (null and absent read the same), then the comments.
 */
function shapeOf(ast: Parsed['ast'], keysOf: (node: Tree) => string[], childKeys: Record<string, readonly string[] | undefined> = visitorKeys): string[] {
  const lines: string[] = [];
  const visit = (node: Tree, reference: Tree) => {
    const scalars = keysOf(reference)
      .filter((key) => !['parent', 'range', 'loc'].includes(key) && (typeof reference[key] !== 'object' || reference[key] === null))
      .map((key) => `${key}=${String(node[key] ?? null)}`);
    const regex = node.regex as { pattern: string; flags: string } | undefined;
    lines.push(`${where(node)} ${scalars.join(' ')}${regex ? ` /${regex.pattern}/${regex.flags}` : ''}`);
    for (const key of childKeys[node.type] ?? []) {
      for (const child of [node[key]].flat()) if (isNode(child)) visit(child, child);
    }
  };
  visit(ast, ast);
  return [...lines, ...ast.comments.map((comment) => `${where(comment)} ${comment.value}`)];
}

const scopesOf = ({ scopeManager }: Parsed) =>
  scopeManager.scopes.map(
    (scope) =>
      `${scope.type} ${scope.block.range.join('-')} through ${scope.through.length}: ` +
      scope.variables.map((variable) => `${variable.name}/${variable.defs.length}/${variable.references.length}`).join(' '),
  );

function corpusFiles(extensions: RegExp): string[] {
  return fs
    .readdirSync(path.join(REPO_ROOT, 'test/corpus'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The reference's own property names decide what is compared: oxc adds a few of its own (hashbang, start, end). */
function assertSameShape(actual: Parsed['ast'], expected: Parsed['ast'], childKeys: Record<string, readonly string[] | undefined>, file: string): void {
  const referenceKeys = new Map<string, string[]>();
  const keyOf = (node: Tree) => `${node.type} ${node.range.join('-')}`;
  shapeOf(expected, (node) => (referenceKeys.set(keyOf(node), Object.keys(node)), []), childKeys);
  const keysFromReference = (node: Tree) => referenceKeys.get(keyOf(node)) ?? Object.keys(node);
  assert.deepEqual(shapeOf(actual, keysFromReference, childKeys), shapeOf(expected, keysFromReference, childKeys), file);
}

describe('the native parse (oxc behind ESLint\'s parser interface)', () => {
  it('gives the tree, comments and scopes typescript-eslint gives, node for node, on every corpus TypeScript file', function () {
    this.timeout(120_000);
    const files = corpusFiles(/\.tsx?$/);
    assert.ok(files.length >= 50, `only ${files.length} TypeScript files in the corpus`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const expected = parseWith(typescriptParser as unknown as Linter.Parser, text, file);
      const actual = parseWith(oxcTypeScriptParser, text, file);
      assertSameShape(actual.ast, expected.ast, visitorKeys, file);
      assert.deepEqual(scopesOf(actual), scopesOf(expected), file);
    }
  });

  it('gives the tree and comments espree gives, in the first dialect espree accepts, on every corpus JavaScript file', function () {
    this.timeout(120_000);
    const files = corpusFiles(/\.(?:[cm]?js|jsx)$/);
    assert.ok(files.length >= 50, `only ${files.length} JavaScript files in the corpus`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const tries = dialectsFor(file).map((dialect) => ({ sourceType: dialect.startsWith('commonjs') ? 'commonjs' : 'module', ecmaFeatures: { jsx: dialect.endsWith('-jsx') } }) as const);
      const firstParsed = (parse: (options: (typeof tries)[number]) => unknown) =>
        tries.findIndex((options) => {
          try {
            return parse(options) !== undefined;
          } catch {
            return false;
          }
        });
      const expectedDialect = firstParsed((options) => espree.parse(text, { ...options, ecmaVersion: 'latest', range: true, loc: true, comment: true, tokens: true }));
      assert.equal(firstParsed((options) => parseWith(oxcJavaScriptParser, text, file, options)), expectedDialect, file);
      const options = tries[expectedDialect];
      const expected = espree.parse(text, { ...options, ecmaVersion: 'latest', range: true, loc: true, comment: true, tokens: true }) as unknown as Parsed['ast'];
      assertSameShape(parseWith(oxcJavaScriptParser, text, file, options).ast, expected, javascriptKeys, file);
    }
  });

  it('takes a regular expression\'s flags and a template\'s delimiters as espree does; leaves decorators in JavaScript to espree', () => {
    const text = 'const pattern = /a+/igs;\nconst message = `token ${kind} expired`;\n';
    const expected = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, comment: true }) as unknown as Parsed['ast'];
    assertSameShape(parseWith(oxcJavaScriptParser, text, 'a.js', { sourceType: 'module' }).ast, expected, javascriptKeys, 'a.js');
    assert.throws(() => parseWith(oxcJavaScriptParser, '@sealed class Token {}\n', 'a.js', { sourceType: 'module' }), /decorator/);
  });

  it('gives a location that reads, compares and serializes as a parser\'s plain `{ start, end }`, worked out when first read', () => {
    const text = 'const token = req.headers.authorization;\r\nif (!token) {\n  res.status(401).end();\n}\n';
    const ours = parseWith(oxcTypeScriptParser, text, 'a.ts').ast;
    const reference = parseWith(typescriptParser as unknown as Linter.Parser, text, 'a.ts').ast;
    const statement = ours.body as unknown as Tree[];
    const expected = reference.body as unknown as Tree[];
    for (let index = 0; index < expected.length; index++) {
      assert.deepEqual(JSON.parse(JSON.stringify(statement[index]!.loc)), expected[index]!.loc);
      assert.deepEqual({ start: statement[index]!.loc.start, end: statement[index]!.loc.end }, expected[index]!.loc);
      assert.equal(statement[index]!.loc.start, statement[index]!.loc.start, 'a position is worked out once and kept');
    }
  });

  it('starts a decorated parameter at its name, as typescript-eslint does, and a decorated parameter property at its decorator', () => {
    const text = 'class A {\n  constructor(@Inject(T) private readonly t: T, @Opt() /* why */ o?: number, @Q() page = 1) {}\n}\n';
    const shape = (parser: Linter.Parser) => shapeOf(parseWith(parser, text, 'a.ts').ast, (node) => Object.keys(node)).filter((line) => /^(Identifier|AssignmentPattern|TSParameterProperty) /.test(line)).map((line) => line.split(' ').slice(0, 3).join(' '));
    const expected = shape(typescriptParser as unknown as Linter.Parser);
    assert.deepEqual(shape(oxcTypeScriptParser), expected);
    assert.ok(expected.some((line) => line.startsWith(`Identifier ${text.indexOf('o?')}-`)), 'the reference starts `o` after its decorator and comment');
  });

  /** Named, decimal and hexadecimal entities, ones typescript-estree keeps as written (unknown, past U+10FFFF, no `;`), in text and attributes. */
  const ENTITY_PAGE = [
    'export const Page = ({ name }: { name: string }) => (',
    '  <section title="Tom&apos;s &amp; &#65;&#x42; &bogus; &#x110000; &copy" data-raw=\'a\\n&lt;\'>',
    '    Don&apos;t &nbsp;&mdash; &#8212;&#X41;&#x1F600; &amp;lt; {name} &Eacute;&eacute; &unknownentity; & alone',
    '    <img alt="&quot;x&quot;" />&hellip;',
    '  </section>',
    ');',
    '',
  ].join('\n');

  it('decodes JSX text and attribute entities as typescript-eslint does (value decoded, raw as written), node for node', () => {
    const expected = parseWith(typescriptParser as unknown as Linter.Parser, ENTITY_PAGE, 'page.tsx');
    const actual = parseWith(oxcTypeScriptParser, ENTITY_PAGE, 'page.tsx');
    assertSameShape(actual.ast, expected.ast, visitorKeys, 'page.tsx');
    const texts = shapeOf(actual.ast, (node) => Object.keys(node)).filter((line) => line.startsWith('JSXText'));
    assert.ok(texts.some((line) => line.includes("Don't \u00a0\u2014 \u2014&#X41;\u{1F600} &lt;")), texts.join('\n'));
    // The project index reads JavaScript JSX through the same decoding: typescript-estree's tree for it.
    const javascript = ENTITY_PAGE.replace(': { name: string }', '');
    const indexed = importedModuleTree('page.jsx', javascript) as unknown as Parsed['ast'];
    assertSameShape(indexed, typescriptEstree.parse(javascript, { range: true, loc: true, jsx: true, comment: true, tokens: true }) as never, visitorKeys, 'page.jsx');
  });

  it('reports a syntax error as a parser does (line and column), never a partial tree', () => {
    const text = 'const ok = 1;\nconst = ;\n';
    assert.throws(() => parseWith(oxcTypeScriptParser, text, 'broken.ts'), (error: { lineNumber?: number; column?: number }) => error.lineNumber === 2 && typeof error.column === 'number');
  });

  /** The module as the project index reads it: parsed by `treeParser`, or by typescript-estree alone. */
  const indexedModule = (treeParser: ModuleTreeParser | undefined, file: string, text: string) => {
    useModuleTreeParser(treeParser);
    try {
      return parseModule(file, text) as unknown as Parsed;
    } finally {
      useModuleTreeParser(undefined);
    }
  };

  it('gives a module the project index reads the tree and scopes typescript-estree gives it, on every corpus file', function () {
    this.timeout(300_000);
    const files = corpusFiles(/\.(?:[cm]?[jt]s|[jt]sx)$/);
    const parsedNatively = files.filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const tree = importedModuleTree(file, text) as unknown as Parsed['ast'] | undefined;
      if (tree === undefined) return false;
      const expected = typescriptEstree.parse(text, { range: true, loc: true, jsx: !/\.[cm]?ts$/.test(file), filePath: file });
      assert.equal(tree.sourceType, expected.sourceType, file);
      const [actual, reference] = [indexedModule(importedModuleTree as ModuleTreeParser, file, text), indexedModule(undefined, file, text)];
      assertSameShape(actual.ast, reference.ast, visitorKeys, file);
      assert.deepEqual(scopesOf(actual), scopesOf(reference), file);
      return true;
    });
    assert.ok(parsedNatively.length >= files.length * 0.95, `only ${parsedNatively.length} of ${files.length} parsed by oxc`);
  });

  it('leaves to typescript-estree the modules oxc would read otherwise: a CommonJS return, `import.meta` in a script', () => {
    assert.equal(importedModuleTree('a.js', 'if (!module.parent) return;\nexports.code = 401;\n'), undefined);
    assert.equal(importedModuleTree('a.mjs', 'const here = import.meta.url;\n'), undefined);
    assert.equal((importedModuleTree('a.mjs', 'export const here = import.meta.url;\n') as { sourceType?: string } | undefined)?.sourceType, 'module');
    assert.equal((importedModuleTree('a.js', 'const x = <b>401</b>;\nmodule.exports = x;\n') as { sourceType?: string } | undefined)?.sourceType, 'script');
    assert.equal(importedModuleTree('a.js', 'const x: number = 401;\n'), undefined);
  });

  it('answers every token question with the tokens ESLint\'s own parser gives, on every corpus file', function () {
    this.timeout(300_000);
    const files = corpusFiles(/\.(?:[cm]?[jt]s|[jt]sx)$/);
    const linter = new EslintLinter({ cwd: '/' });
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const answers = (native: boolean) => {
        for (const dialect of dialectsFor(file)) {
          const asked: string[] = [];
          const config = lintConfig(dialect, tokenQuestionsPlugin(asked) as never, { 'auth-status/token-questions': 'error' }, native);
          const messages = linter.verify(text, config, file);
          if (!messages.some((message) => message.fatal)) return asked;
        }
        return undefined;
      };
      const expected = answers(false);
      assert.ok(expected !== undefined && expected.length > 0, file);
      assert.deepEqual(answers(true), expected, file);
    }
  });
});

type TokenLike = { type: string; value: string; range: [number, number] } | null;
type TokenQuestions = Record<string, (...args: unknown[]) => unknown>;

/** A rule that asks the token store about every node, the way fixes ask it (tokens and comments), and notes the answers. */
function tokenQuestionsPlugin(asked: string[]) {
  const show = (token: unknown) => (token === null ? 'none' : `${(token as TokenLike)!.type} ${(token as TokenLike)!.value} ${(token as TokenLike)!.range.join('-')}`);
  return {
    'auth-status': {
      rules: {
        'token-questions': {
          meta: { type: 'problem', schema: [] },
          create(context: { sourceCode: TokenQuestions }) {
            const store = context.sourceCode;
            return {
              '*'(node: Tree) {
                const comments = store.getCommentsBefore(node) as unknown[];
                asked.push(
                  [
                    node.type,
                    show(store.getFirstToken(node)),
                    show(store.getLastToken(node)),
                    show(store.getTokenBefore(node, { includeComments: true })),
                    show(store.getTokenAfter(node)),
                    (store.getTokens(node) as unknown[]).length,
                    comments.map(show).join(','),
                  ].join(' | '),
                );
              },
            };
          },
        },
      },
    },
  };
}

/**
 * A stand-in for our plugin: its rule reports every `res.status(403)` with a fix to 401 that, like some of our
 * fixes, finds its place by asking for a token, and notes which parser each lint used.
 */
function recordingPlugin(parsersSeen: string[]) {
  return {
    'auth-status': {
      rules: {
        'note-parser': {
          meta: { type: 'problem', fixable: 'code', schema: [] },
          create(context: { languageOptions: { parser?: { meta?: { name?: string } } }; sourceCode: TokenQuestions; report(descriptor: object): void }) {
            parsersSeen.push(context.languageOptions.parser?.meta?.name ?? "ESLint's default parser");
            return {
              'CallExpression[callee.property.name="status"] > Literal[value=403]'(node: Tree) {
                context.report({
                  node,
                  message: 'a 403',
                  fix: (fixer: { replaceTextRange(range: [number, number], text: string): unknown }) => {
                    const close = context.sourceCode.getTokenAfter(node) as TokenLike;
                    return fixer.replaceTextRange([node.range[0], close!.range[0]], '401');
                  },
                });
              },
            };
          },
        },
      },
    },
  };
}

describe('auth-status-lint lints natively, and with ESLint\'s own parsers only what oxc cannot parse', () => {
  const lintWith = (parsersSeen: string[], text: string, filePath = '/virtual/handler.ts') =>
    new FileLinter(recordingPlugin(parsersSeen) as never).lint({ filePath, text, rules: { 'auth-status/note-parser': 'error' }, fix: 'none' });
  const withoutNativeParse = <T>(run: () => T): T => {
    process.env[NATIVE_PARSE_VARIABLE] = 'off';
    try {
      return run();
    } finally {
      delete process.env[NATIVE_PARSE_VARIABLE];
    }
  };

  it('a TypeScript file is parsed once, natively, clean or with a finding whose fix asks for a token; the result is typescript-eslint\'s', () => {
    const clean: string[] = [];
    assert.deepEqual(lintWith(clean, 'export const ok = (res: Response) => res.status(200);\n').result.messages, []);
    assert.deepEqual(clean, ['auth-status-oxc-typescript']);

    const reported: string[] = [];
    const text = 'export const no = (res: Response) => res.status(403 /* why */);\n';
    const { result } = lintWith(reported, text);
    assert.deepEqual(reported, ['auth-status-oxc-typescript']);
    assert.deepEqual(result.messages.map((message) => [message.message, message.line, message.column]), [['a 403', 1, text.indexOf('403') + 1]]);
    assert.deepEqual(result.messages[0].fix, { range: [text.indexOf('403'), text.lastIndexOf(')')], text: '401' });
    const byTypescriptEslint: string[] = [];
    assert.deepEqual(withoutNativeParse(() => lintWith(byTypescriptEslint, text)).result, result);
    assert.deepEqual(byTypescriptEslint, ['typescript-eslint/parser']);
  });

  it('a file oxc cannot parse gets typescript-eslint\'s verdict; JavaScript with a finding is parsed natively too', () => {
    const text = 'export const = (res) => res.status(403);\n';
    const { result } = lintWith([], text);
    assert.equal(result.messages[0]?.fatal, true);
    assert.deepEqual(result, withoutNativeParse(() => lintWith([], text)).result);

    const javascript: string[] = [];
    lintWith(javascript, 'exports.ok = (res) => res.status(200);\n', '/virtual/handler.js');
    assert.deepEqual(javascript, ['auth-status-oxc-javascript']);
    const reported: string[] = [];
    const withFinding = 'exports.no = (res) => res.status(403);\n';
    const native = lintWith(reported, withFinding, '/virtual/handler.js').result;
    assert.deepEqual(reported, ['auth-status-oxc-javascript']);
    assert.equal(native.messages.length, 1);
    assert.deepEqual(native, withoutNativeParse(() => lintWith([], withFinding, '/virtual/handler.js')).result);
  });

  it('with --fix, a file whose findings offer fixes is fixed through ESLint\'s own parser', () => {
    const seen: string[] = [];
    const text = 'export const no = (res: Response) => res.status(403);\n';
    const outcome = new FileLinter(recordingPlugin(seen) as never).lint({ filePath: '/virtual/handler.ts', text, rules: { 'auth-status/note-parser': 'error' }, fix: 'safe' });
    assert.equal(outcome.result.output, text.replace('403', '401'));
    assert.equal(seen[0], 'auth-status-oxc-typescript');
    assert.ok(seen.slice(1).every((parser) => parser === 'typescript-eslint/parser') && seen.length > 1, seen.join());
  });

  it('TypeScript JSX with HTML entities stays native; JavaScript JSX that may hold one goes to espree, which decodes it by its own rules', () => {
    const typescript: string[] = [];
    lintWith(typescript, 'export const Page = () => <p title="Tom&apos;s">Don&apos;t</p>;\n', '/virtual/page.tsx');
    assert.deepEqual(typescript, ['auth-status-oxc-typescript']);
    const javascript: string[] = [];
    lintWith(javascript, 'export const Page = () => <p title="Tom&apos;s">Don&apos;t</p>;\n', '/virtual/page.jsx');
    assert.deepEqual(javascript, ["ESLint's default parser"]);
    const without: string[] = [];
    lintWith(without, 'export const Page = () => <p title="Toms">Do not & go</p>;\n', '/virtual/page.jsx');
    assert.deepEqual(without, ['auth-status-oxc-javascript']);
  });

  it('stops parsing twice once most files are left to ESLint\'s parsers, and still tries one file in ten', () => {
    const seen: string[] = [];
    const linter = new FileLinter(recordingPlugin(seen) as never);
    const lint = (text: string) => linter.lint({ filePath: '/virtual/page.tsx', text, rules: { 'auth-status/note-parser': 'error' }, fix: 'none' });
    for (let index = 0; index < 20; index++) lint('export const Page = (res: Response) =>\r\n  <p>Do not {res.status(403)}</p>;\r\n');
    seen.length = 0;
    for (let index = 0; index < 10; index++) assert.deepEqual(lint('export const ok = (res: Response) => res.status(200);\n').result.messages, []);
    assert.equal(seen.filter((parser) => parser === 'auth-status-oxc-typescript').length, 1);
    assert.equal(seen.filter((parser) => parser === 'typescript-eslint/parser').length, 9);
  });

  it('keeps the native pass where most files have findings', () => {
    const seen: string[] = [];
    const linter = new FileLinter(recordingPlugin(seen) as never);
    const lint = (text: string) => linter.lint({ filePath: '/virtual/handler.ts', text, rules: { 'auth-status/note-parser': 'error' }, fix: 'none' });
    for (let index = 0; index < 20; index++) assert.equal(lint('export const no = (res: Response) => res.status(403);\n').result.messages.length, 1);
    assert.deepEqual(seen, Array(20).fill('auth-status-oxc-typescript'));
  });

  it('the budget: off after its trial once fewer than two in five tried files keep their native result, on again when they do', () => {
    const budget = new NativePassBudget();
    for (let index = 0; index < 16; index++) {
      assert.equal(budget.worthTrying(), true);
      budget.record(index < 6);
    }
    const tries = Array.from({ length: 20 }, () => budget.worthTrying());
    assert.equal(tries.filter(Boolean).length, 2);
    for (let index = 0; index < 10; index++) budget.record(true);
    assert.equal(budget.worthTrying(), true);
  });

  const bothWays = (target: string, ...args: string[]) => {
    const lint = (env: NodeJS.ProcessEnv) => lintJson(['--no-project-config', '--no-default-ignores', ...args, target], REPO_ROOT, env).results;
    return { native: lint({}), typescriptOnly: lint({ [NATIVE_PARSE_VARIABLE]: 'off' }) };
  };

  for (const [what, args] of [['messages, fixes and suggestions', []], ['fixes applied', ['--fix-dry-run', '--fix-status']]] as const) {
    it(`changes no result on the whole test corpus: ${what}`, function () {
      this.timeout(300_000);
      const corpus = path.join(REPO_ROOT, 'test/corpus');
      const { native, typescriptOnly } = bothWays(corpus, ...args);
      assert.ok(native.some((result) => result.filePath.endsWith('.ts') && result.messages.length > 0), 'TypeScript files with findings');
      assert.ok(native.some((result) => result.filePath.endsWith('.ts') && result.messages.length === 0), 'clean TypeScript files');
      const offersOrAppliesFixes = (result: (typeof native)[number]) =>
        result.output !== undefined || result.messages.some((message) => message.fix || message.suggestions?.length);
      assert.ok(native.some(offersOrAppliesFixes), 'fixes or suggestions');
      assert.deepEqual(native, typescriptOnly);
    });
  }

  it('changes no result on any code snippet of the rule and adapter tests, in workers', function () {
    this.timeout(300_000);
    const folder = writeSnippets(testSnippets());
    const { native, typescriptOnly } = bothWays(folder, '--concurrency', '2');
    assert.ok(native.filter((result) => result.messages.length > 0).length >= 30, 'snippets with findings');
    assert.deepEqual(native, typescriptOnly);
  });

  it('reports syntax errors with ESLint\'s parsers\' words, as before, also for decorators in JavaScript and a name declared twice', () => {
    const guard = 'export function guard(req, res) {\n  if (!req.user) return res.status(403);\n';
    const folder = makeFolder({
      'broken.ts': `${guard}  const = ;\n}\n`,
      'decorated.js': `@injectable()\nexport class Guard {}\n${guard}}\n`,
      'twice.js': `${guard}  let user; let user;\n}\n`,
    });
    const { native, typescriptOnly } = bothWays(folder);
    assert.deepEqual(native.map((result) => result.messages[0]?.fatal), [true, true, true]);
    assert.deepEqual(native, typescriptOnly);
  });
});
