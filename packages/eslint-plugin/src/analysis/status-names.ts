/**
 * Status names as the constant objects spell them (http-status-codes `StatusCodes`, http-status, NestJS
 * `HttpStatus`, node:http2 `HTTP_STATUS_*`, axios `HttpStatusCode`, http-errors classes), in UPPER_SNAKE form.
 */
const NAMES: Record<string, number> = {
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NO_CONTENT: 204,
  MOVED_PERMANENTLY: 301,
  FOUND: 302,
  MOVED_TEMPORARILY: 302,
  SEE_OTHER: 303,
  NOT_MODIFIED: 304,
  TEMPORARY_REDIRECT: 307,
  PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  UNAUTHORISED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  PROXY_AUTHENTICATION_REQUIRED: 407,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  GONE: 410,
  LENGTH_REQUIRED: 411,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  REQUEST_TOO_LONG: 413,
  REQUEST_ENTITY_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  REQUEST_URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  REQUESTED_RANGE_NOT_SATISFIABLE: 416,
  EXPECTATION_FAILED: 417,
  IM_A_TEAPOT: 418,
  I_AM_A_TEAPOT: 418,
  INSUFFICIENT_SPACE_ON_RESOURCE: 419,
  METHOD_FAILURE: 420,
  MISDIRECTED_REQUEST: 421,
  UNPROCESSABLE_ENTITY: 422,
  UNPROCESSABLE_CONTENT: 422,
  LOCKED: 423,
  FAILED_DEPENDENCY: 424,
  TOO_EARLY: 425,
  UPGRADE_REQUIRED: 426,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  LOGIN_TIMEOUT: 440,
  UNAVAILABLE_FOR_LEGAL_REASONS: 451,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

const PREFERRED_NAME = new Map<number, string>();
for (const [name, code] of Object.entries(NAMES)) {
  if (!PREFERRED_NAME.has(code)) PREFERRED_NAME.set(code, name);
}

/** `Forbidden`, `FORBIDDEN`, `HTTP_STATUS_FORBIDDEN`, `BadRequest` → the code, or undefined. */
export function statusFromName(name: string): number | undefined {
  const stripped = name.replace(/^HTTP_STATUS_/, '');
  const snake = stripped.includes('_') || stripped === stripped.toUpperCase()
    ? stripped.toUpperCase()
    : stripped.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  return NAMES[snake];
}

export type NameStyle = 'UPPER_SNAKE' | 'PascalCase' | 'HTTP_STATUS_';

export function nameStyle(name: string): NameStyle {
  if (name.startsWith('HTTP_STATUS_')) return 'HTTP_STATUS_';
  return name === name.toUpperCase() ? 'UPPER_SNAKE' : 'PascalCase';
}

/** The name of a code in the style of an existing name (`FORBIDDEN` → `UNAUTHORIZED`, `Forbidden` → `Unauthorized`). */
export function statusName(code: number, style: NameStyle): string | undefined {
  const snake = PREFERRED_NAME.get(code);
  if (!snake) return undefined;
  if (style === 'HTTP_STATUS_') return `HTTP_STATUS_${snake}`;
  if (style === 'UPPER_SNAKE') return snake;
  return snake
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
