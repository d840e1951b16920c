import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { headerProperty } from '../edits';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { assignedHeaderNames, errorHandleOf } from './error-objects';
import { packageErrorSite, packageErrorUse, type ErrorPackage, type PackageErrorUse } from './package-errors';

/** egg-errors' HTTP classes (`lib/http/4xx.js`) and their `E4xx` aliases, each with the status it sets. */
const EGG_STATUSES: Readonly<Record<string, number>> = {
  BadRequestError: 400,
  E400: 400,
  UnauthorizedError: 401,
  E401: 401,
  PaymentRequiredError: 402,
  E402: 402,
  ForbiddenError: 403,
  E403: 403,
  NotFoundError: 404,
  E404: 404,
  MethodNotAllowedError: 405,
  NotAcceptableError: 406,
  ProxyAuthenticationRequiredError: 407,
  E407: 407,
  ConflictError: 409,
  E409: 409,
  PreconditionFailedError: 412,
  UnprocessableEntityError: 422,
  E422: 422,
  TooManyRequestsError: 429,
  E429: 429,
};

const EGG_ERRORS: ErrorPackage = { module: 'egg-errors', statuses: EGG_STATUSES, credentialClass: 'UnauthorizedError', permissionClass: 'ForbiddenError' };

/**
 * egg-errors: `throw new UnauthorizedError(msg)` / `new errors.ForbiddenError(msg)` in Egg controllers, services and
 * middleware. The classes take only a message but keep a `headers` property, which Egg's onerror (koa-onerror) and
 * Koa's own error handler set on the response: the challenge fix attaches it with `Object.assign`. `ctx.throw`,
 * `this.ctx.status` and `ctx.body` are Koa's and belong to koa.ts.
 */
export const eggAdapter: SiteAdapter = {
  framework: 'egg',
  nodeTypes: [T.NewExpression],
  mentions: /egg-errors/,
  visit(node, context) {
    if (node.type !== T.NewExpression) return;
    const use = packageErrorUse(context.sourceCode, node, EGG_ERRORS);
    if (use) context.addSite(errorSite(node, use, context));
  },
};

function errorSite(call: TSESTree.NewExpression, use: PackageErrorUse, context: AdapterContext): ResponseSite {
  const handle = errorHandleOf(context.sourceCode, call);
  const ownHeaders = assignedHeaderNames(call);
  return packageErrorSite(call, use, {
    framework: 'egg',
    hasHeader: (header) => ownHeaders.includes(header) || ownHeaders.includes('*') || (handle !== null && context.headers.has(handle, header, call)),
    add: (fixer, header) => [fixer.insertTextBefore(call, 'Object.assign('), fixer.insertTextAfter(call, `, { headers: { ${headerProperty(header)} } })`)],
  });
}
