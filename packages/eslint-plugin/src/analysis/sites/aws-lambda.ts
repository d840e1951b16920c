import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { calleeName, declaredName, enclosingFunction, isFunction, keyName, skipWrappers, type Node } from '../ast';
import { findProperty } from '../edits';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { resultObjectSites } from './result-object';
import { impliedStatus, quotedCode } from './transport-code';

/** What an authorizer writes instead of a Deny policy when the token is missing or invalid: API Gateway answers 401. */
const UNAUTHORIZED = "throw new Error('Unauthorized')";

/**
 * AWS Lambda behind API Gateway or a function URL: a handler's `return { statusCode, headers, body }` is the HTTP
 * response (`callback(null, { statusCode })` is error-objects.ts'), and the fix adds to its `headers`. A Lambda
 * authorizer (its event carries `authorizationToken` or `methodArn`) answers 403 with a Deny policy and 401 by
 * failing with `Unauthorized`; API Gateway sends that 401 without a challenge (gateway responses set headers, code
 * cannot), so these sites are a transport with codes of its own.
 */
export const awsLambdaAdapter: SiteAdapter = {
  framework: 'aws-lambda',
  nodeTypes: [T.ObjectExpression, T.Literal],
  visit(node, context) {
    if (node.type === T.ObjectExpression) {
      for (const site of resultSites(node, context)) context.addSite(site);
    } else if (node.type === T.Literal && node.value === 'Deny') {
      const site = denySite(node, context);
      if (site) context.addSite(site);
    }
  },
};

/** A Lambda handler: exported as `handler` (or any export of a function whose first parameter is the `event`). */
function isHandler(fn: TSESTree.FunctionLike): boolean {
  const first = fn.params[0];
  if (first?.type !== T.Identifier && first?.type !== T.ObjectPattern) return false;
  if (first.type === T.Identifier && /^(event|evt)$/.test(first.name)) return true;
  return declaredName(fn) === 'handler';
}

/** `return { statusCode: 403, … }` (or an arrow's `({ statusCode: 403 })`) straight out of a handler. */
function handlerOfResult(object: TSESTree.ObjectExpression): TSESTree.FunctionLike | null {
  let current: Node = object;
  while (current.parent && skipWrappers(current.parent) === skipWrappers(current)) current = current.parent;
  const parent = current.parent;
  const fn = parent?.type === T.ReturnStatement ? enclosingFunction(parent) : parent && isFunction(parent) && parent.body === current ? parent : null;
  return fn && isHandler(fn) ? fn : null;
}

function resultSites(object: TSESTree.ObjectExpression, context: AdapterContext): ResponseSite[] {
  if (!findProperty(object, 'statusCode') || !handlerOfResult(object)) return [];
  return resultObjectSites(object, { framework: 'aws-lambda', statusKey: 'statusCode', headerKeys: ['headers', 'multiValueHeaders'], bodyKeys: ['body'] }, context);
}

/** The authorizer a node is decided in: a handler whose event the function reads `authorizationToken`/`methodArn` from. */
function authorizerOf(node: Node, sourceText: (node: Node) => string): TSESTree.FunctionLike | null {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    if (isHandler(fn) && /\b(authorizationToken|methodArn|routeArn)\b/.test(sourceText(fn))) return fn;
  }
  return null;
}

/**
 * `'Deny'` as a policy statement's `Effect` or a policy helper's argument (`generatePolicy('me', 'Deny', arn)`),
 * inside what the authorizer returns or passes to `callback(null, …)`.
 */
function denySite(literal: TSESTree.Literal, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const parent = literal.parent;
  const isEffect = parent?.type === T.Property && parent.value === literal && keyName(parent) === 'Effect';
  const isArgument = (parent?.type === T.CallExpression || parent?.type === T.NewExpression) && parent.arguments.includes(literal);
  if (!isEffect && !isArgument) return null;
  const authorizer = authorizerOf(literal, (node) => sourceCode.getText(node));
  const answer = authorizer && answerOf(literal, authorizer);
  if (!answer) return null;
  return {
    framework: 'aws-lambda',
    node: literal,
    status: impliedStatus(403),
    messages: [],
    carriers: [],
    transport: { written: quotedCode(sourceCode, literal), credential: `\`${UNAUTHORIZED}\``, permission: quotedCode(sourceCode, literal), challenge: false },
    hasHeader: () => false,
    edit(fixer, edit) {
      if (edit.status === undefined || edit.status === 403) return [];
      if (edit.status !== 401) return null;
      return answer.type === T.ReturnStatement
        ? [fixer.replaceText(answer, `${UNAUTHORIZED};`)]
        : [fixer.replaceText(answer, `${sourceCode.getText(answer.callee)}('Unauthorized')`)];
    },
  };
}

/** The `return …` statement or `callback(null, …)` call of the authorizer that carries `literal` out. */
function answerOf(literal: Node, authorizer: TSESTree.FunctionLike): TSESTree.ReturnStatement | TSESTree.CallExpression | null {
  for (let current: Node | undefined = literal.parent; current && current !== authorizer; current = current.parent) {
    if (isFunction(current)) return null;
    if (current.type === T.ReturnStatement) return enclosingFunction(current) === authorizer ? current : null;
    // callback(null, policy): the first argument is the error, absent on success.
    const first = current.type === T.CallExpression ? current.arguments[0] : undefined;
    if (current.type === T.CallExpression && /^(callback|cb|done)$/.test(calleeName(current) ?? '') && first?.type === T.Literal && first.value === null) {
      return current;
    }
  }
  return null;
}
