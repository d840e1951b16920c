import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, keyName, propertyName, skipWrappers, staticString, type Node, type SourceCode } from '../ast';

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

/** The package's default export, imported (`import create from 'axios-auth-refresh'`) or required (`.default` too). */
function isInterceptorFactory(sourceCode: SourceCode, callee: Node): boolean {
  let value = skipWrappers(callee);
  if (value.type === T.MemberExpression && propertyName(value) === 'default') value = skipWrappers(value.object);
  if (value.type === T.CallExpression) return isRequireOfModule(value);
  if (value.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, value);
  if (binding?.kind === 'import') return binding.module === MODULE && binding.imported === 'default';
  if (!binding || binding.kind === 'param' || binding.key !== undefined) return false;
  const init = skipWrappers(binding.init);
  const required = init.type === T.MemberExpression && propertyName(init) === 'default' ? skipWrappers(init.object) : init;
  return required.type === T.CallExpression && isRequireOfModule(required);
}

function isRequireOfModule(call: TSESTree.CallExpression): boolean {
  return call.callee.type === T.Identifier && call.callee.name === 'require' && !!call.arguments[0] && staticString(call.arguments[0]) === MODULE;
}
