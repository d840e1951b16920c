import path from 'node:path';
import type { Linter } from 'eslint';
import { createLinter, SourceCode } from './eslint-core';
import plugin from 'eslint-plugin-auth-status';
import { importsMeaningfulModule, NormalizedConfigs, useModuleTreeParser, useSourceCodeClass } from 'eslint-plugin-auth-status/tooling';
import { dialectsFor, lintConfig, loadNativeParsers, type Dialect } from './languages';
import { NativePassBudget } from './native-pass';
import { pluginsToCheck } from './option-free-plugins';
import { notLintedMessage, resultFor, type LintResult } from './result';
import { RULE_PREFIX, type RulesConfig } from './rules-config';
import { applyFirstSuggestions } from './suggestions';

/** `safe`: autofixes only; `status`: also the status-changing suggestions. */
export type FixMode = 'none' | 'safe' | 'status';

export interface LintTask {
  filePath: string;
  text: string;
  rules: RulesConfig;
  fix: FixMode;
  /** The prefilter found nothing in the text itself: lint only if an import it throws or returns may define a status. */
  onlyIfImportsMatter?: boolean;
}

export interface LintOutcome {
  result: LintResult;
  /** Set when fixes were computed but not kept because the fixed code would not parse. */
  fixRefused?: boolean;
  /** When `result` holds fixed output: the result for the text as read, reported if the fix cannot be written. */
  unfixed?: LintResult;
  /** Set when our rules threw: an internal error, reported on the file and in the exit code. */
  internalError?: string;
}

const MAX_FIX_PASSES = 10;
/** `off` lints every file with ESLint's own parsers alone: the bench and the tests compare both ways. */
export const NATIVE_PARSE_VARIABLE = 'AUTH_STATUS_NATIVE_PARSE';
const BOM = '\uFEFF';
const ourPlugins = plugin.configs.recommended.plugins as NonNullable<Linter.Config['plugins']>;

const offersFix = (message: Linter.LintMessage) => Boolean(message.fix || message.suggestions?.length);
const isOurs = (message: Linter.LintMessage) => message.ruleId?.startsWith(RULE_PREFIX) ?? false;
/** Our rules and parse errors; inline `/* eslint … *\/` comments may switch on other rules, which are not ours to report. */
const isReported = (message: Linter.LintMessage) => isOurs(message) || (message.ruleId === null && message.fatal === true);

/** A stack overflow outside our rules (ESLint names the rule in `ruleId` when one was running). */
function isCoreStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message) && (error as { ruleId?: string }).ruleId === undefined;
}

export class FileLinter {
  /** `plugins` replaces our plugin only in tests that need a rule misbehaving. */
  constructor(private readonly plugins: NonNullable<Linter.Config['plugins']> = ourPlugins) {
    // The modules a file imports are parsed by oxc too, so a worker never loads TypeScript to summarize them.
    if (this.nativeParse) useModuleTreeParser((file, text) => loadNativeParsers().importedModuleTree(file, text) as never);
    useSourceCodeClass(SourceCode);
  }

  private readonly linter = createLinter({ cwd: path.parse(process.cwd()).root });
  private readonly configs = new NormalizedConfigs();
  private readonly nativeParse = process.env[NATIVE_PARSE_VARIABLE] !== 'off';
  private readonly nativeBudget = new NativePassBudget();

  lint(task: LintTask): LintOutcome {
    if (task.onlyIfImportsMatter && !importsMeaningfulModule(task.text, task.filePath)) return { result: resultFor(task.filePath, []) };
    try {
      return this.lintOrThrow(task);
    } catch (error) {
      if (isCoreStackOverflow(error)) {
        // ESLint's own traversal ran out of stack on a deeply nested file: that file's limit, not a bug here.
        const message = notLintedMessage('nesting too deep for the parser and ESLint (the call stack ran out); not linted');
        return { result: resultFor(task.filePath, [message], task.text) };
      }
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const message: Linter.LintMessage = {
        ruleId: null,
        fatal: true,
        severity: 2,
        message: `auth-status-lint failed on this file (${reason}); please report it with the file attached.`,
        line: 1,
        column: 1,
      };
      return { result: resultFor(task.filePath, [message], task.text), internalError: reason };
    }
  }

  /**
   * ESLint drops a leading BOM before it parses, so every range in its messages (fixes and suggestions) is an
   * offset into the text after the BOM. All linting and fixing here therefore works on that text alone, and the
   * BOM is put back only on the output: no offset can ever be counted from the wrong start.
   */
  private lintOrThrow({ filePath, text, rules, fix }: LintTask): LintOutcome {
    const bom = text.startsWith(BOM) ? BOM : '';
    const body = text.slice(bom.length);
    const native = this.nativeLint(filePath, body, rules);
    if (native !== undefined && (fix === 'none' || !native.some(offersFix))) return { result: resultFor(filePath, native, text) };
    const { config, messages } = this.verifyInFittingDialect(filePath, body, rules);
    const unfixed = resultFor(filePath, messages, text);
    const canFix = fix !== 'none' && messages.some(offersFix);
    if (!canFix) return { result: unfixed };

    const fixed = this.fix(filePath, body, config, fix);
    if (fixed === body) return { result: unfixed };
    const remaining = this.verify(filePath, fixed, config);
    if (remaining.some((message) => message.fatal)) return { result: unfixed, fixRefused: true };
    const output = bom + fixed;
    return { result: resultFor(filePath, remaining, output, output), unfixed };
  }

  /**
   * The messages of a lint on oxc's parse of the file (parse/oxc.ts), which are ESLint's own: the tree, its
   * locations, comments and scopes are the ones ESLint's parser gives, and tokens, asked for by some fixes, come
   * from that parser on demand. Undefined when every dialect fails to parse natively or a rule throws: ESLint's own
   * parsers then decide, parse errors included. Fixing goes through them too.
   */
  private nativeLint(filePath: string, text: string, rules: RulesConfig): Linter.LintMessage[] | undefined {
    if (!this.nativeParse || !this.nativeBudget.worthTrying()) return undefined;
    const messages = this.nativeMessages(filePath, text, rules);
    this.nativeBudget.record(messages !== undefined);
    return messages;
  }

  private nativeMessages(filePath: string, text: string, rules: RulesConfig): Linter.LintMessage[] | undefined {
    try {
      for (const dialect of dialectsFor(filePath)) {
        const messages = this.verify(filePath, text, this.configFor(filePath, dialect, rules, true));
        if (!messages.some((message) => message.fatal)) return messages;
      }
    } catch {
      // Whatever went wrong on the native tree, ESLint's parser decides.
    }
    return undefined;
  }

  /** The first dialect that parses; when none does, the first dialect's parse error. */
  private verifyInFittingDialect(filePath: string, text: string, rules: RulesConfig) {
    let first: { config: Linter.Config[]; messages: Linter.LintMessage[] } | undefined;
    for (const dialect of dialectsFor(filePath)) {
      const config = this.configFor(filePath, dialect, rules);
      const messages = this.verify(filePath, text, config);
      if (!messages.some((message) => message.fatal)) return { config, messages };
      first ??= { config, messages };
    }
    return first!;
  }

  private verify(filePath: string, text: string, config: Linter.Config[]): Linter.LintMessage[] {
    return this.linter.verify(text, config, filePath).filter(isReported);
  }

  private fix(filePath: string, text: string, config: Linter.Config[], mode: FixMode): string {
    let current = text;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      // ESLint accepts a predicate for `fix` (its types say boolean): fixes from rules switched on inline are not ours.
      const fixed = this.linter.verifyAndFix(current, config, { filename: filePath, fix: isOurs as unknown as boolean });
      current = fixed.output;
      if (mode !== 'status' || fixed.messages.some((message) => message.fatal)) break;
      const withSuggestions = applyFirstSuggestions(current, fixed.messages.filter(isOurs));
      if (withSuggestions === undefined) break;
      current = withSuggestions;
    }
    return current;
  }

  private configFor(filePath: string, dialect: Dialect, rules: RulesConfig, native = false): Linter.Config[] {
    const key = `${dialect}${native ? '\0native' : ''}\0${JSON.stringify(rules)}`;
    return this.configs.get(key, path.resolve(filePath), () => lintConfig(dialect, pluginsToCheck(this.plugins, rules), rules, native));
  }
}
