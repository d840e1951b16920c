import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, isFunction, memberPath, propertyName, pushChildren, skipWrappers, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { replaceStatus } from '../edits';
import { handleKey } from '../handles';
import { resolveStatus, type StatusValue } from '../status';
import { statusFromName, statusName } from '../status-names';
import type { AdapterContext, ResponseSite, RuleFix, SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { insertBeforeStatement } from './statement-edits';

const LOOPBACK_REST = '@loopback/rest';

/**
 * LoopBack 4: `HttpErrors` from @loopback/rest is http-errors (`new HttpErrors.Unauthorized(msg)`,
 * `HttpErrors.Forbidden(msg)`, `new HttpErrors[401](msg)`, `HttpErrors(403, msg)`), but LoopBack's reject action
 * writes errors with strong-error-handler, which ignores `err.headers`. A header set on the response before the
 * throw survives, so the fix uses a response injected with `@inject(RestBindings.Http.RESPONSE)`.
 */
export const loopbackAdapter: SiteAdapter = {
  framework: 'loopback',
  nodeTypes: [T.CallExpression, T.NewExpression],
  visit(node, context) {
    if (node.type !== T.NewExpression && node.type !== T.CallExpression) return;
    const callee = skipWrappers(node.callee);
    if (callee.type === T.Identifier && isHttpErrors(context.sourceCode, callee)) {
      const site = factorySite(node, context);
      if (site) context.addSite(site);
    } else if (callee.type === T.MemberExpression) {
      const object = skipWrappers(callee.object);
      const name = propertyName(callee);
      if (object.type !== T.Identifier || name === null || !isHttpErrors(context.sourceCode, object)) return;
      const code = /^\d{3}$/.test(name) ? Number(name) : /^[A-Z]/.test(name) ? statusFromName(name) : undefined;
      if (code !== undefined) context.addSite(namedSite(node, callee, code, context));
    }
  },
};

function isHttpErrors(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  if (identifier.name !== 'HttpErrors') return false;
  const binding = bindingOf(sourceCode, identifier);
  return binding?.kind === 'import' && binding.module === LOOPBACK_REST && binding.imported === 'HttpErrors';
}

/** How the code can reach the injected response: `this.response` (constructor injection) or a method parameter. */
interface InjectedResponse {
  expression: string | null;
  /** `this.response` / `response` expressions in the method, the handles headers are recorded on. */
  references: Node[];
}

function isResponseInjection(decorators: TSESTree.Decorator[] | undefined): boolean {
  return (decorators ?? []).some((decorator) => {
    const call = skipWrappers(decorator.expression);
    if (call.type !== T.CallExpression || calleeName(call) !== 'inject' || !call.arguments[0]) return false;
    const key = memberPath(call.arguments[0]);
    return key !== null && key.join('.').endsWith('Http.RESPONSE');
  });
}

function injectedResponse(sourceCode: SourceCode, site: Node): InjectedResponse {
  let method: TSESTree.FunctionExpression | null = null;
  for (let current = site.parent; current; current = current.parent) {
    if (current.type === T.FunctionExpression && current.parent?.type === T.MethodDefinition) {
      method = current;
      break;
    }
    // A `function` expression has its own `this`; arrows keep the method's.
    if (isFunction(current) && current.type !== T.ArrowFunctionExpression) return { expression: null, references: [] };
  }
  if (!method) return { expression: null, references: [] };
  const parameter = method.params.find((param) => param.type === T.Identifier && isResponseInjection(param.decorators));
  if (parameter?.type === T.Identifier) return { expression: parameter.name, references: [parameter] };
  const body = (method.parent as TSESTree.MethodDefinition).parent as TSESTree.ClassBody;
  const name = injectedProperty(body);
  if (!name) return { expression: null, references: [] };
  return { expression: `this.${name}`, references: thisMembers(sourceCode, method, name) };
}

/** `constructor(@inject(RestBindings.Http.RESPONSE) private response: Response)` or an injected class property. */
function injectedProperty(body: TSESTree.ClassBody): string | null {
  for (const member of body.body) {
    if (member.type === T.PropertyDefinition && isResponseInjection(member.decorators) && member.key.type === T.Identifier) return member.key.name;
    if (member.type !== T.MethodDefinition || member.kind !== 'constructor') continue;
    for (const param of member.value.params) {
      if (param.type === T.TSParameterProperty && param.parameter.type === T.Identifier && isResponseInjection(param.decorators)) {
        return param.parameter.name;
      }
    }
  }
  return null;
}

/** Every `this.<name>` in a method (each handle is keyed by the function it is read in). */
function thisMembers(sourceCode: SourceCode, method: TSESTree.FunctionExpression, name: string): Node[] {
  const found: Node[] = [];
  const stack: Node[] = [method.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === T.MemberExpression && node.object.type === T.ThisExpression && propertyName(node) === name) found.push(node);
    pushChildren(sourceCode, node, stack);
  }
  return found;
}

function site(
  call: TSESTree.NewExpression | TSESTree.CallExpression,
  node: Node,
  status: StatusValue,
  messages: Node[],
  renameStatus: (fixer: Parameters<ResponseSite['edit']>[0], code: number) => RuleFix | null,
  context: AdapterContext,
): ResponseSite {
  const { sourceCode } = context;
  const response = injectedResponse(sourceCode, call);
  return {
    framework: 'loopback',
    node,
    status,
    messages,
    carriers: carriersOf(call),
    headerLimitation: response.expression
      ? `LoopBack's error handler ignores an error's headers: set it on \`${response.expression}\` before throwing`
      : "LoopBack's error handler ignores an error's headers: inject the response (`@inject(RestBindings.Http.RESPONSE)`) and call its `setHeader('WWW-Authenticate', …)` before throwing",
    hasHeader: (name) =>
      response.references.some((reference) => {
        const handle = handleKey(sourceCode, reference);
        return handle !== null && context.headers.has(handle, name, call);
      }),
    edit(fixer, edit) {
      const fixes: RuleFix[] = [];
      if (edit.status !== undefined && edit.status !== status.code) {
        const fix = renameStatus(fixer, edit.status);
        if (!fix) return null;
        fixes.push(fix);
      }
      if (edit.addHeader) {
        if (!response.expression) return null;
        const statement = `${response.expression}.setHeader(${jsString(edit.addHeader.name)}, ${jsString(edit.addHeader.value)});`;
        const inserted = insertBeforeStatement(fixer, sourceCode, call, statement);
        if (!inserted) return null;
        fixes.push(...inserted);
      }
      return fixes;
    },
  };
}

/** `new HttpErrors.Forbidden(msg)`, `HttpErrors[403](msg)`. */
function namedSite(call: TSESTree.NewExpression | TSESTree.CallExpression, callee: TSESTree.MemberExpression, code: number, context: AdapterContext): ResponseSite {
  const messages = call.arguments.filter((argument) => argument.type !== T.SpreadElement);
  return site(call, callee.property, { code, node: null, form: { kind: 'literal' } }, messages, (fixer, newCode) => {
    if (callee.computed) return fixer.replaceText(callee.property, String(newCode));
    const name = statusName(newCode, 'PascalCase');
    return name ? fixer.replaceText(callee.property, name) : null;
  }, context);
}

/** `HttpErrors(403, msg)`. */
function factorySite(call: TSESTree.NewExpression | TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const first = call.arguments[0];
  if (!first || first.type === T.SpreadElement) return null;
  const status = resolveStatus(context.sourceCode, first);
  if (!status) return null;
  const messages = call.arguments.slice(1).filter((argument) => argument.type !== T.SpreadElement);
  return site(call, first, status, messages, (fixer, newCode) => replaceStatus(fixer, context.sourceCode, status, newCode), context);
}
