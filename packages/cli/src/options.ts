import { UsageError } from './errors';
import type { Severity } from './lint/rules-config';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif', 'github'];

/** What to lint: files found under paths, the staged content, or files changed since a ref. */
export type Source =
  | { kind: 'paths' }
  | { kind: 'staged' }
  | { kind: 'changed'; ref: string | undefined; notRef?: string };

export interface Options {
  paths: string[];
  source: Source;
  format: FormatName;
  outputFile: string | undefined;
  quiet: boolean;
  maxWarnings: number | undefined;
  ruleOverrides: { name: string; severity: Severity }[];
  configFile: string | undefined;
  projectConfig: boolean;
  fix: boolean;
  fixStatus: boolean;
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
  -f, --format NAME        stylish (default), json, sarif or github
  -o, --output-file FILE   write the report to FILE instead of standard output
  --quiet                  report errors only
  --max-warnings N         exit with 1 when there are more than N warnings

Fixing:
  --fix                    apply safe fixes (adding a missing WWW-Authenticate header)
  --fix-status             with --fix, also change wrong status codes to 401 (changes what clients receive)

Git hooks:
  --install-hook           write a pre-commit hook that runs auth-status-lint --staged
  --force                  with --install-hook, replace an existing pre-commit hook

Other:
  --concurrency N|auto|off threads that parse files (default auto: one per idle core once there is enough to parse)
  --no-prefilter           parse every file, even those whose text cannot contain a finding (slower, same results)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, configuration or internal error.
`;

type Flag = keyof {
  [K in keyof Options as Options[K] extends boolean ? K : never]: true;
};

const FLAGS: Record<string, [Flag, boolean]> = {
  '--quiet': ['quiet', true],
  '--fix': ['fix', true],
  '--fix-status': ['fixStatus', true],
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

const VALUE_OPTIONS = new Set(['--format', '-f', '--output-file', '-o', '--max-warnings', '--rule', '--config', '--concurrency']);

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
    fixStatus: false,
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
  return validate(options);
}

function applyValueOption(options: Options, name: string, value: string): void {
  switch (name) {
    case '--format':
    case '-f':
      if (!(FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`unknown format "${value}"; use one of ${FORMATS.join(', ')}.`);
      }
      options.format = value as FormatName;
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

function validate(options: Options): Options {
  if (options.fixStatus && !options.fix) throw new UsageError('--fix-status only works together with --fix.');
  if (options.force && !options.installHook) throw new UsageError('--force only works together with --install-hook.');
  if (options.fix && options.source.kind === 'staged') {
    throw new UsageError('--fix cannot change staged content; run auth-status-lint --fix on the files, then stage them again.');
  }
  if (options.configFile !== undefined && !options.projectConfig) {
    throw new UsageError('--config and --no-project-config contradict each other; pick one.');
  }
  return options;
}
