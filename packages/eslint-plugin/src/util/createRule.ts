import type { TSESLint } from '@typescript-eslint/utils';
import { version } from './package-version';

/**
 * Rule docs live in the repository at the tag of the release that shipped the rule, so a link from an old version
 * describes the rule as that version behaves.
 */
export const DOCS_BASE_URL = `https://github.com/auth-status/auth-status/blob/v${version}/packages/eslint-plugin/docs/rules/`;

export interface AuthStatusRuleDocs {
  /** Turned on (as `error`) by `configs.recommended`; `'warn'` turns it on as a warning. */
  recommended?: 'error' | 'warn';
}

type RuleMeta<MessageIds extends string, Options extends readonly unknown[]> = Omit<
  TSESLint.RuleMetaData<MessageIds, AuthStatusRuleDocs, Options>,
  'docs' | 'defaultOptions'
> & {
  docs: Omit<TSESLint.RuleMetaDataDocs, 'url'> & AuthStatusRuleDocs;
  defaultOptions: Options;
};

interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  meta: RuleMeta<MessageIds, Options>;
  create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Readonly<Options>): TSESLint.RuleListener;
}

export type AuthStatusRule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<
  MessageIds,
  Options,
  AuthStatusRuleDocs
> & { name: string };

/**
 * Builds a rule whose `create` receives its options with `meta.defaultOptions` filled in, and whose docs URL is
 * derived from its name. ESLint ≥ 9.15 fills the defaults in itself; earlier 9.x releases do not, so they are
 * merged here too (merging twice gives the same result).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: RuleDefinition<Options, MessageIds>): AuthStatusRule<Options, MessageIds> {
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${DOCS_BASE_URL}${name}.md` } },
    defaultOptions: meta.defaultOptions,
    create: (context) => {
      const given = context.options;
      // ESLint ≥ 9.15 hands every file the options with the defaults merged in already: merging again would only copy them.
      return create(context, holdsDefaults(meta.defaultOptions, given) ? (given as unknown as Options) : withDefaults(meta.defaultOptions, given));
    },
  };
}

/** Each given option over its default; plain objects are merged key by key, anything else replaces the default. */
function withDefaults<Options extends readonly unknown[]>(defaults: Options, given: readonly unknown[]): Options {
  const length = Math.max(defaults.length, given.length);
  return Array.from({ length }, (_, index) => merged(defaults[index], given[index])) as unknown as Options;
}

/** Whether `given` has a value for every default (nested objects key by key), so that merging would change nothing. */
function holdsDefaults(defaults: readonly unknown[], given: readonly unknown[]): boolean {
  return defaults.every((fallback, index) => holds(fallback, given[index]));
}

function holds(fallback: unknown, value: unknown): boolean {
  if (value === undefined) return fallback === undefined;
  if (!isPlainObject(fallback) || !isPlainObject(value)) return true;
  return Object.keys(fallback).every((key) => holds(fallback[key], value[key]));
}

function merged(fallback: unknown, value: unknown): unknown {
  if (value === undefined) return fallback;
  if (!isPlainObject(fallback) || !isPlainObject(value)) return value;
  const result: Record<string, unknown> = { ...fallback };
  for (const [key, entry] of Object.entries(value)) result[key] = merged(fallback[key], entry);
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
