import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { enclosingFunction, isFunction, skipWrappers, type Node } from '../ast';
import type { SiteAdapter } from '../types';
import { plainSite } from './plain-site';

/** A file of a Strapi policy folder: `src/policies/x.ts`, `src/api/post/policies/x.js`, `config/policies/x.js`. */
const POLICY_FILE = /(?:^|[\\/])policies[\\/][^\\/]+\.[cm]?[jt]s$/;

/**
 * Strapi policies: a policy that returns `false` makes Strapi throw its `PolicyError`, which its errors middleware
 * answers with 403 (`@strapi/utils`: PolicyError extends ForbiddenError). The site is the `false` a policy returns;
 * no edit of it can choose 401 (that takes `throw new errors.UnauthorizedError(…)`), so only the report is offered.
 */
export const strapiPolicyAdapter: SiteAdapter = {
  framework: 'strapi',
  nodeTypes: [T.ReturnStatement],
  visit(node, context) {
    if (node.type !== T.ReturnStatement || !node.argument) return;
    const value = skipWrappers(node.argument);
    if (value.type !== T.Literal || value.value !== false) return;
    const policy = enclosingFunction(node);
    if (!policy || !isStrapiPolicy(policy, context.filename)) return;
    context.addSite(
      plainSite('strapi', value, 403, {
        headerLimitation: 'Strapi answers a policy that returns false with 403 (its PolicyError); throw errors.UnauthorizedError from @strapi/utils instead',
      }),
    );
  },
};

/** `export default (policyContext, config, { strapi }) => …` in a policies folder: the exported function of Strapi's policy context. */
function isStrapiPolicy(fn: TSESTree.FunctionLike, filename: string | undefined): boolean {
  if (!filename || !POLICY_FILE.test(filename) || !isExported(fn)) return false;
  // Named so, as Strapi names it (and as the prefilter finds it).
  const [context] = fn.params;
  return context?.type === T.Identifier && context.name === 'policyContext';
}

function isExported(fn: Node): boolean {
  const parent = fn.parent;
  if (parent?.type === T.ExportDefaultDeclaration) return true;
  // `module.exports = (policyContext) => …`
  if (parent?.type === T.AssignmentExpression && parent.right === fn) {
    const left = parent.left;
    return left.type === T.MemberExpression && !left.computed && left.property.type === T.Identifier && left.property.name === 'exports';
  }
  // `const isOwner = (policyContext) => …; export default isOwner`
  return parent?.type === T.VariableDeclarator && isFunction(fn) && parent.parent?.parent?.type === T.Program;
}
