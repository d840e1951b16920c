import type { TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { chainRoot, memberPath, propertyName, skipWrappers, type Node } from './ast';

/** Names people give the response object of a handler. */
const RESPONSE_NAMES = /^(res|response|resp|reply|rep|httpResponse|serverResponse|outgoing|expressResponse|nodeResponse|rawResponse|raw)$/;

/** Methods that end an Express-style response: a `.status(n)` followed by one of them is a response. */
export const RESPONSE_SENDERS = new Set(['json', 'send', 'end', 'jsonp', 'render', 'sendFile', 'redirect', 'write', 'format', 'download']);

/** Chain roots of test assertions and HTTP clients: `expect(res).to.have.status(403)`, `request(app).expect(403)`. */
const TEST_ROOTS = /^(expect|assert|should|chai|request|supertest|agent|nock|mock|sinon|jest|vi|cy|it|test|describe)$/;

/** Is `receiver` (the object a method is called on) a handler's response object, by its name? */
export function isResponseName(receiver: Node): boolean {
  const path = memberPath(receiver);
  if (!path) return false;
  const last = path[path.length - 1]!;
  return RESPONSE_NAMES.test(last);
}

/** Is the chain a test assertion or client call rather than server code? */
export function isTestChain(node: Node): boolean {
  const root = chainRoot(node);
  if (root.type === T.Identifier && TEST_ROOTS.test(root.name)) return true;
  for (let current: Node = skipWrappers(node); ; ) {
    if (current.type === T.MemberExpression) {
      const name = propertyName(current);
      if (name === 'should' || name === 'to' || name === 'expect') return true;
      current = skipWrappers(current.object);
    } else if (current.type === T.CallExpression) {
      current = skipWrappers(current.callee);
    } else {
      return false;
    }
  }
}

/** The calls chained after `call`: `res.status(401).set(…).json(…)` from the `status` call gives [set(…), json(…)]. */
export function chainedCalls(call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  let current: Node = call;
  while (current.parent?.type === T.MemberExpression && current.parent.object === current) {
    const member: TSESTree.MemberExpression = current.parent;
    if (member.parent?.type !== T.CallExpression || member.parent.callee !== member) break;
    calls.push(member.parent);
    current = member.parent;
  }
  return calls;
}

/** Calls made on the same receiver right before `call` in the chain: for `res.set(a).status(401)`, [set(a)]. */
export function precedingCalls(receiver: Node): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  let current = skipWrappers(receiver);
  while (current.type === T.CallExpression && current.callee.type === T.MemberExpression) {
    calls.push(current);
    current = skipWrappers(current.callee.object);
  }
  return calls;
}

/** The plain receiver under a chain of calls: `res.set(a).status` → `res`. */
export function baseReceiver(receiver: Node): Node {
  let current = skipWrappers(receiver);
  while (current.type === T.CallExpression && current.callee.type === T.MemberExpression) {
    current = skipWrappers(current.callee.object);
  }
  return current;
}

/**
 * Statements right after the one holding `node` in the same block, for `res.status(403); return res.json(…)`.
 */
export function followingStatements(node: Node, count: number): TSESTree.Statement[] {
  let statement: Node | undefined = node;
  while (statement && statement.parent && statement.parent.type !== T.BlockStatement && statement.parent.type !== T.Program && statement.parent.type !== T.SwitchCase) {
    statement = statement.parent;
  }
  const container = statement?.parent;
  if (!statement || !container) return [];
  const body: TSESTree.Statement[] =
    container.type === T.SwitchCase ? container.consequent : (container as TSESTree.BlockStatement).body;
  const index = body.indexOf(statement as TSESTree.Statement);
  return index < 0 ? [] : body.slice(index + 1, index + 1 + count);
}

/**
 * A response object built and dropped: `c.json({ … }, 401);` as a statement of its own. Hono's responders and the
 * Fetch API's constructors only return a response, so nothing is sent unless the value is returned or used.
 */
export function isDiscarded(node: Node): boolean {
  let current: Node = node;
  while (current.parent && (current.parent.type === T.AwaitExpression || current.parent.type === T.ChainExpression || current.parent.type === T.TSNonNullExpression)) {
    current = current.parent;
  }
  return current.parent?.type === T.ExpressionStatement;
}
