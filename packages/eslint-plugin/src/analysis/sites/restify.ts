import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { enclosingFunction, type Node } from '../ast';
import { headerArguments, insertBeforeStatement } from '../edits';
import { handleKey } from '../handles';
import { isResponseName } from '../response-object';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { packageErrorSite, packageErrorUse, type ErrorPackage, type PackageErrorUse } from './package-errors';

/** restify-errors' 4xx classes (`lib/httpErrors.js` from node's status names, `lib/restErrors.js` its own codes). */
const RESTIFY_STATUSES: Readonly<Record<string, number>> = {
  BadRequestError: 400,
  BadDigestError: 400,
  InvalidContentError: 400,
  InvalidHeaderError: 400,
  InvalidVersionError: 400,
  RequestExpiredError: 400,
  UnauthorizedError: 401,
  InvalidCredentialsError: 401,
  PaymentRequiredError: 402,
  ForbiddenError: 403,
  NotAuthorizedError: 403,
  NotFoundError: 404,
  ResourceNotFoundError: 404,
  MethodNotAllowedError: 405,
  BadMethodError: 405,
  NotAcceptableError: 406,
  WrongAcceptError: 406,
  ProxyAuthenticationRequiredError: 407,
  ConflictError: 409,
  InvalidArgumentError: 409,
  MissingParameterError: 409,
  PreconditionFailedError: 412,
  UnprocessableEntityError: 422,
  TooManyRequestsError: 429,
  RequestThrottledError: 429,
};

const RESTIFY_ERRORS: ErrorPackage = { module: 'restify-errors', statuses: RESTIFY_STATUSES, credentialClass: 'UnauthorizedError', permissionClass: 'ForbiddenError' };
/** restify before 5 exported the same classes itself: `new restify.NotAuthorizedError()`. */
const LEGACY_RESTIFY: ErrorPackage = { ...RESTIFY_ERRORS, module: 'restify' };

/**
 * restify-errors: `next(new errors.NotAuthorizedError(msg))`, `res.send(new InvalidCredentialsError())`, `throw`.
 * restify answers with the error's `statusCode` and JSON body and copies none of its properties to headers, but
 * keeps headers set on `res` before, so the challenge fix is `res.header(name, value)` before the statement.
 */
export const restifyAdapter: SiteAdapter = {
  framework: 'restify',
  nodeTypes: [T.NewExpression],
  mentions: /restify/,
  visit(node, context) {
    if (node.type !== T.NewExpression) return;
    const use = packageErrorUse(context.sourceCode, node, RESTIFY_ERRORS) ?? packageErrorUse(context.sourceCode, node, LEGACY_RESTIFY);
    if (use) context.addSite(errorSite(node, use, context));
  },
};

/** The response parameter of the handler the error is created in (`(req, res, next) => …`). */
function handlerResponse(node: Node): TSESTree.Identifier | null {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const response = fn.params.find((param): param is TSESTree.Identifier => param.type === T.Identifier && isResponseName(param));
    if (response) return response;
  }
  return null;
}

function errorSite(call: TSESTree.NewExpression, use: PackageErrorUse, context: AdapterContext): ResponseSite {
  const { sourceCode } = context;
  const response = handlerResponse(call);
  const handle = response ? handleKey(sourceCode, response) : null;
  return packageErrorSite(call, use, {
    framework: 'restify',
    hasHeader: (header) => handle !== null && context.headers.has(handle, header, call),
    add(fixer, header) {
      const inserted = response && insertBeforeStatement(fixer, sourceCode, call, `${response.name}.header(${headerArguments(header)});`);
      return inserted ? [inserted].flat() : null;
    },
  });
}
