import { isLabelledRule, type LabelledRule } from './rules';

/** One line of a corpus file that a rule must report. Lines are 1-based, as ESLint reports them. */
export interface Expectation {
  readonly line: number;
  readonly rule: LabelledRule;
}

export interface ParsedLabels {
  readonly expectations: readonly Expectation[];
  /** Lines marked `// expect-ignore: why`: ambiguous by semantics.md, so reports there are neither right nor wrong. */
  readonly ignoredLines: ReadonlySet<number>;
  /** Unlabelled lines with a 4xx status or an auth error helper: the look-alikes that must stay silent. */
  readonly lookalikeLines: readonly number[];
}

export class LabelError extends Error {}

const EXPECT_LABEL = /\/\/\s*expect:\s*(.*)$/;
const IGNORE_LABEL = /\/\/\s*expect-ignore\s*:\s*\S.*$/;
const LABEL_LIKE = /\/\/\s*expect(?:-ignore)?\b/;
const RULE_LIST = /^[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*\s*$/;

/**
 * A 4xx status or a helper/exception that answers one. Used only to count look-alikes, never to score.
 * Numbers must stand alone (4000 or 4011 do not count).
 */
const STATUS_LIKE = new RegExp(
  [
    String.raw`(?<![\w.])4\d\d(?![\w.])`,
    String.raw`\b(?:StatusCodes|HttpStatus|httpStatus|HttpStatusCode|constants|h2)\.(?:HTTP_STATUS_)?(?:UNAUTHORIZED|FORBIDDEN|BAD_REQUEST|CONFLICT|NOT_FOUND|UNPROCESSABLE_ENTITY|LOGIN_TIMEOUT|Unauthorized|Forbidden|BadRequest)\b`,
    String.raw`\bHTTP_STATUS_(?:UNAUTHORIZED|FORBIDDEN|BAD_REQUEST)\b`,
    String.raw`\bnew\s+(?:[\w$]+\.)?(?:Unauthorized|Forbidden|BadRequest|LoginTimeout|Unauthenticated|Conflict|NotFound)(?:Exception|Error)?\b`,
    String.raw`\.(?:unauthorized|forbidden|badRequest|Unauthorized|Forbidden|BadRequest)\s*\(`,
    // Transports' own codes: tRPC and GraphQL code strings, gRPC statuses, Firebase callable errors, Apollo 3 classes.
    String.raw`\bcode\s*:\s*['"\`](?:UNAUTHORIZED|FORBIDDEN|UNAUTHENTICATED)['"\`]`,
    String.raw`\.(?:UNAUTHENTICATED|PERMISSION_DENIED)\b`,
    String.raw`\bHttpsError\s*\(\s*['"\`](?:unauthenticated|permission-denied)['"\`]`,
    String.raw`\bnew\s+AuthenticationError\b`,
  ].join('|'),
);

const TRAILING_LABEL = /\s*\/\/\s*expect(?:-ignore)?\b.*$/;

/** A line without its trailing label comment. */
export function withoutLabel(lineText: string): string {
  return lineText.replace(TRAILING_LABEL, '');
}

/** The code of a line without a trailing label comment; comment-only lines have no code. */
function codeOf(lineText: string): string {
  const trimmed = lineText.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return '';
  return withoutLabel(lineText);
}

export function isLookalikeCode(lineText: string): boolean {
  return STATUS_LIKE.test(codeOf(lineText));
}

function parseRuleList(list: string, where: string): LabelledRule[] {
  if (!RULE_LIST.test(list)) throw new LabelError(`${where}: malformed label "expect: ${list}"`);
  return list.split(',').map((name) => {
    const rule = name.trim();
    if (!isLabelledRule(rule)) throw new LabelError(`${where}: unknown rule "${rule}" in label`);
    return rule;
  });
}

/** Reads the `// expect: rule, rule` and `// expect-ignore: why` labels of one corpus file. */
export function parseLabels(source: string, fileName = '<input>'): ParsedLabels {
  const expectations: Expectation[] = [];
  const ignoredLines = new Set<number>();
  const lookalikeLines: number[] = [];

  source.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    const where = `${fileName}:${line}`;
    const expectMatch = EXPECT_LABEL.exec(text);
    if (expectMatch) {
      const rules = parseRuleList(expectMatch[1] ?? '', where);
      if (new Set(rules).size !== rules.length) throw new LabelError(`${where}: a rule is listed twice`);
      if (codeOf(text).trim() === '') throw new LabelError(`${where}: a label must follow code on the same line`);
      for (const rule of rules) expectations.push({ line, rule });
      return;
    }
    if (IGNORE_LABEL.test(text)) {
      ignoredLines.add(line);
      return;
    }
    if (LABEL_LIKE.test(text)) {
      throw new LabelError(`${where}: malformed label (use "// expect: <rule>" or "// expect-ignore: <why>")`);
    }
    if (isLookalikeCode(text)) lookalikeLines.push(line);
  });

  return { expectations, ignoredLines, lookalikeLines };
}
