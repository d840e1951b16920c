import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { calleeName, propertyName, skipWrappers, type Node } from '../ast';
import { combineParts, headerAddition, removeChainedHeaderSetter, statusEdit, statusOnlyEdit } from '../edits';
import { jsString } from '../challenge';
import { handleKey } from '../handles';
import {
  baseReceiver,
  chainedCalls,
  followingStatements,
  isResponseName,
  isTestChain,
  precedingCalls,
  RESPONSE_SENDERS,
} from '../response-object';
import { resolveStatus, statusText } from '../status';
import { isAdonisFile, isContextResponse } from './adonis';
import type { AdapterContext, ResponseSite, RuleFix, SiteAdapter } from '../types';

/**
 * Express (and connect-style) responses: `res.status(n)…` chains, also across lines, and `res.sendStatus(n)`.
 * Headers set through `res.set/header/setHeader/append` are recorded by the response-headers adapter.
 */
export const expressAdapter: SiteAdapter = {
  framework: 'express',
  nodeTypes: [T.CallExpression],
  visit(node, context) {
    if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return;
    const method = propertyName(node.callee);
    if (method === null) return;
    if ((method === 'status' || method === 'sendStatus') && node.arguments.length === 1) {
      const site = statusSite(node, method, context);
      if (site) context.addSite(site);
    } else if (LEGACY_SENDERS.has(method)) {
      const site = legacySite(node, node.callee, method, context);
      if (site) context.addSite(site);
    }
  },
};

function statusSite(call: TSESTree.CallExpression, method: 'status' | 'sendStatus', context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const callee = call.callee as TSESTree.MemberExpression;
  if (isTestChain(call)) return null;
  const chain = chainedCalls(call);
  // `res.status(401).redirect('/login')`: Express' redirect sets its own status (302 unless given one).
  if (chain.some((next) => calleeName(next) === 'redirect')) return null;
  const sends = chain.some((next) => RESPONSE_SENDERS.has(calleeName(next) ?? ''));
  const receiver = baseReceiver(callee.object);
  if (!isResponseName(receiver) && !(method === 'status' && sends)) return null;
  const argument = call.arguments[0]!;
  if (argument.type === T.SpreadElement) return null;
  const status = resolveStatus(sourceCode, argument);
  if (!status) return null;
  const handle = handleKey(sourceCode, receiver);
  // Fastify's reply and AdonisJS' response have `header()` (Express has it too), not `set()`.
  const headerMethod = /^(reply|rep)$/.test(sourceCode.getText(receiver)) || isAdonisFile(sourceCode) || isContextResponse(sourceCode, receiver) ? 'header' : 'set';

  return {
    framework: 'express',
    node: argument,
    status,
    messages: [...chain.flatMap((next) => next.arguments), ...laterSends(call, receiver, context)],
    carriers: [],
    hasHeader(name) {
      return handle !== null && context.headers.has(handle, name, call);
    },
    edit(fixer, edit) {
      const added = headerAddition(edit, (header) =>
        fixer.insertTextAfter(method === 'status' ? call : callee.object, `.${headerMethod}(${jsString(header.name)}, ${jsString(header.value)})`),
      );
      const removals: RuleFix[] = [];
      if (edit.removeHeader) {
        for (const setter of [...precedingCalls(callee.object), ...chain]) {
          if (!CHAINABLE_HEADER_SETTERS.has(calleeName(setter) ?? '')) continue;
          const removal = removeChainedHeaderSetter(fixer, sourceCode, setter, edit.removeHeader);
          if (removal) removals.push(removal);
        }
      }
      return combineParts(statusEdit(fixer, sourceCode, status, edit), added, removals);
    },
  };
}

/** Header setters that return the response, so one can be dropped from a chain (`res.status(401).set(…).json(…)`). */
const CHAINABLE_HEADER_SETTERS = new Set(['set', 'header', 'setHeader', 'append']);

/** `res.status(403); return res.json({ … })`: the messages sent by the next statements on the same response. */
function laterSends(call: TSESTree.CallExpression, receiver: Node, context: AdapterContext): Node[] {
  const handle = handleKey(context.sourceCode, receiver);
  if (!handle) return [];
  const messages: Node[] = [];
  for (const statement of followingStatements(call, 2)) {
    const expression =
      statement.type === T.ExpressionStatement ? statement.expression : statement.type === T.ReturnStatement ? statement.argument : null;
    if (!expression) continue;
    const sent = skipWrappers(expression);
    if (sent.type !== T.CallExpression || sent.callee.type !== T.MemberExpression) continue;
    if (!RESPONSE_SENDERS.has(propertyName(sent.callee) ?? '')) continue;
    if (handleKey(context.sourceCode, baseReceiver(sent.callee.object)) !== handle) continue;
    messages.push(...sent.arguments);
  }
  return messages;
}

/** Senders that took the status first before Express 5: `res.send(401)`, `res.send(403, body)`, `res.json(401, body)`. */
const LEGACY_SENDERS = new Set(['send', 'json', 'jsonp']);

/**
 * Express 3/4's deprecated signatures: `res.send(n)` sends the status alone, `res.send(n, body)` and
 * `res.json(n, body)` send `body` with status `n` (`res.json(n)` alone sends the number as JSON, status 200: not a
 * site). Express 5 dropped them, so the fix writes the current form, `res.set(…).status(n).json(body)`.
 */
function legacySite(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const [first, body, ...rest] = call.arguments;
  if (!first || first.type === T.SpreadElement || body?.type === T.SpreadElement || rest.length > 0) return null;
  if (!body && method !== 'send') return null;
  const receiver = baseReceiver(callee.object);
  // Fastify's `reply.send(401)` sends the number as the payload, with status 200.
  if (!isResponseName(receiver) || /^(reply|rep)$/.test(sourceCode.getText(receiver))) return null;
  if (isTestChain(call) || !isNumeric(skipWrappers(first))) return null;
  const status = resolveStatus(sourceCode, first);
  if (!status) return null;
  const handle = handleKey(sourceCode, receiver);
  return {
    framework: 'express',
    node: first,
    status,
    messages: body ? [body] : [],
    carriers: [],
    hasHeader: (name) => handle !== null && context.headers.has(handle, name, call),
    edit(fixer, edit) {
      // restify keeps `res.send(n, body)` as its current API and has no `sendStatus`: only the status changes there.
      if (/\brestify\b/.test(sourceCode.text)) return statusOnlyEdit(sourceCode, status)(fixer, edit);
      const code = edit.status === undefined ? sourceCode.getText(first) : statusText(status.form, edit.status, sourceCode.getText(first));
      const setter = edit.addHeader ? `.set(${jsString(edit.addHeader.name)}, ${jsString(edit.addHeader.value)})` : '';
      const send = body ? `status(${code}).${method}(${sourceCode.getText(body)})` : `sendStatus(${code})`;
      return [fixer.replaceText(call, `${sourceCode.getText(callee.object)}${setter}.${send}`)];
    },
  };
}

/** A number, or a name that may hold one (`401`, `UNAUTHORIZED`, `StatusCodes.FORBIDDEN`), not a string body. */
function isNumeric(node: Node): boolean {
  if (node.type === T.Literal) return typeof node.value === 'number';
  return node.type === T.Identifier || node.type === T.MemberExpression;
}
