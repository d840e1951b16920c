import type { CorpusFile } from './corpus';
import { withoutLabel } from './labels';
import type { Finding } from './lint';
import type { LabelledRule } from './rules';

/**
 * What a careful grep user would do: find 4xx statuses on a line and look at the words around it.
 * Kept deliberately plain (regular expressions over lines, a few lines of context) so the eval shows what the
 * engine's evidence adds.
 */

const CONTEXT_LINES = 3;

const NAMED_STATUS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bunauthorized\b|\bUnauthorized(?:Exception|Error)?\b|UNAUTHORIZED/i, 401],
  [/\bforbidden\b|\bForbidden(?:Exception|Error)?\b|FORBIDDEN/i, 403],
  [/\bbad_?request\b|\bBadRequest(?:Exception|Error)?\b|BAD_REQUEST/i, 400],
  [/\bLoginTimeout|LOGIN_TIMEOUT/, 440],
];

const STATUS_NUMBER = /(?<![\w.])(4\d\d)(?![\w.])/g;

/** Statuses a line names: numbers 400–499 and the usual constant or helper names. Comment lines name none. */
export function statusesOnLine(text: string): number[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return [];
  const code = text.replace(/\/\/.*$/, '');
  const numbers = [...code.matchAll(STATUS_NUMBER)].map((match) => Number(match[1]));
  const named = NAMED_STATUS.filter(([pattern]) => pattern.test(code)).map(([, status]) => status);
  return [...new Set([...numbers, ...named])];
}

const CREDENTIAL_WORDS = /token|jwt|auth|session|credential|api[-_ ]?key|log(?:ged)?[- ]?in|password|bearer/i;
const PERMISSION_WORDS = /role|admin|permission|owner|isAdmin|banned|suspend|scope|not allowed|forbidden|privilege/i;
const REFRESH_WORDS = /refresh/i;

const WRONG_CREDENTIAL_STATUSES = new Set([400, 402, 403, 405, 409, 419, 422, 440, 498, 499]);
const REFRESH_TRIGGER_STATUSES = new Set([400, 403, 419, 440, 498, 499]);

function near(lines: readonly string[], index: number, words: RegExp, radius = CONTEXT_LINES): boolean {
  return lines.slice(Math.max(0, index - radius), index + radius + 1).some((line) => words.test(line));
}

/** `text` is the file without its labels: a grep user has no labels to read. */
type LineRule = (status: number, lines: readonly string[], index: number, text: string) => boolean;

const BASELINE_RULES: Record<LabelledRule, LineRule> = {
  'require-401-for-credential-failure': (status, lines, index) =>
    WRONG_CREDENTIAL_STATUSES.has(status) && near(lines, index, CREDENTIAL_WORDS),
  'require-www-authenticate': (status, _lines, _index, text) =>
    (status === 401 && !/www-authenticate/i.test(text)) || (status === 407 && !/proxy-authenticate/i.test(text)),
  'require-403-for-permission-denial': (status, lines, index) => status === 401 && near(lines, index, PERMISSION_WORDS),
  'refresh-token-on-401': (status, lines, index) =>
    REFRESH_TRIGGER_STATUSES.has(status) && near(lines, index, REFRESH_WORDS, 5),
};

/** The baseline's reports for the given rules over the given files. */
export function baselineFindings(files: readonly CorpusFile[], rules: readonly LabelledRule[]): Finding[] {
  return files.flatMap((file) => {
    const lines = file.text.split(/\r?\n/).map(withoutLabel);
    const text = lines.join('\n');
    return lines.flatMap((line, index) =>
      statusesOnLine(line).flatMap((status) =>
        rules
          .filter((rule) => BASELINE_RULES[rule](status, lines, index, text))
          .map((rule) => ({ file: file.name, line: index + 1, rule })),
      ),
    );
  });
}
