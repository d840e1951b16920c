import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, memberPath, propertyName, skipWrappers, type Node } from '../ast';
import { headerArguments, headerProperty, removeChainedHeaderSetter, statusEdit } from '../edits';
import { handleKey } from '../handles';
import { baseReceiver, chainedCalls, followingStatements, isResponseName, isTestChain, precedingCalls } from '../response-object';
import { resolveStatus, type StatusValue } from '../status';
import { statusFromName, statusName } from '../status-names';
import type { AdapterContext, ResponseSite, RuleFix, SiteAdapter } from '../types';
import { carriersOf, errorHandleOf } from './error-objects';
import { isHapiResponse } from './hapi';
import { factorySite } from './http-errors';

/** The reply object of a route handler, as @fastify/sensible decorates it (`reply.unauthorized()`). */
const REPLY_NAMES = /^(reply|rep)$/;

/**
 * Fastify: `reply.code(n)` (`reply.status(n)` is the same method, found by the Express adapter), headers from
 * `reply.header/headers`, and @fastify/sensible: `reply.forbidden(msg)`, `reply.getHttpError(n, msg)`,
 * `fastify.httpErrors.forbidden(msg)`, `fastify.httpErrors.createError(n, msg, props)`. Sensible's helpers send
 * http-errors errors through `reply.send`, whose default error handler keeps the headers already set on the reply
 * and adds the error's `headers` (fastify `lib/error-handler.js`).
 */
export const fastifyAdapter: SiteAdapter = {
  framework: 'fastify',
  nodeTypes: [T.CallExpression],
  visit(node, context) {
    if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return;
    const method = propertyName(node.callee);
    if (method === null) return;
    const site =
      method === 'code' ? codeSite(node, node.callee, context)
      : isHttpErrors(context, node.callee.object) ? httpErrorsSite(node, node.callee, method, context)
      : isReply(node.callee.object) ? replyHelperSite(node, node.callee, method, context)
      : null;
    if (site) context.addSite(site);
  },
};

function isReply(receiver: Node): boolean {
  const path = memberPath(baseReceiver(receiver));
  return path !== null && REPLY_NAMES.test(path[path.length - 1]!);
}

/** `fastify.httpErrors`, `this.httpErrors`, `request.server.httpErrors`, or `httpErrors` destructured from one. */
function isHttpErrors(context: AdapterContext, object: Node): boolean {
  const value = skipWrappers(object);
  const path = memberPath(value);
  if (path && path.length > 1) return path[path.length - 1] === 'httpErrors';
  return value.type === T.Identifier && value.name === 'httpErrors' && bindingOf(context.sourceCode, value)?.key === 'httpErrors';
}

/** Sensible's name for a 4xx status (`forbidden`, `badRequest`), or its code. */
function sensibleCode(method: string): number | undefined {
  if (!/^[a-z]/.test(method)) return undefined;
  const code = statusFromName(method);
  return code !== undefined && code >= 400 && code <= 499 ? code : undefined;
}

function sensibleName(code: number): string | null {
  const name = statusName(code, 'PascalCase');
  return name ? name.charAt(0).toLowerCase() + name.slice(1) : null;
}

/** Messages sent on the same reply right after a status: `reply.send(…)`, `return { … }`, `throw new Error(…)`. */
function laterMessages(node: Node, reply: Node, context: AdapterContext): Node[] {
  const handle = handleKey(context.sourceCode, reply);
  const messages: Node[] = [];
  for (const statement of followingStatements(node, 2)) {
    if (statement.type === T.ReturnStatement || statement.type === T.ThrowStatement) {
      if (statement.argument) messages.push(statement.argument);
      continue;
    }
    if (statement.type !== T.ExpressionStatement) continue;
    const sent = skipWrappers(statement.expression);
    if (sent.type !== T.CallExpression || sent.callee.type !== T.MemberExpression || propertyName(sent.callee) !== 'send') continue;
    if (handle !== null && handleKey(context.sourceCode, baseReceiver(sent.callee.object)) === handle) messages.push(...sent.arguments);
  }
  return messages;
}

/** `reply.code(n)…`, across lines and with `reply.code(n); return reply.send(…)`. */
function codeSite(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  if (call.arguments.length !== 1 || isTestChain(call)) return null;
  const reply = baseReceiver(callee.object);
  if (!isResponseName(reply) || isHapiResponse(sourceCode, callee.object)) return null;
  const argument = call.arguments[0]!;
  if (argument.type === T.SpreadElement) return null;
  const status = resolveStatus(sourceCode, argument);
  if (!status) return null;
  const handle = handleKey(sourceCode, reply);
  const chain = chainedCalls(call);
  return {
    framework: 'fastify',
    node: argument,
    status,
    messages: [...chain.flatMap((next) => next.arguments), ...laterMessages(call, reply, context)],
    carriers: [],
    hasHeader(name) {
      return handle !== null && context.headers.has(handle, name, call);
    },
    edit(fixer, edit) {
      const fixes = statusEdit(fixer, sourceCode, status, edit);
      if (!fixes) return null;
      if (edit.addHeader) fixes.push(fixer.insertTextAfter(call, headerCall(edit.addHeader)));
      if (edit.removeHeader) {
        for (const setter of [...precedingCalls(callee.object), ...chain]) {
          if (calleeName(setter) !== 'header' && calleeName(setter) !== 'headers') continue;
          const removal = removeChainedHeaderSetter(fixer, sourceCode, setter, edit.removeHeader);
          if (removal) fixes.push(removal);
        }
      }
      return fixes;
    },
  };
}

function headerCall(header: { name: string; value: string }): string {
  return `.header(${headerArguments(header)})`;
}

/**
 * `reply.forbidden(msg)` / `reply.getHttpError(n, msg)` (sensible sends the error at once): the fix sets the header on
 * the reply first, `reply.header(…).unauthorized(msg)`, which the error handler keeps.
 */
function replyHelperSite(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  method: string,
  context: AdapterContext,
): ResponseSite | null {
  const { sourceCode } = context;
  let status: StatusValue | null = null;
  let messages: Node[];
  if (method === 'getHttpError') {
    const [code, message] = call.arguments;
    if (!code || code.type === T.SpreadElement) return null;
    status = resolveStatus(sourceCode, code);
    messages = message && message.type !== T.SpreadElement ? [message] : [];
  } else {
    const code = sensibleCode(method);
    if (code !== undefined) status = { code, node: null, form: { kind: 'literal' } };
    messages = call.arguments.filter((argument) => argument.type !== T.SpreadElement);
  }
  if (!status || isTestChain(call)) return null;
  const resolved = status;
  const handle = handleKey(sourceCode, baseReceiver(callee.object));
  return {
    framework: 'fastify',
    node: resolved.node ?? callee.property,
    status: resolved,
    messages,
    carriers: [],
    hasHeader(name) {
      return handle !== null && context.headers.has(handle, name, call);
    },
    edit(fixer, edit) {
      let fixes: RuleFix[] | null;
      if (resolved.node) {
        fixes = statusEdit(fixer, sourceCode, resolved, edit);
      } else {
        const name = edit.status === undefined ? method : sensibleName(edit.status);
        fixes = name === null ? null : name === method ? [] : [fixer.replaceText(callee.property, name)];
      }
      if (!fixes) return null;
      if (edit.addHeader) fixes.push(fixer.insertTextAfter(callee.object, headerCall(edit.addHeader)));
      return fixes;
    },
  };
}

/**
 * `fastify.httpErrors.forbidden(msg)` returns an http-errors error; a header needs sensible's
 * `httpErrors.createError(n, msg, { headers })`, which the default error handler applies.
 */
function httpErrorsSite(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  method: string,
  context: AdapterContext,
): ResponseSite | null {
  if (method === 'createError') {
    const site = factorySite(call, context);
    return site && { ...site, framework: 'fastify' };
  }
  const { sourceCode } = context;
  const getHttpError = method === 'getHttpError';
  const [first] = call.arguments;
  const status: StatusValue | null = getHttpError
    ? first && first.type !== T.SpreadElement ? resolveStatus(sourceCode, first) : null
    : sensibleCode(method) !== undefined ? { code: sensibleCode(method)!, node: null, form: { kind: 'literal' } } : null;
  if (!status || call.arguments.some((argument) => argument.type === T.SpreadElement)) return null;
  const messageArguments = getHttpError ? call.arguments.slice(1) : call.arguments;
  const handle = errorHandleOf(sourceCode, call);
  return {
    framework: 'fastify',
    node: status.node ?? callee.property,
    status,
    messages: [...messageArguments],
    carriers: carriersOf(call),
    hasHeader(name) {
      return handle !== null && context.headers.has(handle, name, call);
    },
    edit(fixer, edit) {
      const code = edit.status ?? status.code;
      if (edit.addHeader) {
        if (messageArguments.length > 1) return null;
        const codeText = status.node && edit.status === undefined ? sourceCode.getText(status.node) : String(code);
        const message = messageArguments[0] ? `${sourceCode.getText(messageArguments[0])}, ` : '';
        const headers = `{ headers: { ${headerProperty(edit.addHeader)} } }`;
        return [fixer.replaceText(call, `${sourceCode.getText(callee.object)}.createError(${codeText}, ${message}${headers})`)];
      }
      if (status.node) return statusEdit(fixer, sourceCode, status, edit);
      const name = sensibleName(code);
      return name === null ? null : [fixer.replaceText(callee.property, name)];
    },
  };
}
