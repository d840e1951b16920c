import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, initialValueOf, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { headerArguments, removeChainedHeaderSetter, statusEdit } from '../edits';
import { handleKey, headerNamesOfArguments, headerNamesOfObject } from '../handles';
import { chainedCalls, precedingCalls } from '../response-object';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { carriersOf, errorHandleOf } from './error-objects';

const BOOM_MODULES = new Set(['@hapi/boom', 'boom']);

/** @hapi/boom's 4xx helpers (`lib/index.js`). */
const BOOM_STATUSES = new Map<string, number>(Object.entries({
  badRequest: 400,
  unauthorized: 401,
  paymentRequired: 402,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  notAcceptable: 406,
  proxyAuthRequired: 407,
  clientTimeout: 408,
  conflict: 409,
  resourceGone: 410,
  lengthRequired: 411,
  preconditionFailed: 412,
  entityTooLarge: 413,
  uriTooLong: 414,
  unsupportedMediaType: 415,
  rangeNotSatisfiable: 416,
  expectationFailed: 417,
  teapot: 418,
  badData: 422,
  locked: 423,
  failedDependency: 424,
  tooEarly: 425,
  preconditionRequired: 428,
  tooManyRequests: 429,
  illegal: 451,
}));

/**
 * hapi: `Boom.unauthorized(msg, scheme, attributes)` and the other Boom helpers, `h.response(x).code(n)` (also through
 * a variable), and headers attached to a Boom error (`err.output.headers[…] = v`). `Boom.unauthorized` sends
 * `WWW-Authenticate` only when given a scheme or an array of challenges (boom `lib/index.js` unauthorized).
 */
export const hapiAdapter: SiteAdapter = {
  framework: 'hapi',
  nodeTypes: [T.CallExpression, T.AssignmentExpression],
  visit(node, context) {
    if (node.type === T.CallExpression) {
      const boom = boomHelper(context.sourceCode, node);
      if (boom) {
        context.addSite(boomSite(node, boom, context));
      } else if (node.callee.type === T.MemberExpression && propertyName(node.callee) === 'code' && node.arguments.length === 1) {
        const site = responseCodeSite(node, node.callee, context);
        if (site) context.addSite(site);
      }
    } else if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression) {
      recordOutputHeaders(node, node.left, context);
    }
  },
};

interface BoomHelper {
  method: string;
  code: number;
  /** `Boom.` for `Boom.forbidden(…)`, `` for a named import called directly. */
  namespace: string | null;
}

function isBoomModule(sourceCode: SourceCode, identifier: TSESTree.Identifier): 'namespace' | string | null {
  const binding = bindingOf(sourceCode, identifier);
  if (binding === null) return identifier.name === 'Boom' ? 'namespace' : null;
  if (binding.kind !== 'import' || !binding.module || !BOOM_MODULES.has(binding.module)) return null;
  return binding.imported === 'default' || binding.imported === '*' ? 'namespace' : (binding.imported ?? null);
}

/** `Boom.forbidden(…)` (default or namespace import, or the global `Boom`) or a named import `forbidden(…)`. */
function boomHelper(sourceCode: SourceCode, call: TSESTree.CallExpression): BoomHelper | null {
  const callee = skipWrappers(call.callee);
  if (callee.type === T.MemberExpression) {
    const object = skipWrappers(callee.object);
    const method = propertyName(callee);
    if (object.type !== T.Identifier || method === null || !BOOM_STATUSES.has(method)) return null;
    if (isBoomModule(sourceCode, object) !== 'namespace') return null;
    return { method, code: BOOM_STATUSES.get(method)!, namespace: `${sourceCode.getText(callee.object)}.` };
  }
  // A named import under its own name (`forbidden(…)`): checked only for Boom's names, as this runs for every call.
  if (callee.type !== T.Identifier || !BOOM_STATUSES.has(callee.name)) return null;
  const imported = isBoomModule(sourceCode, callee);
  if (!imported || imported === 'namespace' || !BOOM_STATUSES.has(imported)) return null;
  return { method: imported, code: BOOM_STATUSES.get(imported)!, namespace: null };
}

/** How to call the Boom helper `method` where `call` is: through the same namespace, or a named import of it. */
function boomCallee(sourceCode: SourceCode, call: TSESTree.CallExpression, helper: BoomHelper, method: string): string | null {
  if (helper.namespace !== null) return `${helper.namespace}${method}`;
  if (method === helper.method) return sourceCode.getText(call.callee);
  const variable = sourceCode.getScope(call).set.get(method) ?? findInScopes(sourceCode, call, method);
  const definition = variable?.defs[0];
  if (!definition || definition.type !== 'ImportBinding') return null;
  const declaration = definition.node.parent as TSESTree.ImportDeclaration;
  return BOOM_MODULES.has(String(declaration.source.value)) ? method : null;
}

function findInScopes(sourceCode: SourceCode, node: Node, name: string) {
  for (let scope: ReturnType<SourceCode['getScope']> | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

function isNullish(node: Node | undefined): boolean {
  if (!node) return true;
  const value = skipWrappers(node);
  return (value.type === T.Literal && value.value === null) || (value.type === T.Identifier && value.name === 'undefined');
}

function boomSite(call: TSESTree.CallExpression, helper: BoomHelper, context: AdapterContext): ResponseSite {
  const { sourceCode } = context;
  const [message, scheme] = call.arguments;
  const challenged = helper.code === 401 && !isNullish(scheme);
  const handle = errorHandleOf(sourceCode, call);
  return {
    framework: 'hapi',
    node: call.callee.type === T.MemberExpression ? call.callee.property : call.callee,
    status: { code: helper.code, node: null, form: { kind: 'literal' } },
    messages: message && message.type !== T.SpreadElement ? [message] : [],
    carriers: carriersOf(call),
    hasHeader(name) {
      if (name === 'www-authenticate' && challenged) return true;
      return handle !== null && context.headers.has(handle, name, call);
    },
    edit(fixer, edit) {
      const code = edit.status ?? helper.code;
      const method = code === 401 ? 'unauthorized' : code === 403 ? 'forbidden' : null;
      if (method === null || call.arguments.some((argument) => argument.type === T.SpreadElement)) return null;
      const callee = boomCallee(sourceCode, call, helper, method);
      if (callee === null) return null;
      const messageText = message ? sourceCode.getText(message) : null;
      // Boom.forbidden(message, data): the scheme and attributes of a 401 have no place on a 403.
      if (code === 403) return [fixer.replaceText(call, `${callee}(${messageText ?? ''})`)];
      // Another helper's second argument is its `data`, which Boom.unauthorized has no place for.
      if (helper.code !== 401 && call.arguments.length > 1) return null;
      if (challenged) return [];
      // Boom.unauthorized(message, [challenge]) sends the challenge as given (the array form).
      const challenge = edit.addHeader ? `, [${jsString(edit.addHeader.value)}]` : '';
      return [fixer.replaceText(call, `${callee}(${messageText ?? (challenge ? 'null' : '')}${challenge})`)];
    },
  };
}

/** `err.output.headers['WWW-Authenticate'] = v` / `err.output.headers = { … }` on a Boom error: recorded on `err`. */
function recordOutputHeaders(
  assignment: TSESTree.AssignmentExpression,
  target: TSESTree.MemberExpression,
  context: AdapterContext,
): void {
  let headers: Node = target;
  let names: string[];
  if (propertyName(target) === 'headers') {
    names = headerNamesOfObject(assignment.right);
  } else {
    headers = skipWrappers(target.object);
    const name = propertyName(target);
    names = [name === null ? '*' : name.toLowerCase()];
  }
  if (headers.type !== T.MemberExpression || propertyName(headers) !== 'headers') return;
  const output = skipWrappers(headers.object);
  if (output.type !== T.MemberExpression || propertyName(output) !== 'output') return;
  const handle = handleKey(context.sourceCode, output.object);
  if (handle) context.headers.record(handle, names, assignment);
}

/** Is `receiver` a hapi response: `h.response(x)…` or a variable bound to one? */
export function isHapiResponse(sourceCode: SourceCode, receiver: Node): boolean {
  if (precedingCalls(receiver).some(isToolkitResponseCall)) return true;
  const value = skipWrappers(receiver);
  if (value.type !== T.Identifier) return false;
  const init = initialValueOf(sourceCode, value);
  return !!init && precedingCalls(init).some(isToolkitResponseCall);
}

/** `h.response(…)`: the toolkit creating a response. */
function isToolkitResponseCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee as TSESTree.MemberExpression;
  return propertyName(callee) === 'response' && skipWrappers(callee.object).type === T.Identifier;
}

/** `h.response(x).code(n)`, `h.response(x).header(…).code(n)`, or `response.code(n)` on a variable bound to one. */
function responseCodeSite(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  if (!isHapiResponse(sourceCode, callee.object)) return null;
  const argument = call.arguments[0]!;
  if (argument.type === T.SpreadElement) return null;
  const status = resolveStatus(sourceCode, argument);
  if (!status) return null;
  const chain = [...precedingCalls(callee.object), ...chainedCalls(call)];
  const headerCalls = chain.filter((link) => calleeName(link) === 'header');
  const chainHeaders = headerCalls.flatMap((link) => headerNamesOfArguments(link.arguments));
  const variable = skipWrappers(callee.object);
  const handle = variable.type === T.Identifier ? handleKey(sourceCode, variable) : null;
  return {
    framework: 'hapi',
    node: argument,
    status,
    messages: chain.filter((link) => calleeName(link) === 'response').flatMap((link) => link.arguments),
    carriers: [],
    hasHeader(name) {
      if (chainHeaders.includes(name) || chainHeaders.includes('*')) return true;
      return handle !== null && context.headers.has(handle, name, call);
    },
    edit(fixer, edit) {
      const fixes = statusEdit(fixer, sourceCode, status, edit);
      if (!fixes) return null;
      if (edit.addHeader) fixes.push(fixer.insertTextAfter(call, `.header(${headerArguments(edit.addHeader)})`));
      if (edit.removeHeader) {
        for (const link of headerCalls) {
          const removal = removeChainedHeaderSetter(fixer, sourceCode, link, edit.removeHeader);
          if (removal) fixes.push(removal);
        }
      }
      return fixes;
    },
  };
}
