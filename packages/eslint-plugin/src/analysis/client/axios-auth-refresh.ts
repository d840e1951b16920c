import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, keyName, propertyName, requiredModule, skipWrappers, type Node, type SourceCode } from '../ast';

const MODULE = 'axios-auth-refresh';

/** A status axios-auth-refresh is told to refresh the token and retry on (`statusCodes: [401, 403]`). */
export interface RefreshStatusOption {
  code: number;
  element: Node;
  list: readonly Node[];
}

/**
 * The statuses of `createAuthRefreshInterceptor(instance, refresh, { statusCodes: […] })`: axios-auth-refresh
 * refreshes the token and repeats the request on each (its default is 401 alone).
 */
export function refreshStatusOptions(sourceCode: SourceCode, call: TSESTree.CallExpression): RefreshStatusOption[] {
  const options = call.arguments[2] && skipWrappers(call.arguments[2]);
  if (options?.type !== T.ObjectExpression || !isInterceptorFactory(sourceCode, call.callee)) return [];
  const property = options.properties.find((candidate) => candidate.type === T.Property && keyName(candidate) === 'statusCodes');
  const list = property?.type === T.Property ? skipWrappers(property.value) : null;
  if (list?.type !== T.ArrayExpression) return [];
  const elements = list.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== T.SpreadElement);
  return elements.flatMap((element) => {
    const value = skipWrappers(element);
    return value.type === T.Literal && typeof value.value === 'number' ? [{ code: value.value, element, list: elements }] : [];
  });
}

/** The factory's names: the default export and, since version 5, the same function under two names. */
const FACTORY_EXPORTS: ReadonlySet<string> = new Set(['default', 'createAuthRefresh', 'createAuthRefreshInterceptor']);

/**
 * The package's factory: imported or required (`bindingOf` reads `require(…).default` as the default import), or
 * called on the `require(…)` itself.
 */
function isInterceptorFactory(sourceCode: SourceCode, callee: Node): boolean {
  const value = skipWrappers(callee);
  if (value.type === T.CallExpression || (value.type === T.MemberExpression && FACTORY_EXPORTS.has(propertyName(value) ?? ''))) return requiredModule(value) === MODULE;
  if (value.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, value);
  return binding?.kind === 'import' && binding.module === MODULE && FACTORY_EXPORTS.has(binding.imported ?? '');
}
