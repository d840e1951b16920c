import { UsageError } from './errors';
import { qualifiedRuleName, type Severity } from './lint/rules-config';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github'];

/** What to lint: files found under paths, the staged content, or files changed since a ref. */
export type Source =
  | { kind: 'paths' }
  | { kind: 'staged' }
  | { kind: 'changed'; ref: string | undefined; notRef?: string }
  | { kind: 'stdin'; filename: string | undefined };

export interface Options {
  paths: string[];
  source: Source;
  /** One of FORMATS, or an ESLint formatter: a built-in one, an `eslint-formatter-*` package or a file. */
  format: string;
  outputFile: string | undefined;
  quiet: boolean;
  maxWarnings: number | undefined;
  ruleOverrides: { name: string; severity: Severity }[];
  configFile: string | undefined;
  projectConfig: boolean;
  fix: boolean;
  fixDryRun: boolean;
  fixStatus: boolean;
  suppressAll: boolean;
  suppressRules: string[];
  suppressionsLocation: string | undefined;
  pruneSuppressions: boolean;
  passOnUnprunedSuppressions: boolean;
  cache: boolean;
  cacheLocation: string | undefined;
  printConfig: string | undefined;
  defaultIgnores: boolean;
  gitignore: boolean;
  prefilter: boolean;
  concurrency: number | 'auto' | 'off';
  installHook: boolean;
  force: boolean;
  help: boolean;
  version: boolean;
}

export const HELP = `Usage: auth-status-lint [options] [paths...]

Finds wrong HTTP status codes for authentication failures (403/400/498 for a missing or expired
credential, 401 without WWW-Authenticate) in .js .jsx .mjs .cjs .ts .tsx .mts .cts files. No configuration needed.
Paths default to the current folder.

What to lint:
  --staged                 the staged content of staged files, read from the git index (pre-commit)
  --changed [REF]          files changed since REF's merge base with HEAD (default HEAD), plus untracked files
  --no-default-ignores     also lint node_modules, build output (dist, build, out, coverage, .next …),
                           minified files, declaration files and generated files (over 1 MB or with very long lines);
                           no file over 5 MB is ever linted
  --no-gitignore           do not skip files matched by .gitignore

Rules:
  --rule NAME:SEVERITY     set a rule to off, warn or error (repeatable), e.g. require-www-authenticate:warn
  --config FILE            take auth-status/* rule settings from this ESLint config file
  --no-project-config      ignore the project's eslint.config.* (use the built-in recommended settings)
                           (loading it may take 10 s at most; set AUTH_STATUS_LINT_CONFIG_TIMEOUT=SECONDS to change that)

Output:
  -f, --format NAME        stylish (default), json, sarif or github (file paths relative to the repository root,
                           or GITHUB_WORKSPACE when set); any other NAME is an ESLint formatter, found as ESLint
                           finds it: an eslint-formatter-NAME package in the project (junit, checkstyle, gitlab …),
                           one built into the installed ESLint (html, json-with-metadata), or a path to a file
  -o, --output-file FILE   write the report to FILE instead of standard output
  --quiet                  report errors only
  --max-warnings N         exit with 1 when there are more than N warnings

Fixing:
  --fix                    apply safe fixes (adding a missing WWW-Authenticate header)
  --fix-dry-run            compute fixes without writing them: the summary says what --fix would change, and
                           --format json carries the fixed text as "output"
  --fix-status             with --fix or --fix-dry-run, also change wrong status codes to 401 (changes what clients
                           receive)

Adopting in an existing codebase (ESLint's bulk suppressions, eslint-suppressions.json):
  --suppress-all           record every error found as suppressed; suppressed errors do not fail later runs
  --suppress-rule RULE     record the errors of RULE only (repeatable)
  --suppressions-location PATH
                           the suppressions file (default eslint-suppressions.json in the current folder)
  --prune-suppressions     drop recorded suppressions that no longer occur
  --pass-on-unpruned-suppressions
                           do not fail (exit 2) when recorded suppressions no longer occur

Editors and speed:
  --stdin                  lint the text on standard input; with --fix, print the fixed text on standard output
                           (the report goes only to --output-file) and write no file
  --stdin-filename PATH    with --stdin, lint the text as if it were this file (its project config applies);
                           without it, the text is JavaScript named <text>.js
  --cache                  reuse results for files whose content, settings and rules version are unchanged
                           (runs that fix, and --stdin, always lint afresh)
  --cache-location PATH    the cache file, or a folder for it (default .auth-status-lint-cache)
  --print-config FILE      print the rule settings that apply to FILE, as JSON, and lint nothing

Git hooks:
  --install-hook           write a pre-commit hook that runs auth-status-lint --staged; from any folder of a
                           monorepo: the hook runs the copy installed there, or at the repository root
  --force                  with --install-hook, replace an existing pre-commit hook

Other:
  --concurrency N|auto|off threads that parse files (default auto: one per core once there is enough to parse)
  --no-prefilter           parse every file, even those whose text cannot contain a finding (slower, same results)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, configuration or internal error
(or recorded suppressions that no longer occur).
`;

type Flag = keyof {
  [K in keyof Options as Options[K] extends boolean ? K : never]: true;
};

const FLAGS: Record<string, [Flag, boolean]> = {
  '--quiet': ['quiet', true],
  '--fix': ['fix', true],
  '--fix-status': ['fixStatus', true],
  '--fix-dry-run': ['fixDryRun', true],
  '--suppress-all': ['suppressAll', true],
  '--prune-suppressions': ['pruneSuppressions', true],
  '--pass-on-unpruned-suppressions': ['passOnUnprunedSuppressions', true],
  '--cache': ['cache', true],
  '--no-project-config': ['projectConfig', false],
  '--no-default-ignores': ['defaultIgnores', false],
  '--no-gitignore': ['gitignore', false],
  '--no-prefilter': ['prefilter', false],
  '--install-hook': ['installHook', true],
  '--force': ['force', true],
  '--help': ['help', true],
  '-h': ['help', true],
  '--version': ['version', true],
  '-v': ['version', true],
};

const VALUE_OPTIONS = new Set([
  '--format',
  '-f',
  '--output-file',
  '-o',
  '--max-warnings',
  '--rule',
  '--config',
  '--concurrency',
  '--suppress-rule',
  '--suppressions-location',
  '--cache-location',
  '--stdin-filename',
  '--print-config',
]);

function defaults(): Options {
  return {
    paths: [],
    source: { kind: 'paths' },
    format: 'stylish',
    outputFile: undefined,
    quiet: false,
    maxWarnings: undefined,
    ruleOverrides: [],
    configFile: undefined,
    projectConfig: true,
    fix: false,
    fixDryRun: false,
    fixStatus: false,
    suppressAll: false,
    suppressRules: [],
    suppressionsLocation: undefined,
    pruneSuppressions: false,
    passOnUnprunedSuppressions: false,
    cache: false,
    cacheLocation: undefined,
    printConfig: undefined,
    defaultIgnores: true,
    gitignore: true,
    prefilter: true,
    concurrency: 'auto',
    installHook: false,
    force: false,
    help: false,
    version: false,
  };
}

/**
 * Parses the command line. `--changed` takes the next argument as its REF only when `isRevision` accepts it,
 * so `--changed src` lints changed files under src; `--changed=REF` always names a ref.
 */
export function parseOptions(argv: readonly string[], isRevision: (text: string) => boolean): Options {
  const options = defaults();
  let stdin = false;
  let stdinFilename: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--') {
      options.paths.push(...argv.slice(index + 1));
      break;
    }
    if (!argument.startsWith('-') || argument === '-') {
      options.paths.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const name = argument.startsWith('--') && equals > 0 ? argument.slice(0, equals) : argument;
    const inlineValue = name === argument ? undefined : argument.slice(equals + 1);

    if (name === '--stdin') {
      if (inlineValue !== undefined) throw new UsageError('--stdin takes no value; name the file with --stdin-filename PATH.');
      stdin = true;
      continue;
    }
    if (name === '--stdin-filename') {
      const value = inlineValue ?? argv[++index];
      if (value === undefined || value === '') throw new UsageError('--stdin-filename needs a path, e.g. --stdin-filename src/auth.ts.');
      stdinFilename = value;
      continue;
    }
    if (name === '--staged' || name === '--changed') {
      if (options.source.kind !== 'paths') throw new UsageError('--staged and --changed cannot be combined; pick one.');
      if (name === '--staged') {
        if (inlineValue !== undefined) throw new UsageError('--staged takes no value.');
        options.source = { kind: 'staged' };
      } else {
        const next = argv[index + 1];
        if (inlineValue !== undefined) {
          if (inlineValue === '') throw new UsageError('--changed= needs a git ref, e.g. --changed=origin/main.');
          options.source = { kind: 'changed', ref: inlineValue };
        } else if (next !== undefined && !next.startsWith('-') && isRevision(next)) {
          options.source = { kind: 'changed', ref: next };
          index++;
        } else {
          // The next word, if any, is a path (checked, with a message naming both readings, when the files are listed).
          const notRef = next !== undefined && !next.startsWith('-') ? next : undefined;
          options.source = { kind: 'changed', ref: undefined, ...(notRef === undefined ? {} : { notRef }) };
        }
      }
      continue;
    }

    const flag = FLAGS[name];
    if (flag) {
      if (inlineValue !== undefined) throw new UsageError(`${name} takes no value.`);
      options[flag[0]] = flag[1];
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) {
      throw new UsageError(`unknown option ${name}; run auth-status-lint --help for the list of options.`);
    }
    const value = inlineValue ?? argv[++index];
    const looksLikeOption = value !== undefined && value.startsWith('-') && value !== '-' && !/^-\d+$/.test(value);
    if (value === undefined || (inlineValue === undefined && looksLikeOption)) {
      throw new UsageError(`${name} needs a value; run auth-status-lint --help for its format.`);
    }
    applyValueOption(options, name, value);
  }
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename only works together with --stdin.');
  if (stdin) {
    if (options.source.kind !== 'paths') throw new UsageError(`--stdin and --${options.source.kind} cannot be combined; pick one.`);
    if (options.paths.length > 0) throw new UsageError('--stdin lints standard input, not paths; drop the paths or --stdin.');
    options.source = { kind: 'stdin', filename: stdinFilename };
  }
  return validate(options);
}

function applyValueOption(options: Options, name: string, value: string): void {
  switch (name) {
    case '--format':
    case '-f':
      if (value === '') throw new UsageError(`--format needs a name: ${FORMATS.join(', ')} or an ESLint formatter.`);
      options.format = value;
      return;
    case '--output-file':
    case '-o':
      options.outputFile = value;
      return;
    case '--max-warnings':
      if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${value}".`);
      options.maxWarnings = Number(value);
      return;
    case '--rule':
      options.ruleOverrides.push(parseRuleOverride(value));
      return;
    case '--config':
      options.configFile = value;
      return;
    case '--concurrency':
      options.concurrency = parseConcurrency(value);
      return;
    case '--suppress-rule':
      options.suppressRules.push(qualifiedRuleName(value));
      return;
    case '--suppressions-location':
      options.suppressionsLocation = value;
      return;
    case '--cache-location':
      options.cacheLocation = value;
      return;
    case '--print-config':
      options.printConfig = value;
      return;
  }
}

const SEVERITY_WORDS: Record<string, Severity> = { off: 'off', '0': 'off', warn: 'warn', '1': 'warn', error: 'error', '2': 'error' };

function parseRuleOverride(value: string): { name: string; severity: Severity } {
  const separator = value.lastIndexOf(':');
  const severity = SEVERITY_WORDS[value.slice(separator + 1)];
  const name = value.slice(0, separator);
  if (separator <= 0 || severity === undefined) {
    throw new UsageError(`--rule needs NAME:SEVERITY with SEVERITY off, warn or error, e.g. require-www-authenticate:warn (got "${value}").`);
  }
  return { name, severity };
}

function parseConcurrency(value: string): Options['concurrency'] {
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new UsageError(`--concurrency needs a positive number, auto or off (got "${value}").`);
}

/** Pairs ESLint refuses too, with its reasons. */
const CONFLICTS: [keyof Options, keyof Options][] = [
  ['fix', 'fixDryRun'],
  ['suppressAll', 'suppressRules'],
  ['suppressAll', 'pruneSuppressions'],
  ['suppressRules', 'pruneSuppressions'],
];

const isSet = (value: unknown) => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false);
const optionName = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/-rules$/, '-rule')}`;

function validate(options: Options): Options {
  for (const [first, second] of CONFLICTS) {
    if (isSet(options[first]) && isSet(options[second])) {
      throw new UsageError(`${optionName(first)} and ${optionName(second)} cannot be used together.`);
    }
  }
  const suppressing = options.suppressAll || options.suppressRules.length > 0 || options.pruneSuppressions;
  if (options.source.kind === 'stdin' && suppressing) {
    throw new UsageError('--suppress-all, --suppress-rule and --prune-suppressions cannot be used with --stdin.');
  }
  if (options.cacheLocation !== undefined && !options.cache) throw new UsageError('--cache-location only works together with --cache.');
  if (options.fixStatus && !options.fix && !options.fixDryRun) throw new UsageError('--fix-status only works together with --fix or --fix-dry-run.');
  if (options.force && !options.installHook) throw new UsageError('--force only works together with --install-hook.');
  if (options.fix && options.source.kind === 'staged') {
    throw new UsageError('--fix cannot change staged content; run auth-status-lint --fix on the files, then stage them again.');
  }
  if (options.configFile !== undefined && !options.projectConfig) {
    throw new UsageError('--config and --no-project-config contradict each other; pick one.');
  }
  return options;
}
