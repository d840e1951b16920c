import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { findProperty } from '../edits';
import type { SiteAdapter } from '../types';
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
  nodeTypes: [T.ObjectExpression],
  visit(node, context) {
    if (node.type !== T.ObjectExpression) return;
    const { sourceCode } = context;
    const code = findProperty(node, 'code');
    const value = code && skipWrappers(code.value);
    if (value?.type !== T.MemberExpression || value.computed || value.property.type !== T.Identifier) return;
    const status = statusOfCode(GRPC_CODES, value.property.name);
    if (status === null || !isStatusEnum(sourceCode, value.object)) return;
    const messages = ['details', 'message'].flatMap((key) => findProperty(node, key)?.value ?? []);
    context.addSite(
      codeSite(sourceCode, {
        framework: 'grpc',
        codeNode: value,
        status,
        pair: GRPC_CODES,
        rewrite: (name) => `${sourceCode.getText(value.object)}.${name}`,
        messages,
        carriers: carriersOf(node),
      }),
    );
  },
};

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
