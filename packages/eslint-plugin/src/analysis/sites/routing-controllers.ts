import type { SiteAdapter } from '../types';
import { throwOnlyPackageAdapter, type ErrorPackage } from './package-errors';

/**
 * routing-controllers' HTTP error classes (`src/http-error/*`, each passes its code to `HttpError`) and the errors it
 * raises itself. `AuthorizationRequiredError` is left out: it extended the 403 class before it extended the 401 one.
 */
const ROUTING_CONTROLLERS_ERRORS: ErrorPackage = {
  module: 'routing-controllers',
  statuses: {
    BadRequestError: 400,
    UnauthorizedError: 401,
    ForbiddenError: 403,
    AccessDeniedError: 403,
    NotFoundError: 404,
    MethodNotAllowedError: 405,
    NotAcceptableError: 406,
    UnprocessableEntityError: 422,
  },
  credentialClass: 'UnauthorizedError',
  permissionClass: 'ForbiddenError',
};

/** The drivers' error handler sets only `httpCode` and the route's own `@Header`s; apps often render errors themselves. */
const RENDERED_BY_DRIVER =
  "routing-controllers renders a thrown error with its `httpCode` and the route's `@Header(…)` values only: add the challenge with `@Header('WWW-Authenticate', …)` on the action or in the app's error middleware";

/**
 * routing-controllers: `throw new UnauthorizedError(msg)` / `new ForbiddenError(msg)` in controllers, middlewares and
 * checkers. A status fix swaps the class. The challenge is decided where the error is rendered, out of view, so the
 * challenge rule says nothing at the throw.
 */
export const routingControllersAdapter: SiteAdapter = throwOnlyPackageAdapter(ROUTING_CONTROLLERS_ERRORS, 'routing-controllers', RENDERED_BY_DRIVER, true);
