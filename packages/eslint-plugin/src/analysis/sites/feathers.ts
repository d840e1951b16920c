import type { SiteAdapter } from '../types';
import { throwOnlyPackageAdapter, type ErrorPackage } from './package-errors';

/** `@feathersjs/errors` classes that answer a 4xx the rules judge (`lib/index.js`: each passes its code to FeathersError). */
const FEATHERS_ERRORS: ErrorPackage = {
  module: '@feathersjs/errors',
  statuses: {
    BadRequest: 400,
    NotAuthenticated: 401,
    PaymentError: 402,
    Forbidden: 403,
    NotFound: 404,
    MethodNotAllowed: 405,
    NotAcceptable: 406,
    Conflict: 409,
    Unprocessable: 422,
    TooManyRequests: 429,
  },
  credentialClass: 'NotAuthenticated',
  permissionClass: 'Forbidden',
};

/**
 * Feathers' REST transports (`@feathersjs/koa` and `@feathersjs/express` `errorHandler`) answer a thrown error with
 * its `code` and JSON body only: `context.http.headers` reach the response on success alone.
 */
const NO_ERROR_HEADERS =
  "Feathers' REST error handler sends a thrown error's code and body but no headers, and `context.http.headers` apply only to successful calls: add the challenge to 401 answers in the app's Koa or Express error middleware";

/**
 * FeathersJS: `throw new NotAuthenticated(msg)` / `new errors.Forbidden(msg)` in hooks and services. A status fix
 * swaps the class; no challenge can be attached from the hook, so challenge fixes are not offered.
 */
export const feathersAdapter: SiteAdapter = throwOnlyPackageAdapter(FEATHERS_ERRORS, 'feathers', NO_ERROR_HEADERS);
