import { CodeScanner } from './code-scanner';

/**
 * A 4xx status (or 999) as digits, and every other signal (`STATUS_WORDS`). They are searched apart: V8 searches a
 * text for each in about half the time it takes for their union.
 */
const STATUS_NUMBER = /\b(?:4\d\d|999)\b/;
const STATUS_WORDS =
  /\bUNAUTHORI[SZ]ED\b|\bFORBIDDEN\b|(?<![A-Za-z])(?:Unauthori[sz]ed|Forbidden|BadRequest)(?:Error|Exception)?(?![A-Za-z])|\bBAD_REQUEST\b|['"`]Bad Request['"`]|HTTP_STATUS_|StatusCodes?\b|HttpStatus|httpStatus|(?:HttpErrors|httpErrors|createError|createHttpError)\s*(?:\.\s*[A-Z]|\[)|http-errors|(?:Http|Unauthorized|Forbidden|BadRequest|LoginTimeout|MethodNotAllowed|NotAcceptable|RequestTimeout|Conflict|Gone|PreconditionFailed|PayloadTooLarge|UnsupportedMediaType|ImATeapot|Misdirected|UnprocessableEntity)Exception|Boom\b|HTTPException|canActivate|AuthGuard|\bUNAUTHENTICATED\b|\bPERMISSION_DENIED\b|\bINVALID_ARGUMENT\b|\bFAILED_PRECONDITION\b|\bTRPCError\b|\bHttpsError\b|\bAuthenticationError\b|\bNotAuthenticated\b|\b(?:NotAuthorized|InvalidCredentials)Error\b|['"]Deny['"]|restify-errors|egg-errors|\bpolicyContext\b|@feathersjs\/errors|\brestify\b|\.(?:unauthorized|forbidden|badRequest|expired)\s*\(|\bresponse\s*\.\s*abort(?:If|Unless)?\s*\(|@hapi\/boom|['"]boom['"]|getHttpError|\.(?:paymentRequired|notAcceptable|proxyAuth\w*|requestTimeout|conflict|gone|preconditionFailed|unprocessableEntity|imATeapot|locked|failedDependency|tooEarly|upgradeRequired|preconditionRequired)\s*\(/;
export const SIGNAL_PATTERNS: readonly RegExp[] = [STATUS_NUMBER, STATUS_WORDS];

/**
 * Text that every file with a response site contains: a 4xx status (or 999) as digits, a status constant
 * name, an http-errors class (`createError.Conflict`), a NestJS 4xx exception, a Boom or sensible helper, a transport's
 * own code (gRPC `UNAUTHENTICATED`/`PERMISSION_DENIED`/`INVALID_ARGUMENT`, `TRPCError`, Firebase `HttpsError`, Apollo's
 * `AuthenticationError`), Feathers' `NotAuthenticated`, restify's `NotAuthorizedError`/`InvalidCredentialsError`, or
 * the name of a package whose error classes are statuses (restify-errors, egg-errors, @feathersjs/errors), a Lambda
 * authorizer's `'Deny'`, a Strapi policy's `policyContext`. (And, in a file that speaks of a password or a login,
 * a 500: `hasSignalText`.)
 * A file without any of these cannot produce a report, so neither the engine nor the CLI needs to look further. Keep it a superset of what the adapters recognise.
 */
export const MAY_CONTAIN_FINDING = new RegExp(SIGNAL_PATTERNS.map((pattern) => pattern.source).join('|'));

/** A login's 500 (the one 5xx the rules judge), looked for only where a password or a login is spoken of. */
const LOGIN_TEXT = /password|passwd|log_?in|sign_?in/i;
const SERVER_ERROR_TEXT = /\b500\b|\.internalServerError\s*\(|\bInternalServerError/;

/** The cheap first stage, a text search: whether the text holds any signal of a finding at all. */
export function hasSignalText(text: string): boolean {
  return SIGNAL_PATTERNS.some((pattern) => pattern.test(text)) || (SERVER_ERROR_TEXT.test(text) && LOGIN_TEXT.test(text));
}

const SIGNALS = SIGNAL_PATTERNS.map((pattern) => new RegExp(pattern.source, 'g'));
const SERVER_ERROR_SIGNALS = [new RegExp(SERVER_ERROR_TEXT.source, 'g')];
const SERVER_ERROR_DIGITS = /^500$/;
const STATUS_DIGITS = /^(?:4\d\d|999)$/;

/**
 * Whether a file may produce a finding. Cheap first: the text must contain a signal at all. Then each signal
 * must stand where a status can: outside comments, and a number must be an operand a status can be (an
 * argument, a property value, an assignment, a comparison, a `case`), not arithmetic (`year % 400`), prose in a
 * string, part of a regular expression or a row of a data table (`[389, 397, 401, 409]`).
 */
export function mayContainFinding(text: string): boolean {
  // Lexes lazily, only up to the signals it is asked about: a text without any costs one regular expression search.
  const scanner = new CodeScanner(text);
  if (hasSignal(scanner, SIGNALS, STATUS_DIGITS)) return true;
  return LOGIN_TEXT.test(text) && hasSignal(scanner, SERVER_ERROR_SIGNALS, SERVER_ERROR_DIGITS);
}

/** Whether a match of `signals` stands where a status can (`digits`: the matches that are a bare number). */
function hasSignal(scanner: CodeScanner, signals: readonly RegExp[], digits: RegExp): boolean {
  const { text } = scanner;
  for (const match of matchesInOrder(text, signals)) {
    const { region, start } = scanner.regionAt(match.index);
    if (region === 'comment') continue;
    if (!digits.test(match[0])) return true;
    const end = match.index + match[0].length;
    if (region === 'code' && isStatusOperand(scanner, match.index, end)) return true;
    // `'401'`, `` `401` ``: a string or template that holds the status and nothing else, standing where a status can.
    const wholeString = (region === 'string' || region === 'template') && start === match.index - 1 && text[end] === text[start];
    if (wholeString && isStatusOperand(scanner, start, end + 1)) return true;
  }
  return false;
}

/** The matches of global `patterns` (none overlapping another's) in the order they stand in `text`: the scanner only reads forward. */
function* matchesInOrder(text: string, patterns: readonly RegExp[]): Generator<RegExpExecArray> {
  const next = patterns.map((pattern) => {
    pattern.lastIndex = 0;
    return pattern.exec(text);
  });
  for (;;) {
    let first = -1;
    for (let index = 0; index < next.length; index++) {
      if (next[index] && (first === -1 || next[index]!.index < next[first]!.index)) first = index;
    }
    if (first === -1) return;
    yield next[first]!;
    next[first] = patterns[first]!.exec(text);
  }
}

/** Operators that make a number arithmetic, bitwise or an ordering, never a status of its own. */
const ARITHMETIC = new Set('+-*/%<>&|^~!.'.split(''));
/** Words a status may follow (`return 401`, `case 401:`) or precede on its line (`401 as const`). */
const WORDS_BEFORE = new Set(['return', 'case', 'yield', 'await']);
const WORDS_AFTER = new Set(['as', 'satisfies']);

function isStatusOperand(scanner: CodeScanner, start: number, end: number): boolean {
  const { text } = scanner;
  const before = scanner.previousCodeChar(start);
  const charBefore = before < 0 ? '' : text[before]!;
  const next = scanner.nextCodeChar(end);
  const charAfter = text[next.index] ?? '';
  if (!operandFollows(scanner, charBefore, before) || !operandPrecedes(scanner, charAfter, next)) return false;
  // `{ 401: schema }`: a key of a map or a type, not a status being sent.
  if (charAfter === ':' && (charBefore === '{' || charBefore === ',')) return false;
  return !isTableRow(scanner, before, charBefore, next.index, charAfter);
}

/** What stands before the number lets it be an operand of its own. */
function operandFollows(scanner: CodeScanner, char: string, at: number): boolean {
  const { text } = scanner;
  if (char === '') return true;
  if (/[\w$]/.test(char)) return WORDS_BEFORE.has(scanner.wordEndingAt(at + 1));
  if (char === '=') return text[at - 1] !== '<' && text[at - 1] !== '>';
  if (char === '|' || char === '&') return text[at - 1] === char;
  if (char === '>') return text[at - 1] === '='; // `() => 401`
  return '(,[:?{'.includes(char);
}

/** What stands after the number ends the operand (`)`, `,`, `;`, `===`, a new line …), not arithmetic on it. */
function operandPrecedes(scanner: CodeScanner, char: string, next: { index: number; newline: boolean }): boolean {
  const { text } = scanner;
  if (char === '' || next.newline) return true;
  if (/[\w$]/.test(char)) return WORDS_AFTER.has(scanner.wordStartingAt(next.index));
  if (char === '=') return text[next.index + 1] === '=';
  if (char === '!') return text[next.index + 1] === '=';
  if (char === '|' || char === '&') return text[next.index + 1] === char;
  if (ARITHMETIC.has(char)) return false;
  return '),;:]}?'.includes(char);
}

/** Elements of a list looked at on each side of a status, to tell a status list from a data table. */
const LIST_REACH = 16;

/**
 * A number in a list that also holds a number no status could be: a row of a lookup table
 * (`[389, 397, 401, 409]`, `['398', '400', '404']`), or a port choice (`secure ? 443 : 80`).
 */
function isTableRow(scanner: CodeScanner, before: number, charBefore: string, after: number, charAfter: string): boolean {
  let separator = before;
  let separatorChar = charBefore;
  for (let step = 0; step < LIST_REACH && (separatorChar === ',' || (step === 0 && (separatorChar === '?' || separatorChar === ':'))); step++) {
    const neighbourEnd = scanner.previousCodeChar(separator);
    if (neighbourEnd < 0) break;
    const literal = literalEndingAt(scanner, neighbourEnd);
    if (isUnregisteredNumber(literal)) return true;
    if (!/^\d+$/.test(literal)) break;
    separator = scanner.previousCodeChar(neighbourEnd - (scanner.text[neighbourEnd] === '"' || scanner.text[neighbourEnd] === "'" ? literal.length + 1 : literal.length - 1));
    separatorChar = separator < 0 ? '' : scanner.text[separator]!;
  }
  let next = after;
  let nextChar = charAfter;
  for (let step = 0; step < LIST_REACH && (nextChar === ',' || (step === 0 && nextChar === ':')); step++) {
    const neighbourStart = scanner.nextCodeChar(next + 1).index;
    const literal = literalStartingAt(scanner, neighbourStart);
    if (isUnregisteredNumber(literal)) return true;
    if (!/^\d+$/.test(literal)) break;
    const quoted = scanner.text[neighbourStart] === '"' || scanner.text[neighbourStart] === "'";
    next = scanner.nextCodeChar(neighbourStart + literal.length + (quoted ? 2 : 0)).index;
    nextChar = scanner.text[next] ?? '';
  }
  return false;
}

/** The number or the content of the string literal whose last character is at `last`. */
function literalEndingAt(scanner: CodeScanner, last: number): string {
  const quote = scanner.text[last]!;
  if (quote !== "'" && quote !== '"') return scanner.wordEndingAt(last + 1);
  const open = scanner.text.lastIndexOf(quote, last - 1);
  return open === -1 ? '' : scanner.text.slice(open + 1, last);
}

function literalStartingAt(scanner: CodeScanner, first: number): string {
  const quote = scanner.text[first];
  if (quote !== "'" && quote !== '"') return scanner.wordStartingAt(first);
  const close = scanner.text.indexOf(quote, first + 1);
  return close === -1 ? '' : scanner.text.slice(first + 1, close);
}

/** Registered HTTP statuses (RFC 9110 and the IANA registry) and the made-up ones servers really send. */
const KNOWN_STATUS = /^(?:10[0-3]|20[0-8]|226|30[0-8]|4(?:0\d|1\d|2\d|3[01]|40|44|49|5[01]|60|63|9[4-9])|50\d|51[01]|999)$/;

function isUnregisteredNumber(word: string): boolean {
  return /^\d+$/.test(word) && !KNOWN_STATUS.test(word);
}
