import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, isFunction, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { addHeaderToOptions, findProperty, headerProperty, statusEdit } from '../edits';
import { headerNamesOfOptions } from '../handles';
import { resolveStatus, type StatusValue } from '../status';
import type { AdapterContext, ResponseSite, RuleFix, SiteAdapter } from '../types';
import { errorStatusOfMethod, methodForStatus, namedHelperSite } from './status-methods';

/**
 * Kibana and OpenSearch Dashboards route handlers: `router.get({ path, validate }, async (context, request,
 * response) => …)`. The third parameter is the response factory: `response.unauthorized({ body, headers })` (401),
 * `response.forbidden(…)` (403), `response.badRequest(…)` (400) and `response.customError({ statusCode, body,
 * headers })`. Headers travel in the options object, so the fix adds them there.
 */
export const kibanaAdapter: SiteAdapter = {
  framework: 'kibana',
  nodeTypes: [T.CallExpression],
  visit(node, context) {
    if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return;
    const method = propertyName(node.callee);
    if (method === null || !isResponseFactory(context.sourceCode, node.callee.object)) return;
    const [options, ...rest] = node.arguments;
    if (options?.type === T.SpreadElement || rest.length > 0) return;
    const object = options ? skipWrappers(options) : null;
    if (object && object.type !== T.ObjectExpression) return;
    const site =
      method === 'customError' ? customErrorSite(node, object, context)
      : errorStatusOfMethod(method) !== undefined && method === methodForStatus(errorStatusOfMethod(method)!)
        ? namedSite(node, node.callee, object, errorStatusOfMethod(method)!, context)
        : null;
    if (site) context.addSite(site);
  },
};

/** The third parameter of a handler passed after a route config with a `path` (or a `version`, for `addVersion`). */
export function isResponseFactory(sourceCode: SourceCode, receiver: Node): boolean {
  const value = skipWrappers(receiver);
  if (value.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, value);
  const fn = binding?.kind === 'param' ? binding.declaration : null;
  if (!fn || !isFunction(fn) || fn.params[2] !== binding!.init) return false;
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.arguments[1] !== fn) return false;
  const config = call.arguments[0] && skipWrappers(call.arguments[0]);
  if (config?.type !== T.ObjectExpression) return false;
  // router.versioned.get({ path }).addVersion({ version, validate }, handler)
  const versioned = call.callee.type === T.MemberExpression && propertyName(call.callee) === 'addVersion' && findProperty(config, 'version') !== null;
  return versioned || findProperty(config, 'path') !== null;
}

function site(
  node: Node,
  status: StatusValue,
  options: TSESTree.ObjectExpression | null,
  edit: ResponseSite['edit'],
): ResponseSite {
  const headers = options ? headerNamesOfOptions(options) : [];
  const body = options ? findProperty(options, 'body')?.value : undefined;
  return {
    framework: 'kibana',
    node,
    status,
    messages: body ? [body] : [],
    carriers: [],
    hasHeader: (name) => headers.includes(name) || headers.includes('*'),
    edit,
  };
}

/** The header part of an edit: into the options' `headers`, or a new options object. */
function headerFix(
  fixer: Parameters<ResponseSite['edit']>[0],
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  options: TSESTree.ObjectExpression | null,
  header: { name: string; value: string },
): RuleFix | null {
  if (options) return addHeaderToOptions(fixer, sourceCode, options, header);
  // A call ends with its `)`.
  return fixer.insertTextBeforeRange([call.range[1] - 1, call.range[1]], `{ headers: { ${headerProperty(header)} } }`);
}

function namedSite(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  options: TSESTree.ObjectExpression | null,
  code: number,
  context: AdapterContext,
): ResponseSite {
  const headers = options ? headerNamesOfOptions(options) : [];
  const body = options ? findProperty(options, 'body')?.value : undefined;
  return {
    ...namedHelperSite(
      'kibana',
      call,
      callee,
      code,
      (name) => headers.includes(name) || headers.includes('*'),
      (fixer, header) => headerFix(fixer, context.sourceCode, call, options, header),
    ),
    messages: body ? [body] : [],
  };
}

/** `response.customError({ statusCode: 403, body })`. */
function customErrorSite(call: TSESTree.CallExpression, options: TSESTree.ObjectExpression | null, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const statusCode = options && findProperty(options, 'statusCode');
  const status = statusCode ? resolveStatus(sourceCode, statusCode.value) : null;
  if (!status || !options) return null;
  return site(status.node!, status, options, (fixer, edit) => {
    const fixes = statusEdit(fixer, sourceCode, status, edit);
    if (!fixes) return null;
    if (edit.addHeader) {
      const fix = headerFix(fixer, sourceCode, call, options, edit.addHeader);
      if (!fix) return null;
      fixes.push(fix);
    }
    return fixes;
  });
}
