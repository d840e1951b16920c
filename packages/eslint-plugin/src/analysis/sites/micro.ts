import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, enclosingFunction, keyName, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { addToObjectLiteral, combineParts, statusEdit } from '../edits';
import { handleKey, type HandleKey } from '../handles';
import { isResponseName } from '../response-object';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite, RuleFix, SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { insertBeforeStatement } from './statement-edits';

const MICRO = 'micro';
/** micro-boom: `createError(status, message, data)` makes a Boom error; its `handleErrors` sends `data.challenge` as the challenge. */
const MICRO_BOOM = 'micro-boom';

/**
 * micro (vercel/micro): a handler returns its body or throws `createError(status, message, original)`, which micro
 * sends with that status and nothing else: the error carries no headers. `send(res, status, data)` sends at once.
 * Either way a header must be on `res` before (`res.setHeader(…)`), so the fix sets it there when the handler's
 * `res` is in reach; a `createError` in a helper of its own can only be told how.
 */
export const microAdapter: SiteAdapter = {
  framework: 'micro',
  nodeTypes: [T.CallExpression],
  mentions: /['"`]micro(?:-boom)?['"`]/,
  visit(node, context) {
    if (node.type !== T.CallExpression) return;
    const found = microFunction(context.sourceCode, node.callee);
    const site =
      found?.module === MICRO_BOOM
        ? found.name === 'createError' ? boomErrorSite(node, context) : null
        : found?.name === 'createError' ? errorSite(node, context) : found?.name === 'send' ? sendSite(node, context) : null;
    if (site) context.addSite(site);
  },
};

/** `createError` / `send` imported from micro or micro-boom (named, or as members of its module object). */
function microFunction(sourceCode: SourceCode, callee: Node): { module: string; name: string } | null {
  const target = skipWrappers(callee);
  const isMicro = (module: string | undefined): module is string => module === MICRO || module === MICRO_BOOM;
  if (target.type === T.Identifier) {
    const binding = bindingOf(sourceCode, target);
    return binding?.kind === 'import' && isMicro(binding.module) && binding.imported ? { module: binding.module, name: binding.imported } : null;
  }
  if (target.type !== T.MemberExpression) return null;
  const object = skipWrappers(target.object);
  const name = propertyName(target);
  // The cheap question first: no other member of the module makes a site.
  if (object.type !== T.Identifier || (name !== 'createError' && name !== 'send')) return null;
  const binding = bindingOf(sourceCode, object);
  const isModule = binding?.kind === 'import' && isMicro(binding.module) && (binding.imported === 'default' || binding.imported === '*');
  return isModule && name ? { module: binding.module!, name } : null;
}

/**
 * micro-boom's `createError(401, msg, data)`: its `handleErrors` answers with `data.challenge` as the challenge, so the
 * fix hands one over there.
 */
function boomErrorSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const [statusArgument, message, data] = call.arguments;
  if (!statusArgument || statusArgument.type === T.SpreadElement || message?.type === T.SpreadElement || data?.type === T.SpreadElement) return null;
  const status = resolveStatus(sourceCode, statusArgument);
  if (!status) return null;
  const dataObject = data && skipWrappers(data);
  const challenged = !!data && (dataObject?.type !== T.ObjectExpression || dataObject.properties.some((property) => property.type !== T.Property || keyName(property) === 'challenge'));
  return {
    framework: 'micro',
    node: statusArgument,
    status,
    messages: message ? [message] : [],
    carriers: carriersOf(call),
    hasHeader: (name) => name === 'www-authenticate' && challenged,
    edit(fixer, edit) {
      const challenge = edit.addHeader && `challenge: ${jsString(edit.addHeader.value)}`;
      let added: RuleFix[] | null = [];
      if (challenge && dataObject?.type === T.ObjectExpression) added = [addToObjectLiteral(fixer, sourceCode, dataObject, challenge)];
      else if (challenge) added = message ? [fixer.insertTextAfter(message, `, { ${challenge} }`)] : null;
      return combineParts(statusEdit(fixer, sourceCode, status, edit), added);
    },
  };
}

/** The `res` of the handler around `node`: a parameter named for the response. */
function handlerResponse(node: Node): TSESTree.Identifier | null {
  const fn = enclosingFunction(node);
  const parameter = fn?.params.find((param) => param.type === T.Identifier && isResponseName(param));
  return (parameter as TSESTree.Identifier | undefined) ?? null;
}

function setHeaderStatement(response: string, header: { name: string; value: string }): string {
  return `${response}.setHeader(${jsString(header.name)}, ${jsString(header.value)});`;
}

function responseSite(
  call: TSESTree.CallExpression,
  statusArgument: Node,
  messages: Node[],
  response: TSESTree.Identifier | null,
  context: AdapterContext,
): ResponseSite | null {
  const { sourceCode } = context;
  const status = resolveStatus(sourceCode, statusArgument);
  if (!status) return null;
  const handle: HandleKey | null = response && handleKey(sourceCode, response);
  return {
    framework: 'micro',
    node: statusArgument,
    status,
    messages,
    carriers: carriersOf(call),
    hasHeader: (name) => handle !== null && context.headers.has(handle, name, call),
    ...(response ? {} : { headerLimitation: "micro's createError() carries no headers: set WWW-Authenticate with res.setHeader(…) in the handler before throwing" }),
    edit(fixer, edit) {
      const added = !edit.addHeader ? [] : response ? insertBeforeStatement(fixer, sourceCode, call, setHeaderStatement(response.name, edit.addHeader)) : null;
      return combineParts(statusEdit(fixer, sourceCode, status, edit), added);
    },
  };
}

/** `throw createError(401, 'Missing token')`. */
function errorSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const [statusArgument, message] = call.arguments;
  if (!statusArgument || statusArgument.type === T.SpreadElement) return null;
  const messages = message && message.type !== T.SpreadElement ? [message] : [];
  return responseSite(call, statusArgument, messages, handlerResponse(call), context);
}

/** `send(res, 401, { error })`. */
function sendSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const [response, statusArgument, body] = call.arguments;
  if (!response || !statusArgument || response.type === T.SpreadElement || statusArgument.type === T.SpreadElement) return null;
  const target = skipWrappers(response);
  if (target.type !== T.Identifier) return null;
  const messages = body && body.type !== T.SpreadElement ? [body] : [];
  return responseSite(call, statusArgument, messages, target, context);
}
