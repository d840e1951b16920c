import { STATUS_CODES } from 'node:http';
import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import {
  bindingOf,
  calleeName,
  enclosingFunction,
  findVariable,
  isFunction,
  propertyName,
  skipWrappers,
  staticString,
  type Node,
  type SourceCode,
} from '../ast';
import { jsString } from '../challenge';
import {
  addHeaderToOptions,
  findProperty,
  headerArguments,
  headerProperty,
  indentOf,
  insertStatementAfter,
  removeHeaderFromOptions,
  statusEdit,
} from '../edits';
import { handleKey, headerNamesOfArguments, headerNamesOfObject, headerNamesOfOptions, type HandleKey } from '../handles';
import { followingStatements } from '../response-object';
import { resolveStatus, type StatusValue } from '../status';
import type { AdapterContext, ResponseEdit, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { carriersOf, errorHandleOf } from './error-objects';

/** Where h3's helpers come from: h3 itself, and the auto-imports of Nitro and Nuxt. */
const H3_MODULES = new Set(['h3', '#imports', 'nitropack/runtime', 'nitro/runtime', 'nitro/h3', 'nitro', '#app', 'nuxt/app']);
/** Nuxt's app-side (browser) `createError`: there is no server event to set a header on. */
const APP_MODULES = new Set(['#app', 'nuxt/app']);
/** h3's header setters: `(event, name, value)` or `(event, { name: value })`. */
const HEADER_FUNCTIONS = new Set([
  'setResponseHeader',
  'setHeader',
  'appendResponseHeader',
  'appendHeader',
  'setResponseHeaders',
  'setHeaders',
  'appendResponseHeaders',
  'appendHeaders',
]);
/** Code only h3 v2 has: `event.req`/`event.res` (a Request and a prepared response), `H3`, `HTTPError`, `defineHandler`. */
const V2_EVIDENCE = /\bevent\s*\.\s*(req|res)\b|\b(new\s+H3\b|HTTPError\b|defineHandler\s*\()/;
/** Calls whose function argument receives the h3 event first. */
const HANDLER_FACTORIES = /^(defineEventHandler|eventHandler|defineHandler|defineCachedEventHandler|defineLazyEventHandler|defineMiddleware|defineNitroMiddleware)$/;

/**
 * h3 / Nitro / Nuxt: `createError({ statusCode | status, … })`, `new HTTPError(…)` and `HTTPError.status(n)` (v2),
 * `setResponseStatus(event, n)`, `event.res.status = n` (v2); headers from `setResponseHeader(s)`, `appendResponseHeader`,
 * `event.res.headers.set`, `event.res.errHeaders.set`, `event.node.res.setHeader` are recorded on the event.
 *
 * A thrown error's headers differ between majors: h3 v1 (Nitro 2, Nuxt 3/4) ignores `createError`'s `headers` but
 * keeps headers already set on the event; h3 v2 drops the event's headers for an error response and sends the error's
 * `headers` and those of `event.res.errHeaders` (v2 `prepareResponse`/`errorResponse`). Unless the file shows v2-only
 * code, headers set on the event count for a thrown error (precision first); the fix for `createError` sets both,
 * so it works on either major.
 */
export const h3Adapter: SiteAdapter = {
  framework: 'h3',
  nodeTypes: [T.CallExpression, T.NewExpression, T.AssignmentExpression],
  visit(node, context) {
    const { sourceCode } = context;
    if (node.type === T.NewExpression) {
      if (isH3Export(sourceCode, node.callee, ['HTTPError', 'H3Error'], false)) addSite(context, httpErrorSite(node, context));
      return;
    }
    if (node.type === T.AssignmentExpression) {
      addSite(context, resStatusSite(node, context));
      return;
    }
    if (node.type !== T.CallExpression) return;
    const callee = skipWrappers(node.callee);
    if (callee.type === T.Identifier) {
      if (callee.name === 'createError' && isH3Export(sourceCode, callee, ['createError'], true)) addSite(context, createErrorSite(node, callee, context));
      else if (callee.name === 'setResponseStatus' && isH3Export(sourceCode, callee, ['setResponseStatus'], true)) addSite(context, setStatusSite(node, callee, context));
      else if (HEADER_FUNCTIONS.has(callee.name) && isH3Export(sourceCode, callee, [callee.name], true)) recordHeaderFunction(node, callee.name, context);
    } else if (callee.type === T.MemberExpression) {
      if (propertyName(callee) === 'status' && isH3Export(sourceCode, callee.object, ['HTTPError', 'H3Error'], false)) {
        addSite(context, httpErrorStatusSite(node, context));
      } else {
        recordEventHeader(node, callee, context);
      }
    }
  },
};

function addSite(context: AdapterContext, site: ResponseSite | null): void {
  if (site) context.addSite(site);
}

/** Is `node` one of h3's exports `names`: imported from h3 (or Nitro/Nuxt), or, when `autoImported`, a free name? */
function isH3Export(sourceCode: SourceCode, node: Node, names: string[], autoImported: boolean): boolean {
  const value = skipWrappers(node);
  // Under its own name only (no aliases): this runs for every call and `new`.
  if (value.type !== T.Identifier || !names.includes(value.name)) return false;
  const binding = bindingOf(sourceCode, value);
  if (binding === null) return autoImported && !findVariable(sourceCode, value);
  return binding.kind === 'import' && binding.module !== undefined && H3_MODULES.has(binding.module) && names.includes(binding.imported ?? '');
}

// ---- headers recorded on the event -------------------------------------------------------------------------

function recordHeaderFunction(call: TSESTree.CallExpression, name: string, context: AdapterContext): void {
  const [event, ...rest] = call.arguments;
  if (!event || event.type === T.SpreadElement) return;
  const handle = handleKey(context.sourceCode, event);
  const names = name.endsWith('Headers') ? (rest[0] && rest[0].type !== T.SpreadElement ? headerNamesOfObject(rest[0], context.sourceCode) : ['*']) : headerNamesOfArguments(rest);
  if (handle) context.headers.record(handle, names, call);
}

/** `event.res.headers.set(…)`, `event.res.errHeaders.append(…)`, `event.node.res.setHeader(…)`. */
function recordEventHeader(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, context: AdapterContext): void {
  const method = propertyName(callee);
  const holder = skipWrappers(callee.object);
  if (holder.type !== T.MemberExpression) return;
  const part = propertyName(holder);
  const res = skipWrappers(holder.object);
  let event: Node | null = null;
  if ((part === 'headers' || part === 'errHeaders') && (method === 'set' || method === 'append') && res.type === T.MemberExpression && propertyName(res) === 'res') {
    event = res.object;
  } else if (part === 'res' && (method === 'setHeader' || method === 'appendHeader') && res.type === T.MemberExpression && propertyName(res) === 'node') {
    event = res.object;
  }
  const handle = event && handleKey(context.sourceCode, event);
  if (handle) context.headers.record(part === 'errHeaders' ? errorHeadersOf(handle) : handle, headerNamesOfArguments(call.arguments), call);
}

/** Where `event.res.errHeaders` (v2: headers for error responses only) are recorded for an event's handle. */
function errorHeadersOf(event: HandleKey): HandleKey {
  return `${event}#errHeaders`;
}

/** The event parameter of the handler around `node`: `defineEventHandler((event) => …)`, `function (event) {…}`. */
function eventParameter(node: Node): TSESTree.Identifier | null {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const first = fn.params[0];
    if (first?.type !== T.Identifier) continue;
    const factory = fn.parent?.type === T.CallExpression ? calleeName(fn.parent) : null;
    if (first.name === 'event' || (factory !== null && HANDLER_FACTORIES.test(factory))) return first;
  }
  return null;
}

function eventHasHeader(context: AdapterContext, handle: HandleKey | null, name: string, site: Node): boolean {
  return handle !== null && context.headers.has(handle, name, site);
}

// ---- sites -------------------------------------------------------------------------------------------------

interface ErrorParts {
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  status: StatusValue;
  /** The error's details object (`{ status, message, headers }`), or null when there is none to edit. */
  details: TSESTree.ObjectExpression | null;
  messages: Node[];
  /** `statusMessage` / `statusText`: rewritten with the new code's reason phrase when it is the old one's. */
  statusText: Node | null;
  /** How to put a header on the event before the error is thrown (h3 v1), when the fix can. */
  eventSetter: EventSetter | null;
}

function statusOfDetails(sourceCode: SourceCode, details: TSESTree.ObjectExpression): StatusValue | null {
  const property = findProperty(details, 'statusCode') ?? findProperty(details, 'status');
  return property ? resolveStatus(sourceCode, property.value) : null;
}

function detailMessages(details: TSESTree.ObjectExpression): Node[] {
  return ['message', 'statusMessage', 'statusText', 'data'].flatMap((key) => {
    const property = findProperty(details, key);
    return property ? [property.value] : [];
  });
}

function statusTextOf(details: TSESTree.ObjectExpression | null): Node | null {
  if (!details) return null;
  return (findProperty(details, 'statusMessage') ?? findProperty(details, 'statusText'))?.value ?? null;
}

/** `createError({ statusCode: 403, statusMessage })` (v1 and v2; Nitro and Nuxt auto-import it). */
function createErrorSite(call: TSESTree.CallExpression, callee: TSESTree.Identifier, context: AdapterContext): ResponseSite | null {
  const first = call.arguments[0] && skipWrappers(call.arguments[0]);
  if (first?.type !== T.ObjectExpression) return null;
  const status = statusOfDetails(context.sourceCode, first);
  if (!status) return null;
  return errorSite(
    { call, status, details: first, messages: detailMessages(first), statusText: statusTextOf(first), eventSetter: eventSetterFor(context.sourceCode, call, callee) },
    context,
  );
}

/** `new HTTPError({ status, message })` or `new HTTPError(message, { status })` (v2). */
function httpErrorSite(call: TSESTree.NewExpression, context: AdapterContext): ResponseSite | null {
  const [first, second] = call.arguments.map((argument) => skipWrappers(argument));
  const details = first?.type === T.ObjectExpression ? first : second?.type === T.ObjectExpression ? second : null;
  if (!details) return null;
  const status = statusOfDetails(context.sourceCode, details);
  if (!status) return null;
  const messages = [...(details === first ? [] : [first!]), ...detailMessages(details)];
  return errorSite({ call, status, details, messages, statusText: statusTextOf(details), eventSetter: null }, context);
}

/** `HTTPError.status(403, 'Forbidden', { message })` (v2). */
function httpErrorStatusSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const [code, text, third] = call.arguments;
  if (!code || code.type === T.SpreadElement || call.arguments.some((argument) => argument.type === T.SpreadElement)) return null;
  const status = resolveStatus(context.sourceCode, code);
  if (!status) return null;
  const details = third && skipWrappers(third).type === T.ObjectExpression ? (skipWrappers(third) as TSESTree.ObjectExpression) : null;
  if (third && !details) return null;
  const messages = [...(text ? [text] : []), ...(details ? detailMessages(details) : [])];
  return errorSite({ call, status, details, messages, statusText: text ?? null, eventSetter: null }, context);
}

function errorSite(parts: ErrorParts, context: AdapterContext): ResponseSite {
  const { sourceCode } = context;
  const { call, status, details } = parts;
  const ownHeaders = details ? headerNamesOfOptions(details) : [];
  const event = eventParameter(call);
  const eventHandle = event && handleKey(sourceCode, event);
  const errorHandle = errorHandleOf(sourceCode, call);
  // h3 v2 sends an error with its own headers and `errHeaders`, dropping the others set on the event.
  const v2 = V2_EVIDENCE.test(sourceCode.text);
  return {
    framework: 'h3',
    node: status.node!,
    status,
    messages: parts.messages,
    carriers: carriersOf(call),
    hasHeader(name) {
      if (ownHeaders.includes(name) || ownHeaders.includes('*')) return true;
      if (eventHandle && eventHasHeader(context, errorHeadersOf(eventHandle), name, call)) return true;
      return (!v2 && eventHasHeader(context, eventHandle, name, call)) || eventHasHeader(context, errorHandle, name, call);
    },
    edit(fixer, edit) {
      const fixes = statusFixes(fixer, sourceCode, status, parts.statusText, edit);
      if (!fixes) return null;
      if (edit.addHeader) {
        if (details) {
          const fix = addHeaderToOptions(fixer, sourceCode, details, edit.addHeader);
          if (!fix) return null;
          fixes.push(fix);
        } else {
          // HTTPError.status(n[, text]) → HTTPError.status(n, text, { headers })
          const text = call.arguments[1] ? '' : ', undefined';
          fixes.push(fixer.insertTextAfter(call.arguments[call.arguments.length - 1]!, `${text}, { headers: { ${headerProperty(edit.addHeader)} } }`));
        }
        // h3 v1 ignores the error's headers: set the header on the event too, unless the file is v2 or already does.
        const name = edit.addHeader.name.toLowerCase();
        if (parts.eventSetter && event && !v2 && !eventHasHeader(context, eventHandle, name, call)) {
          fixes.push(...parts.eventSetter.set(fixer, event.name, edit.addHeader));
        }
      }
      if (edit.removeHeader && details) {
        const removal = removeHeaderFromOptions(fixer, sourceCode, details, edit.removeHeader);
        if (removal) fixes.push(removal.fix);
      }
      return fixes;
    },
  };
}

/** The new status, and the reason phrase next to it when it was the old status's standard one (`'Forbidden'`). */
function statusFixes(fixer: RuleFixer, sourceCode: SourceCode, status: StatusValue, statusText: Node | null, edit: ResponseEdit): RuleFix[] | null {
  const fixes = statusEdit(fixer, sourceCode, status, edit);
  if (!fixes || edit.status === undefined) return fixes;
  const phrase = statusText ? staticString(statusText) : null;
  const next = STATUS_CODES[edit.status];
  if (statusText && next && phrase === STATUS_CODES[status.code]) fixes.push(fixer.replaceText(statusText, jsString(next)));
  return fixes;
}

/** `setResponseStatus(event, 403[, text])`: the status of the response the handler returns. */
function setStatusSite(call: TSESTree.CallExpression, callee: TSESTree.Identifier, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const [event, code, text] = call.arguments;
  if (!event || !code || event.type === T.SpreadElement || code.type === T.SpreadElement || text?.type === T.SpreadElement) return null;
  const status = resolveStatus(sourceCode, code);
  if (!status) return null;
  const handle = handleKey(sourceCode, event);
  const setter = eventSetterFor(sourceCode, call, callee);
  return {
    framework: 'h3',
    node: code,
    status,
    messages: [...(text ? [text] : []), ...returnedValues(call)],
    carriers: [],
    hasHeader(name) {
      return eventHasHeader(context, handle, name, call);
    },
    edit(fixer, edit) {
      const fixes = statusFixes(fixer, sourceCode, status, text ?? null, edit);
      if (!fixes) return null;
      if (edit.addHeader) {
        if (!setter) return null;
        const added = setter.setAfter(fixer, call, sourceCode.getText(event), edit.addHeader);
        if (!added) return null;
        fixes.push(...added);
      }
      return fixes;
    },
  };
}

/** `event.res.status = 403` (v2). */
function resStatusSite(assignment: TSESTree.AssignmentExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const target = assignment.left;
  if (assignment.operator !== '=' || target.type !== T.MemberExpression || propertyName(target) !== 'status') return null;
  const res = skipWrappers(target.object);
  if (res.type !== T.MemberExpression || propertyName(res) !== 'res') return null;
  const event = skipWrappers(res.object);
  if (event.type !== T.Identifier || !/^(event|evt|h3Event)$/.test(event.name)) return null;
  const status = resolveStatus(sourceCode, assignment.right);
  if (!status) return null;
  const handle = handleKey(sourceCode, event);
  return {
    framework: 'h3',
    node: assignment.right,
    status,
    messages: returnedValues(assignment),
    carriers: [],
    hasHeader(name) {
      return eventHasHeader(context, handle, name, assignment);
    },
    edit(fixer, edit) {
      const fixes = statusFixes(fixer, sourceCode, status, null, edit);
      if (!fixes) return null;
      if (edit.addHeader) {
        const fix = insertStatementAfter(fixer, sourceCode, assignment, `${event.name}.res.headers.set(${headerArguments(edit.addHeader)});`);
        if (!fix) return null;
        fixes.push(fix);
      }
      return fixes;
    },
  };
}

/** `return { message }` right after the status: the handler's body. */
function returnedValues(node: Node): Node[] {
  return followingStatements(node, 2).flatMap((statement) =>
    statement.type === T.ReturnStatement && statement.argument ? [statement.argument] : [],
  );
}

// ---- setting a header on the event in a fix ------------------------------------------------------------------

interface EventSetter {
  /** `setResponseHeader(event, name, value);` before the statement holding `node` (braces added when needed). */
  set(fixer: RuleFixer, event: string, header: { name: string; value: string }): RuleFix[];
  /** The same statement right after the expression statement holding `node`, or null when there is none. */
  setAfter(fixer: RuleFixer, node: Node, event: string, header: { name: string; value: string }): RuleFix[] | null;
}

/**
 * How a fix can call `setResponseHeader` where `callee` (an h3 function) is used: through the same import
 * (adding `setResponseHeader` to it when missing), or as a Nitro/Nuxt auto-import. Null when neither works.
 */
function eventSetterFor(sourceCode: SourceCode, site: Node, callee: TSESTree.Identifier): EventSetter | null {
  const variable = findVariable(sourceCode, callee);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  let name = 'setResponseHeader';
  let addImport: ((fixer: RuleFixer) => RuleFix) | null = null;
  const existing = findScopedName(sourceCode, site, name);
  if (!definition) {
    if (existing && !isH3Export(sourceCode, existing, [name], true)) return null;
  } else {
    if (definition.type !== 'ImportBinding') return null;
    const declaration = definition.parent as TSESTree.ImportDeclaration;
    const module = String(declaration.source.value);
    if (APP_MODULES.has(module)) return null;
    const imported = declaration.specifiers.find(
      (specifier) => specifier.type === T.ImportSpecifier && importedName(specifier) === name,
    );
    if (imported) name = imported.local.name;
    else if (existing) return null;
    else {
      const last = declaration.specifiers[declaration.specifiers.length - 1]!;
      if (last.type !== T.ImportSpecifier) return null;
      addImport = (fixer) => fixer.insertTextAfter(last, `, ${name}`);
    }
  }
  const call = (event: string, header: { name: string; value: string }) =>
    `${name}(${event}, ${headerArguments(header)});`;
  const withImport = (fixes: RuleFix[], fixer: RuleFixer) => (addImport ? [addImport(fixer), ...fixes] : fixes);
  return {
    set(fixer, event, header) {
      return withImport(insertBeforeStatement(fixer, sourceCode, site, call(event, header)), fixer);
    },
    setAfter(fixer, node, event, header) {
      const fix = insertStatementAfter(fixer, sourceCode, node, call(event, header));
      return fix ? withImport([fix], fixer) : null;
    },
  };
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
}

/** The identifier `name` refers to where `node` is, if anything declares it. */
function findScopedName(sourceCode: SourceCode, node: Node, name: string): TSESTree.Identifier | null {
  for (let scope: ReturnType<SourceCode['getScope']> | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    const identifier = variable?.identifiers[0];
    if (identifier) return identifier as TSESTree.Identifier;
  }
  return null;
}

/** Inserts `text` as a statement before the one holding `node`, wrapping both in braces outside a block. */
function insertBeforeStatement(fixer: RuleFixer, sourceCode: SourceCode, node: Node, text: string): RuleFix[] {
  let statement: Node = node;
  while (statement.parent && !isStatementPosition(statement) && !isFunction(statement.parent)) statement = statement.parent;
  if (!isStatementPosition(statement)) return [];
  const container = statement.parent!;
  if (container.type === T.BlockStatement || container.type === T.Program || container.type === T.SwitchCase) {
    return [fixer.insertTextBefore(statement, `${text}\n${indentOf(sourceCode, statement)}`)];
  }
  return [fixer.insertTextBefore(statement, `{ ${text} `), fixer.insertTextAfter(statement, ' }')];
}

/** Is `node` a statement in a place that takes one (a block's body, an `if` branch, a loop body)? */
function isStatementPosition(node: Node): boolean {
  const parent = node.parent;
  if (!parent || !/(Statement|Declaration)$/.test(node.type)) return false;
  switch (parent.type) {
    case T.BlockStatement:
    case T.Program:
    case T.SwitchCase:
      return true;
    case T.IfStatement:
      return parent.consequent === node || parent.alternate === node;
    case T.ForStatement:
    case T.ForInStatement:
    case T.ForOfStatement:
    case T.WhileStatement:
    case T.DoWhileStatement:
    case T.LabeledStatement:
      return parent.body === node;
    default:
      return false;
  }
}
