import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as typescriptParser from '@typescript-eslint/parser';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Linter } from 'eslint';
import * as espree from 'espree';
import { KEYS as javascriptKeys } from 'eslint-visitor-keys';
import { dialectsFor } from '../../packages/cli/src/lint/languages';
import { FileLinter, NATIVE_PARSE_VARIABLE } from '../../packages/cli/src/lint/lint-file';
import { oxcJavaScriptParser, oxcTypeScriptParser } from '../../packages/cli/src/parse/oxc';
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

  it('starts a decorated parameter at its name, as typescript-eslint does, and a decorated parameter property at its decorator', () => {
    const text = 'class A {\n  constructor(@Inject(T) private readonly t: T, @Opt() /* why */ o?: number, @Q() page = 1) {}\n}\n';
    const shape = (parser: Linter.Parser) => shapeOf(parseWith(parser, text, 'a.ts').ast, (node) => Object.keys(node)).filter((line) => /^(Identifier|AssignmentPattern|TSParameterProperty) /.test(line)).map((line) => line.split(' ').slice(0, 3).join(' '));
    const expected = shape(typescriptParser as unknown as Linter.Parser);
    assert.deepEqual(shape(oxcTypeScriptParser), expected);
    assert.ok(expected.some((line) => line.startsWith(`Identifier ${text.indexOf('o?')}-`)), 'the reference starts `o` after its decorator and comment');
  });

  it('reports a syntax error as a parser does (line and column), never a partial tree', () => {
    const text = 'const ok = 1;\nconst = ;\n';
    assert.throws(() => parseWith(oxcTypeScriptParser, text, 'broken.ts'), (error: { lineNumber?: number; column?: number }) => error.lineNumber === 2 && typeof error.column === 'number');
  });
});

/** A stand-in for our plugin: its rule reports every `res.status(403)` and notes which parser each lint used. */
function recordingPlugin(parsersSeen: string[]) {
  return {
    'auth-status': {
      rules: {
        'note-parser': {
          meta: { type: 'problem', schema: [] },
          create(context: { languageOptions: { parser?: { meta?: { name?: string } } }; report(descriptor: object): void }) {
            parsersSeen.push(context.languageOptions.parser?.meta?.name ?? "ESLint's default parser");
            return {
              'CallExpression[callee.property.name="status"] > Literal[value=403]'(node: object) {
                context.report({ node, message: 'a 403' });
              },
            };
          },
        },
      },
    },
  };
}

describe('auth-status-lint lints TypeScript natively first and with typescript-eslint what it reports', () => {
  const lintWith = (parsersSeen: string[], text: string, filePath = '/virtual/handler.ts') =>
    new FileLinter(recordingPlugin(parsersSeen) as never).lint({ filePath, text, rules: { 'auth-status/note-parser': 'error' }, fix: 'none' });

  it('a clean TypeScript file is parsed once, natively; one with a finding again by typescript-eslint, whose result is kept', () => {
    const clean: string[] = [];
    assert.deepEqual(lintWith(clean, 'export const ok = (res: Response) => res.status(200);\n').result.messages, []);
    assert.deepEqual(clean, ['auth-status-oxc-typescript']);

    const reported: string[] = [];
    const text = 'export const no = (res: Response) => res.status(403);\n';
    const { result } = lintWith(reported, text);
    assert.deepEqual(reported, ['auth-status-oxc-typescript', 'typescript-eslint/parser']);
    assert.deepEqual(result.messages.map((message) => [message.message, message.line, message.column]), [['a 403', 1, text.indexOf('403') + 1]]);
  });

  it('a file oxc cannot parse gets typescript-eslint\'s verdict; clean JavaScript is parsed natively too', () => {
    const text = 'export const = (res) => res.status(403);\n';
    const { result } = lintWith([], text);
    assert.equal(result.messages[0]?.fatal, true);
    process.env[NATIVE_PARSE_VARIABLE] = 'off';
    try {
      assert.deepEqual(result, lintWith([], text).result);
    } finally {
      delete process.env[NATIVE_PARSE_VARIABLE];
    }

    const javascript: string[] = [];
    lintWith(javascript, 'exports.ok = (res) => res.status(200);\n', '/virtual/handler.js');
    assert.deepEqual(javascript, ['auth-status-oxc-javascript']);
    const reported: string[] = [];
    lintWith(reported, 'exports.no = (res) => res.status(403);\n', '/virtual/handler.js');
    assert.deepEqual(reported, ['auth-status-oxc-javascript', "ESLint's default parser"]);
  });

  it('JSX that may hold an HTML entity goes straight to typescript-eslint, which decodes it; JSX without one stays native', () => {
    const withEntity: string[] = [];
    lintWith(withEntity, 'export const Page = () => <p title="Tom&apos;s">Don&apos;t</p>;\n', '/virtual/page.tsx');
    assert.deepEqual(withEntity, ['typescript-eslint/parser']);
    const without: string[] = [];
    lintWith(without, 'export const Page = () => <p title="Toms">Do not & go</p>;\n', '/virtual/page.tsx');
    assert.deepEqual(without, ['auth-status-oxc-typescript']);
  });

  it('stops parsing twice once most files have findings, and still tries one file in ten', () => {
    const seen: string[] = [];
    const linter = new FileLinter(recordingPlugin(seen) as never);
    const lint = (text: string) => linter.lint({ filePath: '/virtual/handler.ts', text, rules: { 'auth-status/note-parser': 'error' }, fix: 'none' });
    const reported = 'export const no = (res: Response) => res.status(403);\n';
    const clean = 'export const ok = (res: Response) => res.status(200);\n';
    for (let index = 0; index < 20; index++) assert.equal(lint(reported).result.messages.length, 1);
    seen.length = 0;
    for (let index = 0; index < 10; index++) assert.deepEqual(lint(clean).result.messages, []);
    assert.equal(seen.filter((parser) => parser === 'auth-status-oxc-typescript').length, 1);
    assert.equal(seen.filter((parser) => parser === 'typescript-eslint/parser').length, 9);
  });

  it('keeps the native pass where most files are clean', () => {
    const seen: string[] = [];
    const linter = new FileLinter(recordingPlugin(seen) as never);
    const lint = (text: string) => linter.lint({ filePath: '/virtual/handler.ts', text, rules: { 'auth-status/note-parser': 'error' }, fix: 'none' });
    for (let index = 0; index < 20; index++) lint(index % 4 === 0 ? 'export const no = (res: Response) => res.status(403);\n' : 'export const ok = 1;\n');
    seen.length = 0;
    for (let index = 0; index < 10; index++) lint('export const ok = (res: Response) => res.status(200);\n');
    assert.deepEqual(seen, Array(10).fill('auth-status-oxc-typescript'));
  });

  const bothWays = (target: string, ...args: string[]) => {
    const lint = (env: NodeJS.ProcessEnv) => lintJson(['--no-project-config', '--no-default-ignores', ...args, target], REPO_ROOT, env).results;
    return { native: lint({}), typescriptOnly: lint({ [NATIVE_PARSE_VARIABLE]: 'off' }) };
  };

  it('changes no result on the whole test corpus, fixes included', function () {
    this.timeout(300_000);
    const corpus = path.join(REPO_ROOT, 'test/corpus');
    const { native, typescriptOnly } = bothWays(corpus, '--fix-dry-run', '--fix-status');
    assert.ok(native.some((result) => result.filePath.endsWith('.ts') && result.messages.length > 0), 'TypeScript files with findings');
    assert.ok(native.some((result) => result.filePath.endsWith('.ts') && result.messages.length === 0), 'clean TypeScript files');
    assert.deepEqual(native, typescriptOnly);
  });

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
