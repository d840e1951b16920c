import path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-auth-status';
import type { Dialect } from './dialects';
import { dialectKey } from './dialects';

/** Which of our rules run: none (ESLint's own parse + traverse), the recommended config, or every rule. */
export type RuleSet = 'none' | 'recommended' | 'strict';

export const RULE_PREFIX = 'auth-status/';

const RULE_SETS: Record<RuleSet, Linter.Config[]> = {
  none: [],
  recommended: [plugin.configs.recommended as Linter.Config],
  strict: [plugin.configs.strict as Linter.Config],
};

/** What our rules are added to: ESLint alone, or the rules a typical project already runs. */
export type Base = 'bare' | 'typical';

const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx'];

/**
 * A typical project's config: ESLint's recommended rules with Node and browser globals, and for TypeScript
 * typescript-eslint's recommended rules (those that need no type information), kept to TypeScript files as a
 * project's config keeps them. Only rules and plugins are taken: the parser and source type stay the dialect's, so
 * every configuration parses a file the same way.
 */
function typicalConfig(): Linter.Config[] {
  // Loaded here: the other harnesses (fix safety, robustness) never need these packages.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const js = require('@eslint/js') as typeof import('@eslint/js');
  const globals = require('globals') as typeof import('globals');
  const tseslint = require('typescript-eslint') as typeof import('typescript-eslint');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const typescript = (tseslint.configs.recommended as Linter.Config[]).map(({ files, plugins, rules }) => ({
    files: files ?? TYPESCRIPT_FILES,
    ...(plugins ? { plugins } : {}),
    ...(rules ? { rules } : {}),
  }));
  return [js.configs.recommended, { languageOptions: { globals: { ...globals.node, ...globals.browser } } }, ...typescript];
}

/** The name a dialect's text is linted under; config matching needs one, rules never read it. */
function virtualFilename(dialect: Dialect): string {
  if (dialect.parser === 'espree') return 'input.js';
  return dialect.jsx ? 'input.tsx' : 'input.ts';
}

function dialectConfig(dialect: Dialect): Linter.Config {
  return {
    files: ['**/*.js', '**/*.ts', '**/*.tsx'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: dialect.sourceType,
      ...(dialect.parser === 'typescript' ? { parser: tsParser as Linter.Parser } : {}),
      parserOptions: { ecmaFeatures: { jsx: dialect.jsx } },
    },
    // Code in the wild disables rules inline; our rules must still see every line of it.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  };
}

interface ConfigArrayModule {
  FlatConfigArray: new (configs: Linter.Config[], options: { basePath: string }) => Linter.Config[] & { normalizeSync(): void };
}

/**
 * `Linter#verify` normalizes a plain config array on every call (about 0.5 ms, a few percent of ESLint's time on
 * small files); the ESLint CLI normalizes once. Normalizing once here keeps the benchmark's baseline honest. The
 * class is internal to ESLint, so a plain array is the fallback when its path moves.
 */
function normalizedOnce(configs: Linter.Config[]): Linter.Config[] {
  try {
    const modulePath = path.join(path.dirname(require.resolve('eslint/package.json')), 'lib/config/flat-config-array.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FlatConfigArray } = require(modulePath) as ConfigArrayModule;
    const array = new FlatConfigArray(configs, { basePath: process.cwd() });
    array.normalizeSync();
    return array;
  } catch {
    return configs;
  }
}

/** Extra configs layered over a rule set, e.g. `{ rules: { 'auth-status/…': ['error', { autofix: true }] } }`. */
export type ConfigOverrides = readonly Linter.Config[];

/** ESLint's `Linter` with one rule set, ready for any dialect; configs are built once per dialect. */
export class ConfiguredLinter {
  readonly linter = new Linter();
  private readonly configs = new Map<string, Linter.Config[]>();

  constructor(
    readonly ruleSet: RuleSet,
    private readonly overrides: ConfigOverrides = [],
    readonly base: Base = 'bare',
  ) {}

  private configFor(dialect: Dialect): Linter.Config[] {
    const key = dialectKey(dialect);
    let config = this.configs.get(key);
    if (!config) {
      const base = this.base === 'typical' ? typicalConfig() : [];
      config = normalizedOnce([dialectConfig(dialect), ...base, ...RULE_SETS[this.ruleSet], ...this.overrides]);
      this.configs.set(key, config);
    }
    return config;
  }

  /** Messages of our rules, and the parse error if the text does not parse (ESLint returns it as a fatal message). */
  verify(text: string, dialect: Dialect): Linter.LintMessage[] {
    return this.linter.verify(text, this.configFor(dialect), { filename: virtualFilename(dialect) }).filter(isRelevant);
  }

  verifyAndFix(text: string, dialect: Dialect, options: { fix?: boolean; stats?: boolean } = {}): Linter.FixReport {
    const report = this.linter.verifyAndFix(text, this.configFor(dialect), { filename: virtualFilename(dialect), ...options });
    return { ...report, messages: report.messages.filter(isRelevant) };
  }

  /**
   * Lints an empty text, so that ESLint's `Linter` lets go of the last file it linted: it keeps that file's tree,
   * tokens and scopes (about a gigabyte for a 3.3 MB bundle) until its next lint.
   */
  release(dialect: Dialect): void {
    this.linter.verify('', this.configFor(dialect), { filename: virtualFilename(dialect) });
  }

  /** Milliseconds per rule of the last `verifyAndFix(…, { stats: true })`, first pass. */
  lastRuleTimes(): Record<string, number> {
    const pass = this.linter.getTimes().passes[0];
    const times: Record<string, number> = {};
    for (const [rule, { total }] of Object.entries(pass?.rules ?? {})) times[rule] = total;
    return times;
  }

  /** Milliseconds ESLint spent parsing in the last `verifyAndFix(…, { stats: true })`. */
  lastParseTime(): number {
    return this.linter.getTimes().passes[0]?.parse?.total ?? 0;
  }
}

function isRelevant(message: Linter.LintMessage): boolean {
  return message.fatal === true || (message.ruleId?.startsWith(RULE_PREFIX) ?? false);
}

/** A fatal message is ESLint's way of saying the text did not parse. */
export function parseErrorOf(messages: readonly Linter.LintMessage[]): Linter.LintMessage | undefined {
  return messages.find((message) => message.fatal === true);
}

/**
 * Runs `lint` in each of `dialects` until one parses the text. Returns that dialect and its result, or the first
 * dialect's parse error when none does.
 */
export function inFirstParsingDialect<T extends { messages: Linter.LintMessage[] }>(
  dialects: readonly Dialect[],
  lint: (dialect: Dialect) => T,
): { dialect: Dialect; result: T } | { parseError: Linter.LintMessage } {
  let firstError: Linter.LintMessage | undefined;
  for (const dialect of dialects) {
    const result = lint(dialect);
    const parseError = parseErrorOf(result.messages);
    if (!parseError) return { dialect, result };
    firstError ??= parseError;
  }
  return { parseError: firstError! };
}
