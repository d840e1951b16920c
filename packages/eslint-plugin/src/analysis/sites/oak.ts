import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { findVariable, keyName, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { headerArguments, headerProperty, statusEdit } from '../edits';
import { statusText } from '../status';
import type { ResponseEdit, ResponseSite, RuleFix, RuleFixer } from '../types';
import { importedModules } from './file-imports';
import { ensureNamedImport } from './named-import';

/** oak on npm (`@oakserver/oak`), JSR (`@oak/oak`, `jsr:@oak/oak`) and deno.land (`https://deno.land/x/oak@v12/mod.ts`). */
export const OAK_MODULE = /^(@oakserver\/oak|(jsr:)?@oak\/oak|https:\/\/deno\.land\/x\/oak(@[^/]+)?)(\/|$)/;

/** Does the file import oak? Its context looks like Koa's, but headers live on `ctx.response.headers` (a `Headers`). */
export function isOakFile(sourceCode: SourceCode): boolean {
  return importedModules(sourceCode).some((module) => OAK_MODULE.test(module));
}

/**
 * `ctx.response.headers.set(…)`: where oak sets a header of the response `ctx` answers with; `response.headers.set(…)`
 * when `owner` is the response itself, destructured from the context.
 */
export function oakHeaderStatement(owner: Node, sourceCode: SourceCode, header: { name: string; value: string }): string {
  const response = isDestructuredOakResponse(sourceCode, owner) ? sourceCode.getText(owner) : `${sourceCode.getText(owner)}.response`;
  return `${response}.headers.set(${headerArguments(header)});`;
}

/**
 * `response` destructured from an oak middleware's context parameter (`async ({ request, response }, next) => …`),
 * in a file that imports oak: the same response as `ctx.response`.
 */
export function isDestructuredOakResponse(sourceCode: SourceCode, node: Node): node is TSESTree.Identifier {
  const value = skipWrappers(node);
  if (value.type !== T.Identifier) return false;
  const definition = findVariable(sourceCode, value)?.defs;
  if (definition?.length !== 1 || definition[0]!.type !== 'Parameter') return false;
  const property = definition[0]!.name.parent;
  if (property?.type !== T.Property || property.value !== definition[0]!.name || keyName(property) !== 'response') return false;
  const pattern = property.parent;
  const fn = definition[0]!.node as TSESTree.FunctionLike;
  return pattern?.type === T.ObjectPattern && fn.params[0] === pattern && isOakFile(sourceCode);
}

/** Is `target` (the object a header method is called on) `ctx.response.headers`? */
export function isOakResponseHeaders(target: Node): TSESTree.MemberExpression | null {
  const value = skipWrappers(target);
  if (value.type !== T.MemberExpression || propertyName(value) !== 'headers') return null;
  const response = skipWrappers(value.object);
  return response.type === T.MemberExpression && propertyName(response) === 'response' ? response : null;
}

/**
 * oak's `ctx.throw(status, message?)` cannot carry a header: its `HttpError.headers` is a getter (so `props` with
 * `headers` throws), and oak's application error handler deletes every header set before the throw (oak
 * `application.ts`). The challenge fix throws oak's `createHttpError(status, message, { headers })` instead.
 */
export function oakThrowSite(site: ResponseSite, call: TSESTree.CallExpression, sourceCode: SourceCode): ResponseSite {
  return {
    ...site,
    framework: 'oak',
    edit(fixer: RuleFixer, edit: ResponseEdit): RuleFix[] | null {
      if (!edit.addHeader) return statusEdit(fixer, sourceCode, site.status, edit);
      const [first, message, props] = call.arguments;
      const statement = call.parent;
      const module = importedModules(sourceCode).find((name) => OAK_MODULE.test(name));
      if (!first || props || !site.status.node || statement?.type !== T.ExpressionStatement || !module) return null;
      if (call.arguments.some((argument) => argument.type === T.SpreadElement)) return null;
      const imported = ensureNamedImport(fixer, sourceCode, module, 'createHttpError');
      if (!imported) return null;
      const code = edit.status ?? site.status.code;
      const status = statusText(site.status.form, code, sourceCode.getText(site.status.node));
      const text = message ? sourceCode.getText(message) : 'undefined';
      return [...imported, fixer.replaceText(statement, `throw createHttpError(${status}, ${text}, { headers: { ${headerProperty(edit.addHeader)} } });`)];
    },
  };
}
