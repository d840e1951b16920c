import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, enclosingFunction, isFunction, keyName, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { findProperty } from '../edits';
import type { SiteAdapter } from '../types';
import { resultObjectSites, type ResultShape } from './result-object';
import { importedModules } from './file-imports';
import { isImportOf, isModuleObject } from './transport-code';

const AZURE_MODULE = /^@azure\/functions$/;
/** `app` methods that register an HTTP function (`@azure/functions` v4 `types/app.d.ts`). */
const HTTP_REGISTRATIONS = new Set(['http', 'get', 'post', 'put', 'patch', 'deleteRequest']);
const AZURE_RESULT: ResultShape = { framework: 'azure-functions', statusKey: 'status', headerKeys: ['headers'], bodyKeys: ['jsonBody', 'body'] };

/**
 * Azure Functions v4 HTTP handlers (`app.http(name, { handler })`, `app.get(name, handler)`): the
 * `HttpResponseInit` they return (`{ status, headers, jsonBody }`, also inside `new HttpResponse({ … })`) is the
 * response; the fix adds to its `headers` object.
 */
export const azureFunctionsAdapter: SiteAdapter = {
  framework: 'azure-functions',
  nodeTypes: [T.ObjectExpression],
  visit(node, context) {
    if (node.type !== T.ObjectExpression || !findProperty(node, 'status')) return;
    const fn = functionAnswering(context.sourceCode, node);
    if (!(fn && isRegisteredHandler(context.sourceCode, fn)) && !isV3Response(context.sourceCode, node)) return;
    for (const site of resultObjectSites(node, AZURE_RESULT, context)) context.addSite(site);
  },
};

/**
 * The v3 programming model: `context.res = { status, headers, body }`, where `context` is the handler's parameter
 * in a file that imports `@azure/functions`. The host sends `context.res` when the function returns.
 */
function isV3Response(sourceCode: SourceCode, object: TSESTree.ObjectExpression): boolean {
  const assignment = object.parent;
  if (assignment?.type !== T.AssignmentExpression || assignment.right !== object || assignment.left.type !== T.MemberExpression) return false;
  const target = assignment.left;
  if (propertyName(target) !== 'res' || target.object.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, target.object);
  if (binding?.kind !== 'param') return false;
  return importedModules(sourceCode).some((module) => AZURE_MODULE.test(module)) || requiresAzure(sourceCode) || isExportedV3Handler(binding.declaration, binding.init);
}

/**
 * A v3 JavaScript function imports nothing (its `function.json` declares it): `module.exports = async function (context,
 * req) { … }`, the module's export taking the context first and the request second.
 */
function isExportedV3Handler(fn: Node, parameter: Node): boolean {
  if (!isFunction(fn) || fn.params.length < 2 || fn.params[0] !== parameter || parameter.type !== T.Identifier || parameter.name !== 'context') return false;
  const assignment = fn.parent;
  if (assignment?.type === T.ExportDefaultDeclaration) return true;
  if (assignment?.type !== T.AssignmentExpression || assignment.right !== fn || assignment.left.type !== T.MemberExpression) return false;
  const target = assignment.left;
  return target.object.type === T.Identifier && target.object.name === 'module' && propertyName(target) === 'exports';
}

function requiresAzure(sourceCode: SourceCode): boolean {
  return /\brequire\s*\(\s*['"]@azure\/functions['"]\s*\)/.test(sourceCode.text);
}

/** The function whose answer `object` is: returned (or an arrow's body), directly or as `new HttpResponse(object)`. */
function functionAnswering(sourceCode: SourceCode, object: TSESTree.ObjectExpression): TSESTree.FunctionLike | null {
  let current: Node = object;
  while (current.parent && skipWrappers(current.parent) === skipWrappers(current)) current = current.parent;
  const wrapper = current.parent;
  if (wrapper?.type === T.NewExpression && wrapper.arguments[0] === current) {
    const callee = skipWrappers(wrapper.callee);
    if (callee.type !== T.Identifier || !isImportOf(sourceCode, callee, 'HttpResponse', AZURE_MODULE)) return null;
    current = wrapper;
  }
  const parent = current.parent;
  if (parent?.type === T.ReturnStatement) return enclosingFunction(parent);
  return parent && isFunction(parent) && parent.body === current ? parent : null;
}

/** Is `fn` given to `app.http/get/post/…` from `@azure/functions`, inline or by name? */
function isRegisteredHandler(sourceCode: SourceCode, fn: TSESTree.FunctionLike): boolean {
  const registration = registrationValue(fn);
  if (registration) return isRegistration(sourceCode, registration);
  const name = fn.type === T.FunctionDeclaration ? fn.id : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id : null;
  const variable = name && sourceCode.getDeclaredVariables(fn.type === T.FunctionDeclaration ? fn : fn.parent!).find((v) => v.name === name.name);
  return !!variable?.references.some((reference) => {
    const use = registrationValue(reference.identifier as Node);
    return use !== null && isRegistration(sourceCode, use);
  });
}

/** The `app.x(name, …)` call `value` is the handler of: its second argument, or that options object's `handler`. */
function registrationValue(value: Node): TSESTree.CallExpression | null {
  const parent = value.parent;
  if (parent?.type === T.CallExpression && parent.arguments[1] === value) return parent;
  const options = parent?.type === T.Property && parent.value === value && keyName(parent) === 'handler' ? parent.parent : null;
  const call = options?.parent;
  return call?.type === T.CallExpression && call.arguments[1] === options ? call : null;
}

function isRegistration(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== T.MemberExpression || !HTTP_REGISTRATIONS.has(propertyName(callee) ?? '')) return false;
  const app = skipWrappers(callee.object);
  if (app.type === T.Identifier) return isImportOf(sourceCode, app, 'app', AZURE_MODULE);
  // const functions = require('@azure/functions'); functions.app.http(…)
  const module = app.type === T.MemberExpression && propertyName(app) === 'app' ? skipWrappers(app.object) : null;
  return module?.type === T.Identifier && isModuleObject(sourceCode, module, AZURE_MODULE);
}
