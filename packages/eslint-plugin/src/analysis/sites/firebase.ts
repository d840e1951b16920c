import { T } from '../node-types';
import { skipWrappers, type Node, type SourceCode } from '../ast';
import type { SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { codeSite, isImportOf, isModuleObject, memberChain, statusOfCode, stringCode, type CodePair } from './transport-code';

/**
 * Firebase callable functions' codes (`firebase-functions` `common/providers/https.js`: `unauthenticated` is
 * sent as HTTP 401, `permission-denied` as 403, `failed-precondition` and `invalid-argument` as 400, in the callable
 * protocol's own error body, no challenge).
 */
const FIREBASE_CODES: CodePair = {
  credential: 'unauthenticated',
  permission: 'permission-denied',
  // Both sent as HTTP 400; Firebase's own samples once answered a missing `context.auth` with 'failed-precondition'.
  others: { 'failed-precondition': 400, 'invalid-argument': 400 },
};
const FIREBASE_MODULE = /^firebase-functions(\/|$)/;

/**
 * Firebase: `new HttpsError(code, message, details?)` from `firebase-functions/v2/https` (or any
 * `firebase-functions` entry point) and v1's `new functions.https.HttpsError(…)`. The fix rewrites the code.
 */
export const firebaseAdapter: SiteAdapter = {
  framework: 'firebase',
  nodeTypes: [T.NewExpression],
  mentions: /firebase-functions/,
  visit(node, context) {
    if (node.type !== T.NewExpression || !isHttpsError(context.sourceCode, node.callee)) return;
    const [codeArgument, message] = node.arguments;
    if (!codeArgument || codeArgument.type === T.SpreadElement) return;
    const code = stringCode(context.sourceCode, codeArgument);
    const status = code ? statusOfCode(FIREBASE_CODES, code.value) : null;
    if (!code || status === null) return;
    context.addSite(
      codeSite(context.sourceCode, {
        framework: 'firebase',
        codeNode: codeArgument,
        status,
        pair: FIREBASE_CODES,
        rewrite: code.rewrite,
        messages: message && message.type !== T.SpreadElement ? [message] : [],
        carriers: carriersOf(node),
      }),
    );
  },
};

/** `HttpsError` imported from firebase-functions, or `<firebase-functions object>.….HttpsError`. */
function isHttpsError(sourceCode: SourceCode, callee: Node): boolean {
  const value = skipWrappers(callee);
  if (value.type === T.Identifier) return isImportOf(sourceCode, value, 'HttpsError', FIREBASE_MODULE);
  const chain = memberChain(value);
  if (!chain || chain.path[chain.path.length - 1] !== 'HttpsError') return false;
  // `functions` of `import * as functions from 'firebase-functions/v1'`, `https` of `import { https } from 'firebase-functions/v2'`
  return isImportOf(sourceCode, chain.root, 'https', FIREBASE_MODULE) || isModuleObject(sourceCode, chain.root, FIREBASE_MODULE);
}
