import { T } from '../node-types';
import { skipWrappers } from '../ast';
import { findProperty } from '../edits';
import type { SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { codeSite, isImportOf, statusOfCode, stringCode, type CodePair } from './transport-code';

/**
 * tRPC's error codes for the two failures. Its HTTP adapters send UNAUTHORIZED as 401 and FORBIDDEN as 403
 * (`@trpc/server` `http/getHTTPStatusCode.ts`) and never add a `WWW-Authenticate` header; headers belong to the
 * adapter's `responseMeta`, not to the throw, so the challenge rule leaves these sites alone.
 */
const TRPC_CODES: CodePair = {
  credential: 'UNAUTHORIZED',
  permission: 'FORBIDDEN',
  others: { BAD_REQUEST: 400, CONFLICT: 409, PRECONDITION_FAILED: 412, UNPROCESSABLE_CONTENT: 422, PRECONDITION_REQUIRED: 428 },
};
const TRPC_MODULE = /^@trpc\/server(\/|$)/;

/**
 * tRPC: `new TRPCError({ code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'BAD_REQUEST' | 'CONFLICT' | 'PRECONDITION_FAILED' | …,
 * message })` (400, 409, 412, 422 and 428 are as wrong as 403 for a missing credential); the fix rewrites the code string.
 */
export const trpcAdapter: SiteAdapter = {
  framework: 'trpc',
  nodeTypes: [T.NewExpression],
  mentions: /@trpc\/server|TRPCError/,
  visit(node, context) {
    if (node.type !== T.NewExpression) return;
    const { sourceCode } = context;
    const callee = skipWrappers(node.callee);
    if (callee.type !== T.Identifier || !isImportOf(sourceCode, callee, 'TRPCError', TRPC_MODULE, true)) return;
    const options = node.arguments[0] && skipWrappers(node.arguments[0]);
    if (options?.type !== T.ObjectExpression) return;
    const codeNode = findProperty(options, 'code')?.value;
    const code = codeNode && stringCode(sourceCode, codeNode);
    const status = code ? statusOfCode(TRPC_CODES, code.value) : null;
    if (!codeNode || !code || status === null) return;
    const message = findProperty(options, 'message')?.value;
    context.addSite(
      codeSite(sourceCode, {
        framework: 'trpc',
        codeNode,
        status,
        pair: TRPC_CODES,
        rewrite: code.rewrite,
        messages: message ? [message] : [],
        carriers: carriersOf(node),
      }),
    );
  },
};
