import * as path from 'node:path';
import { Linter } from 'eslint';
import { analyze, evidenceRows, excessiveNesting, MAX_NESTING_DEPTH, mayContainFindingIn, NormalizedConfigs, type Analysis } from 'eslint-plugin-auth-status/tooling';
import { BY_EXTENSION, type Language, type ParseTarget } from './languages';
import { codeOnly, eslintDefaultParser, parsingCodeOnly } from './code-only-parser';
import type { MaskedLint } from './incremental';
import type { MaskedText } from './masking';
import { directivesOf, statementFactsOf, type Outline, type ParsedSource } from './outline';
import { byPosition, type LintOutcome, type Problem, type TextChange } from './problem';
import { PLUGIN_PREFIX, plugin, ruleDocsUrl, type RulesConfig } from './rules';

type SourceCode = Parameters<typeof analyze>[0];
type EslintFix = { range: [number, number]; text: string };

let typescriptParser: Linter.Parser | undefined;

/** Loaded on the first TypeScript document: JavaScript-only sessions never pay for the TypeScript compiler. */
function loadTypescriptParser(): Linter.Parser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typescriptParser ??= require('@typescript-eslint/parser') as Linter.Parser;
  return typescriptParser;
}

/** `maskedCode`: for masked texts, whose parse reads only their code (`code-only-parser.ts`). */
function languageOptions(language: Language, maskedCode: boolean): Linter.LanguageOptions {
  const parserOptions = { ecmaFeatures: { jsx: language.jsx } };
  const parser = (own: () => Linter.Parser) => (maskedCode ? codeOnly(own()) : own());
  if (language.kind === 'javascript') {
    return { ecmaVersion: 'latest', sourceType: language.sourceType, ...(maskedCode ? { parser: parser(eslintDefaultParser) } : {}), parserOptions };
  }
  return {
    parser: parser(loadTypescriptParser),
    sourceType: language.sourceType,
    // JSDoc is never read by our rules; skipping it makes parsing cheaper.
    parserOptions: { ...parserOptions, jsDocParsingMode: 'none' },
  };
}

const BOM = '\uFEFF';
const LINTED_FILES = Object.keys(BY_EXTENSION).map((extension) => `**/*${extension}`);

/**
 * Runs only our rules through ESLint's `Linter`, in-process and without touching the file system: the
 * user's ESLint setup is never executed here (see `workspace/eslint-config.ts` for the trusted case).
 */
export class LintEngine {
  /** One linter per file-system root, so every absolute path lies inside the linter's `cwd`. */
  private readonly linters = new Map<string, Linter>();
  private readonly configs = new NormalizedConfigs();

  /**
   * Loads what linting this kind of file needs (the TypeScript parser, ~0.3 s) on the next turn of the event loop,
   * so it overlaps with whatever the caller awaits next (the client's settings) instead of following it.
   */
  prepare(target: ParseTarget): void {
    if (target.language.kind === 'typescript' && !typescriptParser) setImmediate(loadTypescriptParser);
  }

  lint(text: string, target: ParseTarget, rules: RulesConfig): LintOutcome {
    return this.run(text, target, rules, { prefilter: true, outline: false }).outcome;
  }

  /** Always parses the text, even one without any status-like text (fix-all and quick fixes check that their result parses). */
  lintUnfiltered(text: string, target: ParseTarget, rules: RulesConfig): LintOutcome {
    return this.run(text, target, rules, { prefilter: false, outline: false }).outcome;
  }

  /** Also the outline an incremental check starts from (none when the prefilter answered or the text does not parse). */
  lintWithOutline(text: string, target: ParseTarget, rules: RulesConfig): { outcome: LintOutcome; outline?: Outline } {
    return this.run(text, target, rules, { prefilter: true, outline: true });
  }

  /**
   * A masked text (see `incremental.ts`): always parsed, since its statements are checked against the expected ones.
   * Only its code is parsed and searched for nesting: the comment after it, most of a long document, is only text.
   */
  lintMasked(masked: Pick<MaskedText, 'text' | 'codeLength'>, target: ParseTarget, rules: RulesConfig): MaskedLint {
    const { outcome, outline } = this.run(masked.text, target, rules, { prefilter: false, outline: true, codeLength: masked.codeLength });
    return { outcome, statements: outline?.statements ?? [], directives: outline?.directives ?? [] };
  }

  private run(
    text: string,
    target: ParseTarget,
    rules: RulesConfig,
    want: { prefilter: boolean; outline: boolean; codeLength?: number },
  ): { outcome: LintOutcome; outline?: Outline } {
    const bomShift = text.startsWith(BOM) ? 1 : 0;
    const source = bomShift ? text.slice(1) : text;
    // The engine's own text prefilter: a file without any status-like text cannot produce a finding.
    if (want.prefilter && !mayContainFindingIn(source, target.filename)) return { outcome: { kind: 'problems', problems: [] } };
    // Parsing 2,000 nested blocks aborts the whole process (a native out-of-memory no handler can catch).
    const code = want.codeLength === undefined ? source : source.slice(0, want.codeLength - bomShift);
    if (excessiveNesting(code)) return { outcome: { kind: 'too-deep', limit: MAX_NESTING_DEPTH } };
    const linter = this.linterFor(target.filename);
    let messages: Linter.LintMessage[];
    try {
      const config = this.config(target, rules, want.codeLength !== undefined);
      const verify = () => linter.verify(source, config, { filename: target.filename });
      messages = want.codeLength === undefined ? verify() : parsingCodeOnly(code.length, verify);
    } catch (error) {
      return { outcome: { kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } };
    }
    const fatal = messages.find((message) => message.fatal);
    if (fatal) return { outcome: { kind: 'parse-error', message: fatal.message, line: fatal.line, column: fatal.column } };
    const ours = messages.filter((message) => message.ruleId?.startsWith(PLUGIN_PREFIX));
    if (ours.length === 0 && !want.outline) return { outcome: { kind: 'problems', problems: [] } };
    const sourceCode = linter.getSourceCode();
    const analysis = analyze(sourceCode as unknown as SourceCode, target.filename);
    const lineStarts = ours.length > 0 ? lineStartsOf(source) : [];
    const problems = ours.map((message) => toProblem(message, lineStarts, sourceCode as unknown as SourceCode, analysis, bomShift)).sort(byPosition);
    const outcome: LintOutcome = { kind: 'problems', problems };
    if (!want.outline) return { outcome };
    const parsed = sourceCode as unknown as ParsedSource;
    const siteStarts = analysis.sites.map((site) => site.node.range[0]);
    const outline: Outline = {
      text,
      statements: statementFactsOf(parsed, bomShift, siteStarts, problems),
      directives: directivesOf(parsed, bomShift),
      problems,
    };
    return { outcome, outline };
  }

  /** ESLint's complaint about a rule entry (bad options), or undefined when it accepts it. */
  checkRuleEntry(ruleId: string, entry: Linter.RuleEntry): string | undefined {
    try {
      this.linterFor(path.resolve('check.js')).verify('', [{ plugins: { 'auth-status': plugin as never }, rules: { [ruleId]: entry } }], {
        filename: path.resolve('check.js'),
      });
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private config({ language, filename }: ParseTarget, rules: RulesConfig, maskedCode: boolean): Linter.Config[] {
    const key = JSON.stringify([rootOf(filename), path.extname(filename), language, rules, maskedCode]);
    return this.configs.get(key, path.resolve(filename), () => [
      {
        // Every file name the linter sees has one of these extensions (see `parseTargetOf`).
        files: LINTED_FILES,
        languageOptions: languageOptions(language, maskedCode),
        // The user's disable comments name rules we do not run: never report them as unused.
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { 'auth-status': plugin as never },
        rules,
      },
    ]);
  }

  private linterFor(filename: string): Linter {
    const root = rootOf(filename);
    let linter = this.linters.get(root);
    if (!linter) {
      linter = new Linter({ cwd: root });
      this.linters.set(root, linter);
    }
    return linter;
  }
}

function toProblem(message: Linter.LintMessage, lineStarts: number[], sourceCode: SourceCode, analysis: Analysis, shift: number): Problem {
  const offset = (line: number, column: number) => (lineStarts[line - 1] ?? 0) + column - 1;
  const start = offset(message.line, message.column);
  const end = message.endLine === undefined ? start : offset(message.endLine, message.endColumn ?? message.column);
  const change = (fix: EslintFix): TextChange => ({ start: fix.range[0] + shift, end: fix.range[1] + shift, text: fix.text });
  const ruleId = message.ruleId!;
  return {
    ruleId,
    severity: message.severity,
    message: message.message,
    start: start + shift,
    end: end + shift,
    fix: message.fix ? change(message.fix) : undefined,
    suggestions: (message.suggestions ?? []).map((suggestion) => ({ title: suggestion.desc, change: change(suggestion.fix) })),
    docsUrl: ruleDocsUrl(ruleId),
    explanation: explain(sourceCode, analysis, start, end, shift),
  };
}

/** The response site the message points at (same range as the site's node), with its reason and evidence. */
function explain(sourceCode: SourceCode, analysis: Analysis, start: number, end: number, shift: number): Problem['explanation'] {
  const site = analysis.sites.find((candidate) => candidate.node.range[0] === start && candidate.node.range[1] === end);
  if (!site) return undefined;
  const reason = analysis.reasonOf(site);
  return {
    status: site.status.code,
    framework: site.framework,
    reason: reason.kind,
    problem: reason.kind === 'credential' ? reason.problem : undefined,
    ...(site.definition ? { definition: site.definition } : {}),
    evidence: evidenceRows(sourceCode, site, reason).map(({ node, what, code }) => ({ start: node.range[0] + shift, end: node.range[1] + shift, what, code })),
  };
}

function rootOf(filename: string): string {
  return path.parse(filename).root || path.parse(path.resolve(filename)).root;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  const lineBreak = /\r\n|[\r\n\u2028\u2029]/g;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}
