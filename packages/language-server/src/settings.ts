import { isValidRealm, isValidScheme } from 'eslint-plugin-auth-status/tooling';

/**
 * The `authStatus` configuration section (`workspace/configuration`), read leniently: a wrong value is reported
 * in plain words and replaced by its default, never a crash.
 */

export type Severity = 'off' | 'warn' | 'error';
/** `"warn"` or `["warn", { realm: "api" }]`, as in an ESLint config. */
export type RuleSetting = Severity | [Severity, ...unknown[]];

export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Rule name without the `auth-status/` prefix → severity, or `[severity, options]`. */
  rules: Record<string, RuleSetting>;
  challenge: { scheme?: string; realm?: string };
  /** Documents larger than this many bytes (UTF-8) are not checked. */
  maxFileSize: number;
  fixAll: { includeStatusChanges: boolean };
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export function defaultSettings(): Settings {
  return {
    enable: true,
    run: 'onType',
    rules: {},
    challenge: {},
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    fixAll: { includeStatusChanges: false },
  };
}

export interface ReadSettings {
  settings: Settings;
  /** One sentence per ignored value, for the log. */
  problems: string[];
}

const SEVERITY_NAMES: Record<string, Severity> = { off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

/** ESLint's severity spellings (`"warn"`, `1`, …) as a name, or undefined. */
export function severityName(value: unknown): Severity | undefined {
  return typeof value === 'string' || typeof value === 'number' ? SEVERITY_NAMES[String(value)] : undefined;
}

export function readSettings(raw: unknown): ReadSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw)) return { settings, problems: [`authStatus must be an object, got ${describe(raw)}; using the defaults.`] };

  const expect = <T>(key: string, value: unknown, accept: (value: unknown) => value is T, wanted: string): T | undefined => {
    if (value === undefined || value === null) return undefined;
    if (accept(value)) return value;
    problems.push(`authStatus.${key} must be ${wanted}, got ${describe(value)}; using the default.`);
    return undefined;
  };

  settings.enable = expect('enable', raw.enable, isBoolean, 'true or false') ?? settings.enable;
  settings.run = expect('run', raw.run, (value): value is Settings['run'] => value === 'onType' || value === 'onSave', '"onType" or "onSave"') ?? settings.run;
  settings.maxFileSize =
    expect('maxFileSize', raw.maxFileSize, (value): value is number => typeof value === 'number' && value > 0, 'a positive number of bytes') ??
    settings.maxFileSize;

  const challenge = expect('challenge', raw.challenge, isRecord, 'an object') ?? {};
  // Both end up in generated code: the plugin's own checks (its option schemas use the same) decide.
  settings.challenge.scheme = expect('challenge.scheme', challenge.scheme, isValidScheme, 'an auth scheme token such as "Bearer" or "auto"');
  settings.challenge.realm = expect(
    'challenge.realm',
    challenge.realm,
    isValidRealm,
    'text a quoted-string can hold (RFC 9110 §5.6.4: no quotes, backslashes, line breaks or control characters)',
  );

  const fixAll = expect('fixAll', raw.fixAll, isRecord, 'an object') ?? {};
  settings.fixAll.includeStatusChanges =
    expect('fixAll.includeStatusChanges', fixAll.includeStatusChanges, isBoolean, 'true or false') ?? false;

  const rules = expect('rules', raw.rules, isRecord, 'an object mapping rule names to severities') ?? {};
  for (const [name, value] of Object.entries(rules)) {
    const rule = readRuleSetting(value);
    if (rule) settings.rules[name.replace(/^auth-status\//, '')] = rule;
    else problems.push(`authStatus.rules.${name} must be "off", "warn", "error" or [severity, options], got ${describe(value)}; ignoring it.`);
  }
  return { settings, problems };
}

function readRuleSetting(value: unknown): RuleSetting | undefined {
  const severity = severityName(Array.isArray(value) ? value[0] : value);
  if (!severity) return undefined;
  return Array.isArray(value) ? [severity, ...value.slice(1)] : severity;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function describe(value: unknown): string {
  // JSON escapes every line break but U+2028/2029: a log message stays one line.
  const text = JSON.stringify(value)?.replace(/[\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
