import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;
const API_ERROR = 'ApiError carries only a status, so add the challenge in the error handler that renders it and list ApiError in the challengers option';

ruleTester.run('custom errors: require-401-for-credential-failure', credential, {
  valid: [
    // Judged by name and message: authorization errors are right with 403.
    `export class PermissionError extends Error { constructor() { super('Not allowed to do this'); this.statusCode = 403; } }`,
    `export class ForbiddenError extends AppError { constructor(message = 'Forbidden') { super(message, 403); } }`,
    `export class ValidationError extends Error { status = 400; }`,
    // A one-time token's error (refresh tokens are not request authentication).
    `export class RefreshTokenExpiredError extends Error { status = 403; }`,
    // A status that is not fixed by the class.
    `export class ApiError extends Error { constructor(statusCode, message) { super(message); this.statusCode = statusCode; } }`,
    // Call sites: authorization, other statuses, and errors that carry no status.
    // A passport verify callback's rights check, after the identity is known.
    `import httpStatus from 'http-status';
import ApiError from '../utils/ApiError';
const afterJwt = (req, done, fail, needed) => async (error, account) => {
  req.account = account;
  const granted = permissionsByRole[account.role] ?? [];
  const missing = needed.filter((permission) => !granted.includes(permission));
  if (missing.length > 0 && req.params.accountId !== account.id) {
    return fail(new ApiError(httpStatus.FORBIDDEN, 'Forbidden'));
  }
  done();
};`,
    `function find(req) { if (!req.headers.authorization) throw new AppError('Not found', 404); }`,
    `import { TokenExpiredError } from 'jsonwebtoken';
function a(token) { if (!token) throw new TokenExpiredError('jwt expired', new Date()); }`,
    `function a(req) { if (!req.user.isAdmin) throw ApiError.forbidden('Admins only'); }`,
    // Client code turning a received response into an error: the status is read, not chosen.
    `export async function apiFetch(input) {
  const response = await fetch(input, { headers: { Authorization: 'Bearer ' + getToken() } });
  if (response.status === 403 && !getToken()) throw new HttpError(403, 'Session ended');
  switch (response.status) {
    case 403: if (!getToken()) throw ApiError.forbidden('Token missing');
  }
}`,
    // Framework exceptions are their adapters' business (an HttpException not imported from @nestjs/common is unknown).
    `function a(req) { if (!req.headers.authorization) throw new HttpException('No token', 403); }`,
  ],
  invalid: [
    {
      // TokenExpiredError with 403: the name and the default message say expired; the fix also adds the challenge.
      code: `export class TokenExpiredError extends Error {
  constructor(message = 'Token expired') {
    super(message);
    this.status = 403;
  }
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 4,
          column: 19,
          data: { status: '403', problem: 'an expired credential', evidence: "TokenExpiredError, 'Token expired'" },
          suggestions: [
            {
              messageId: 'respond401',
              output: `export class TokenExpiredError extends Error {
  headers = { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' };
  constructor(message = 'Token expired') {
    super(message);
    this.status = 401;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // The name alone is decisive.
      code: `export class TokenExpiredError extends Error { statusCode = 403; }`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `export class TokenExpiredError extends Error { headers = { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' }; statusCode = 401; }`,
            },
          ],
        },
      ],
    },
    {
      // A status passed to a project base class.
      code: `export class InvalidTokenException extends AppException {
  constructor() {
    super('Invalid token', 400);
  }
}`,
      errors: [
        {
          messageId: 'wrongStatus',
          data: { status: '400', problem: 'an invalid credential', evidence: "InvalidTokenException, 'Invalid token'" },
          suggestions: [
            {
              messageId: 'respond401',
              output: `export class InvalidTokenException extends AppException {
  headers = { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' };
  constructor() {
    super('Invalid token', 401);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // new ApiError(httpStatus.X, msg): the error is rendered elsewhere, so no suggestion; the message says where.
      code: `import httpStatus from 'http-status';
import ApiError from '../utils/ApiError';
const auth = (req, res, next) => {
  const token = req.headers.authorization;
  if (!token) return next(new ApiError(httpStatus.FORBIDDEN, 'Please authenticate'));
  next();
};`,
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 5,
          column: 40,
          data: { status: '403', problem: 'a missing credential', evidence: '!token', limitation: API_ERROR },
          suggestions: [],
        },
      ],
    },
    {
      // devcamper's ErrorResponse(message, status), and a static factory named for the status.
      code: `const protect = async (req, res, next) => {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return next(new ErrorResponse('Not authorized to access this route', 403));
  if (!verifyToken(token)) throw ApiError.forbidden('Invalid token');
};`,
      errors: [
        { messageId: 'wrongStatusHeaderless', line: 3, column: 84, data: { status: '403', problem: 'a missing credential', evidence: '!token', limitation: 'ErrorResponse carries only a status, so add the challenge in the error handler that renders it and list ErrorResponse in the challengers option' }, suggestions: [] },
        { messageId: 'wrongStatusHeaderless', line: 4, column: 43, suggestions: [] },
      ],
    },
  ],
});

ruleTester.run('custom errors: require-www-authenticate', challenge, {
  valid: [
    `export class AuthError extends Error { status = 401; headers = { 'WWW-Authenticate': ${BEARER} }; }`,
    `export class AuthError extends Error { constructor() { super('Login'); this.status = 401; this.headers = { 'WWW-Authenticate': ${BEARER} }; } }`,
    { code: `function a(req, res, next) { next(new ApiError(401, 'Please authenticate')); }`, options: [{ challengers: ['ApiError'] }] },
    { code: `function a(req, res, next) { next(new ApiError(401, 'Please authenticate')); }`, options: [{ challengers: ['next'] }] },
    // A project error thrown or passed on: the error handler that renders it, out of view, decides the challenge.
    `import httpStatus from 'http-status';
function auth(req, res, next) { if (!req.headers.authorization) return next(new ApiError(httpStatus.UNAUTHORIZED, 'Please authenticate')); }`,
    `function refresh(req) { if (!req.cookies.token) throw ApiError.UnauthorizedError(); }`,
    // A 401 for a permission denial is require-403-for-permission-denial's report.
    `export class PermissionError extends Error { status = 401; constructor() { super('Permission denied'); } }`,
    `export class NotOwnerException extends AppException { constructor() { super('You do not own this resource', 401); } }`,
    // The challenge handed to the base class, which keeps it in \`headers\`.
    `export class UnauthorizedError extends HttpError { constructor(message = 'Unauthorized') { super(401, message, { 'WWW-Authenticate': ${BEARER} }); } }`,
    `export class UnauthorizedError extends HttpError { constructor() { super({ status: 401, headers: { 'WWW-Authenticate': ${BEARER} } }); } }`,
  ],
  invalid: withSuggestedFix([
    {
      code: `export class UnauthorizedError extends Error {
  constructor(message) {
    super(message);
    this.status = 401;
  }
}`,
      output: `export class UnauthorizedError extends Error {
  headers = { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' };
  constructor(message) {
    super(message);
    this.status = 401;
  }
}`,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
  ]),
});

jsRuleTester.run('custom errors: plain JavaScript (espree)', credential, {
  valid: [],
  invalid: [
    {
      code: `class SessionExpiredError extends Error { constructor() { super('Session expired'); this.statusCode = 440; } }`,
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: `class SessionExpiredError extends Error { headers = { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' }; constructor() { super('Session expired'); this.statusCode = 401; } }`,
            },
          ],
        },
      ],
    },
  ],
});

/** A restify middleware throwing an error class of a package that takes its status among its options. */
const OPTIONS_ERROR = (check: string, status: number, message: string) => `import { GenericError } from '@scaffold/custom-errors';
export const requireToken = (req, res, next) => {
  ${check}
    return next(new GenericError({ name: 'Refused', message: '${message}', statusCode: ${status} }));
  return next();
};`;

ruleTester.run('custom errors: a status among the error options', credential, {
  valid: [
    // A 403 for a missing scope is right.
    OPTIONS_ERROR("if (!req.user.scopes.includes('orders'))", 403, 'orders scope required'),
    // A 400 for a body that fails its schema is right.
    OPTIONS_ERROR('if (!isValidOrder(req.body))', 400, 'invalid order'),
  ],
  invalid: [
    {
      code: OPTIONS_ERROR("if (req.headers['x-access-token'] == null)", 403, 'X-Access-Token header required'),
      // The challenge belongs where the error is rendered: no edit here can add it, so none is offered.
      errors: [{ messageId: 'wrongStatusHeaderless', line: 4 }],
    },
  ],
});
