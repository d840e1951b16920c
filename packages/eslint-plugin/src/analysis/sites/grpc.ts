import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { declaredFunction, keyName, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { findProperty } from '../edits';
import { findNodes } from '../project-index/package-sources';
import type { AdapterContext, SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { codeSite, isImportOf, isModuleObject, statusOfCode, type CodePair } from './transport-code';

/** gRPC status names (`@grpc/grpc-js` `constants.ts`: UNAUTHENTICATED = 16, PERMISSION_DENIED = 7). */
const GRPC_CODES: CodePair = {
  credential: 'UNAUTHENTICATED',
  permission: 'PERMISSION_DENIED',
  // What gRPC's HTTP mapping calls 400: a request that is malformed, not one without a credential.
  others: { INVALID_ARGUMENT: 400, FAILED_PRECONDITION: 400 },
};
const GRPC_MODULE = /^(@grpc\/grpc-js|grpc|@grpc\/grpc-js\/build\/src\/constants)$/;

/**
 * gRPC (`@grpc/grpc-js`): an object literal whose `code` is `status.UNAUTHENTICATED` or `status.PERMISSION_DENIED`
 * from the library's status enum: `callback({ code, details })`, a `ServerErrorResponse`, `call.emit('error', …)`,
 * NestJS' `new RpcException({ code, message })`. gRPC has no challenge header; the fix renames the constant.
 */
export const grpcAdapter: SiteAdapter = {
  framework: 'grpc',
  nodeTypes: [T.ObjectExpression, T.CallExpression],
  mentions: /grpc/,
  visit(node, context) {
    if (node.type === T.CallExpression) {
      forwardedCodes(node, context);
      return;
    }
    if (node.type !== T.ObjectExpression) return;
    const code = findProperty(node, 'code');
    const value = code && skipWrappers(code.value);
    const messages = ['details', 'message'].flatMap((key) => findProperty(node, key)?.value ?? []);
    if (value) addCodeSite(value, messages, carriersOf(node), context);
  },
};

/** `status.PERMISSION_DENIED` of grpc's status enum, as a site. */
function addCodeSite(value: Node, messages: Node[], carriers: string[], context: AdapterContext): void {
  const { sourceCode } = context;
  const status = namedCodeStatus(value);
  if (status === null || value.type !== T.MemberExpression || !isStatusEnum(sourceCode, value.object)) return;
  const object = value.object;
  context.addSite(
    codeSite(sourceCode, {
      framework: 'grpc',
      codeNode: value,
      status,
      pair: GRPC_CODES,
      rewrite: (name) => `${sourceCode.getText(object)}.${name}`,
      messages,
      carriers,
    }),
  );
}

/** The status of `x.UNAUTHENTICATED` and the other codes by name, whatever `x` is; null for anything else. */
function namedCodeStatus(value: Node): number | null {
  if (value.type !== T.MemberExpression || value.computed || value.property.type !== T.Identifier) return null;
  return statusOfCode(GRPC_CODES, value.property.name);
}

/**
 * `throwError(callback, 'No token', status.PERMISSION_DENIED)` where the file's `throwError` puts that parameter in
 * the `code` of the object it hands on (`callback({ code, message })`): the status is the call's.
 */
function forwardedCodes(call: TSESTree.CallExpression, context: AdapterContext): void {
  if (call.callee.type !== T.Identifier || !call.arguments.some((argument) => argument.type === T.MemberExpression)) return;
  // The cheap question first: only an argument named like a gRPC code can become a site.
  if (!call.arguments.some((argument) => namedCodeStatus(skipWrappers(argument)) !== null)) return;
  const fn = declaredFunction(context.sourceCode, call.callee);
  if (!fn?.body) return;
  call.arguments.forEach((argument, index) => {
    const parameter = fn.params[index];
    const name = parameter?.type === T.Identifier ? parameter.name : parameter?.type === T.AssignmentPattern && parameter.left.type === T.Identifier ? parameter.left.name : null;
    if (!name || argument.type === T.SpreadElement || !handsOnAsCode(context.sourceCode, fn, name)) return;
    const messages = call.arguments.filter((other) => other !== argument && other.type !== T.SpreadElement);
    addCodeSite(skipWrappers(argument), messages, [call.callee.type === T.Identifier ? call.callee.name : ''], context);
  });
}

/** Does the function put its parameter `name` in the `code` of an object (`{ code }`, `{ code: name }`)? */
function handsOnAsCode(sourceCode: SourceCode, fn: TSESTree.FunctionLike, name: string): boolean {
  const isCode = (node: Node) => {
    if (node.type !== T.Property || keyName(node) !== 'code') return false;
    const value = skipWrappers(node.value as Node);
    return value.type === T.Identifier && value.name === name;
  };
  return findNodes(sourceCode, fn.body as Node, isCode, true).length > 0;
}

/** `status` / `Status` imported from grpc, or `grpc.status` on the module object. */
function isStatusEnum(sourceCode: SourceCode, node: Node): boolean {
  const object = skipWrappers(node);
  if (object.type === T.Identifier) {
    return isImportOf(sourceCode, object, 'status', GRPC_MODULE) || isImportOf(sourceCode, object, 'Status', GRPC_MODULE);
  }
  if (object.type !== T.MemberExpression || propertyName(object) !== 'status') return false;
  const root = skipWrappers(object.object);
  return root.type === T.Identifier && isModuleObject(sourceCode, root as TSESTree.Identifier, GRPC_MODULE);
}
