import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { keyName, words } from '../ast';
import { statusOnlyEdit } from '../edits';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { classMessages } from './custom-errors';
import { isAdonisException, staticStatus, superStatus } from './adonis-exception-class';

/** Words of HTTP's own names for 401 and 403, which say which status, not why. */
const STATUS_WORDS: ReadonlySet<string> = new Set(['unauthorized', 'unauthorised', 'forbidden']);
/** Methods with which an exception renders itself: its own response decides the headers. */
const SELF_RENDERING = new Set(['handle', 'render']);

/**
 * AdonisJS exceptions: a class over `Exception` that fixes its status, `static status = 400` (v6) or
 * `super(message, 400, code)` (v5). The framework answers with that status and the message, and sets no header; a
 * class with a `handle` or `render` method answers itself, so whether that answer carries a challenge is decided
 * there. The class's name or code (`E_INVALID_CREDENTIALS`) says what failed.
 */
export const adonisExceptionsAdapter: SiteAdapter = {
  framework: 'adonis',
  nodeTypes: [T.ClassDeclaration, T.ClassExpression],
  visit(node, context) {
    if (node.type !== T.ClassDeclaration && node.type !== T.ClassExpression) return;
    const site = exceptionSite(node, context);
    if (site) context.addSite(site);
  },
};

function exceptionSite(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  if (!isAdonisException(sourceCode, declaration)) return null;
  const statusNode = staticStatus(declaration) ?? superStatus(declaration);
  const status = statusNode && resolveStatus(sourceCode, statusNode);
  if (!status || status.code < 400) return null;
  const declarator = declaration.parent?.type === T.VariableDeclarator ? declaration.parent : null;
  const name = declaration.id ?? (declarator?.id.type === T.Identifier ? declarator.id : null);
  // `E_UNAUTHORIZED_ACCESS` with 401: the name restates the status, it does not say why.
  const namesReason = name !== null && !words(name.name).some((word) => STATUS_WORDS.has(word));
  const selfRendering = declaration.body.body.some((member) => member.type === T.MethodDefinition && SELF_RENDERING.has(keyName(member) ?? ''));
  return {
    framework: 'adonis',
    node: statusNode,
    status,
    messages: classMessages(declaration, statusNode),
    names: name && namesReason ? [name] : [],
    hasHeader: () => false,
    ...(selfRendering ? { renderedOutOfView: true as const } : {}),
    // The class can carry no header; only its status can change here.
    edit: statusOnlyEdit(sourceCode, status),
    carriers: [],
  };
}
