import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, enclosingFunction, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { headerArguments, insertBeforeStatement } from '../edits';
import { handleKey } from '../handles';
import type { AdapterContext, ResponseSite, RuleFix, SiteAdapter } from '../types';

/** `@strapi/utils`' `errors` classes that choose a 4xx status (Strapi's errors middleware answers with it). */
const STRAPI_ERRORS: Readonly<Record<string, number>> = {
  UnauthorizedError: 401,
  ForbiddenError: 403,
  PolicyError: 403,
  ValidationError: 400,
};
const CLASS_FOR_STATUS: Readonly<Record<number, string>> = { 401: 'UnauthorizedError', 403: 'ForbiddenError', 400: 'ValidationError' };

/**
 * Strapi's error classes: `throw new errors.ForbiddenError(msg)` or a class destructured from `errors`
 * (`const { errors } = require('@strapi/utils')`). Strapi's errors middleware sets `ctx.status` and `ctx.body`
 * from the error and leaves headers set with `ctx.set` in place, so the fix sets the challenge on the handler's
 * `ctx` before the throw.
 */
export const strapiAdapter: SiteAdapter = {
  framework: 'strapi',
  nodeTypes: [T.NewExpression],
  mentions: /@strapi\/utils/,
  visit(node, context) {
    if (node.type !== T.NewExpression) return;
    const name = strapiErrorName(context.sourceCode, skipWrappers(node.callee));
    if (name === null) return;
    context.addSite(errorSite(node, name, context));
  },
};

/** Is `node` the `errors` export of `@strapi/utils`? */
function isStrapiErrors(sourceCode: SourceCode, node: Node): boolean {
  if (node.type === T.MemberExpression) {
    // require('@strapi/utils').errors, utils.errors
    if (propertyName(node) !== 'errors') return false;
    const object = skipWrappers(node.object);
    if (object.type === T.CallExpression) return sourceCode.getText(object).includes('@strapi/utils');
    const binding = object.type === T.Identifier ? bindingOf(sourceCode, object) : null;
    return binding?.kind === 'import' && binding.module === '@strapi/utils' && (binding.imported === 'default' || binding.imported === '*');
  }
  if (node.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, node);
  return binding?.kind === 'import' && binding.module === '@strapi/utils' && binding.imported === 'errors';
}

/** The Strapi error class a constructor refers to (`errors.ForbiddenError`, a destructured `ForbiddenError`), or null. */
function strapiErrorName(sourceCode: SourceCode, callee: Node): string | null {
  if (callee.type === T.MemberExpression) {
    const name = propertyName(callee);
    return name !== null && name in STRAPI_ERRORS && isStrapiErrors(sourceCode, skipWrappers(callee.object)) ? name : null;
  }
  if (callee.type !== T.Identifier) return null;
  const binding = bindingOf(sourceCode, callee);
  if (binding?.kind === 'import') {
    // const { ForbiddenError } = require('@strapi/utils').errors
    const imported = binding.imported ?? '';
    const viaErrors = binding.module === '@strapi/utils' && /\.\s*errors\s*$/.test(sourceCode.getText(binding.init));
    return viaErrors && imported in STRAPI_ERRORS ? imported : null;
  }
  if (!binding || binding.key === undefined || !(binding.key in STRAPI_ERRORS)) return null;
  // import { errors } from '@strapi/utils'; const { ForbiddenError } = errors;
  return binding.kind === 'const' && isStrapiErrors(sourceCode, skipWrappers(binding.init)) ? binding.key : null;
}

/** The handler's context: the first parameter named `ctx`/`context` of an enclosing function. */
function enclosingContext(node: Node): TSESTree.Identifier | null {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const first = fn.params[0];
    if (first?.type === T.Identifier && /^(ctx|context)$/.test(first.name)) return first;
  }
  return null;
}

function errorSite(call: TSESTree.NewExpression, name: string, context: AdapterContext): ResponseSite {
  const { sourceCode } = context;
  const code = STRAPI_ERRORS[name]!;
  const callee = skipWrappers(call.callee);
  const ctx = enclosingContext(call);
  const handle = ctx ? handleKey(sourceCode, ctx) : null;
  return {
    framework: 'strapi',
    node: callee.type === T.MemberExpression ? callee.property : callee,
    status: { code, node: null, form: { kind: 'literal' } },
    messages: call.arguments.filter((argument) => argument.type !== T.SpreadElement),
    carriers: [],
    hasHeader: (header) => handle !== null && context.headers.has(handle, header, call),
    edit(fixer, edit) {
      const fixes: RuleFix[] = [];
      if (edit.status !== undefined && edit.status !== code) {
        // Only `errors.X` can name another class without a new binding.
        const target = CLASS_FOR_STATUS[edit.status];
        if (!target || callee.type !== T.MemberExpression) return null;
        fixes.push(fixer.replaceText(callee.property, target));
      }
      if (edit.addHeader) {
        const fix = ctx && insertBeforeStatement(fixer, sourceCode, call, `${ctx.name}.set(${headerArguments(edit.addHeader)});`);
        if (!fix) return null;
        fixes.push(...[fix].flat());
      }
      return fixes;
    },
  };
}
