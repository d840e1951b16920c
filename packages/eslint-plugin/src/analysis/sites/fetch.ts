import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, findVariable, initialValueOf, propertyName, returnedExpression, returnedValues, skipWrappers, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { addHeaderToOptions, combineParts, findProperty, headerProperty, removeHeaderFromOptions, statusEdit } from '../edits';
import { handleKey, headerNamesOfArguments, headerNamesOfObject } from '../handles';
import { resolveStatus, type StatusValue } from '../status';
import type { AdapterContext, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { insertBeforeStatement } from './statement-edits';
import { svelteKitEvent, type SvelteKitEvent } from './sveltekit-event';
import { isDiscarded } from '../response-object';

/** `next/server`, also written with the file's extension as ESM wants it (`next/server.js`). */
const NEXT_SERVER = /^next\/server(\.js)?$/;
const SVELTEKIT = '@sveltejs/kit';
/** Modules whose `json(data, init)` builds a Response (Remix also takes the status as a number). */
const JSON_HELPER_MODULES = new Set([SVELTEKIT, '@remix-run/node', '@remix-run/server-runtime', '@remix-run/cloudflare', '@remix-run/deno']);
/**
 * Modules whose `data(value, init)` answers a loader or action with the init's status and headers, returned or thrown
 * (React Router 7, which Remix became; the init may also be the status alone).
 */
const DATA_HELPER_MODULES = new Set(['react-router', '@react-router/node', '@react-router/cloudflare', '@remix-run/node', '@remix-run/server-runtime', '@remix-run/cloudflare']);

const RESPONSE_CLASSES = new Set(['Response', 'NextResponse']);
/** Names the helpers are imported under (SvelteKit's and Remix' `json`, `text`, `error`, React Router's `data`), checked before scopes. */
const HELPERS = new Set(['json', 'text', 'error', 'data']);

/** Calls that only exist in tests and mocks: a Response built there is a fake server's. */
const TEST_CALL = /^(it|test|describe|before|after|beforeEach|afterEach|beforeAll|afterAll)$|mock|Mock|stub|Stub|fake|Fake/;

/**
 * Fetch-API responses (Next.js route handlers and middleware, Remix, SvelteKit `+server`, Cloudflare Workers,
 * Deno, Bun): `new Response(body, { status, headers })`, `Response.json(body, init)`, `NextResponse.json` and
 * `new NextResponse`, SvelteKit's and Remix's `json(data, init)`, and SvelteKit's `error(status, message)`, which
 * cannot carry headers (the fix calls the event's `setHeaders` first). Headers count from the init's `headers`
 * (an object, pairs, or a `new Headers()` filled with `.set()`), from `res.headers.set()` on the created
 * response, and from SvelteKit's `setHeaders`.
 */
export const fetchAdapter: SiteAdapter = {
  framework: 'fetch',
  nodeTypes: [T.CallExpression, T.NewExpression],
  visit(node, context) {
    if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === 'setHeaders') {
      // SvelteKit's destructured `setHeaders({ … })`; `event.setHeaders(…)` is recorded by the response-headers adapter.
      const handle = handleKey(context.sourceCode, node.callee);
      if (handle) context.headers.record(handle, headerNamesOfArguments(node.arguments), node);
      return;
    }
    if (node.type !== T.NewExpression && node.type !== T.CallExpression) return;
    const kind = responseFactory(context.sourceCode, node);
    if (kind === 'response') {
      const site = responseSite(node, context, node.arguments[0], node.arguments[1]);
      if (site) context.addSite(site);
      else if (node.arguments[1]) for (const mapped of mappedStatusSites(node, context, node.arguments[0], node.arguments[1])) context.addSite(mapped);
    }
    else if (kind === 'error') addSite(context, svelteKitErrorSite(node as TSESTree.CallExpression, context));
    else if (node.type === T.CallExpression && node.callee.type === T.Identifier) {
      const forwarded = initForwarder(context.sourceCode, node.callee);
      if (forwarded) addSite(context, responseSite(node, context, forwarded.body === null ? undefined : node.arguments[forwarded.body], node.arguments[forwarded.init]));
    }
  },
};

function addSite(context: AdapterContext, site: ResponseSite | null): void {
  if (site) context.addSite(site);
}

/** Is the call one that builds a Fetch `Response` from (body, init), or SvelteKit's `error()`? */
function responseFactory(sourceCode: SourceCode, call: TSESTree.NewExpression | TSESTree.CallExpression): 'response' | 'error' | null {
  const callee = skipWrappers(call.callee);
  if (call.type === T.NewExpression) {
    return callee.type === T.Identifier && RESPONSE_CLASSES.has(callee.name) && isResponseClass(sourceCode, callee) ? 'response' : null;
  }
  if (callee.type === T.MemberExpression) {
    const object = skipWrappers(callee.object);
    return propertyName(callee) === 'json' && object.type === T.Identifier && RESPONSE_CLASSES.has(object.name) && isResponseClass(sourceCode, object)
      ? 'response'
      : null;
  }
  if (callee.type !== T.Identifier || !HELPERS.has(callee.name)) return null;
  const binding = bindingOf(sourceCode, callee);
  if (binding?.kind !== 'import' || !binding.module) return null;
  if (binding.module === SVELTEKIT && binding.imported === 'error') return 'error';
  if (JSON_HELPER_MODULES.has(binding.module) && (binding.imported === 'json' || binding.imported === 'text')) return 'response';
  if (DATA_HELPER_MODULES.has(binding.module) && binding.imported === 'data') return 'response';
  return null;
}

/** The global `Response` (not shadowed: oauth2-server's and frameworks' own `Response` classes differ), or Next's. */
function isResponseClass(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const binding = bindingOf(sourceCode, identifier);
  if (identifier.name === 'Response') {
    // A configured global (`globals.node`) is a variable without definitions.
    const variable = findVariable(sourceCode, identifier);
    return !variable || variable.defs.length === 0;
  }
  return binding?.kind === 'import' && NEXT_SERVER.test(binding.module ?? '') && binding.imported === 'NextResponse';
}

function isInTestCall(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if ((current.type === T.CallExpression || current.type === T.NewExpression) && TEST_CALL.test(calleeName(current) ?? '')) return true;
  }
  return false;
}

/** `new HTTPException(401, { res: new Response(…) })`: Hono's adapter owns that response. */
function isHonoExceptionResponse(call: Node): boolean {
  const property = call.parent;
  const options = property?.parent;
  return (
    property?.type === T.Property &&
    property.value === call &&
    options?.type === T.ObjectExpression &&
    options.parent?.type === T.NewExpression &&
    calleeName(options.parent) === 'HTTPException'
  );
}

/** The init's statuses and headers: `{ status, headers }`, or Remix's bare status number. */
interface Init {
  status: StatusValue;
  object: TSESTree.ObjectExpression | null;
  headers: string[];
  headersVariable: TSESTree.Identifier | null;
}

function readInit(sourceCode: SourceCode, argument: Node, numberAllowed: boolean): Init | null {
  const init = skipWrappers(argument);
  if (init.type !== T.ObjectExpression) {
    const status = numberAllowed ? resolveStatus(sourceCode, argument) : null;
    return status && { status, object: null, headers: [], headersVariable: null };
  }
  const statusProperty = findProperty(init, 'status');
  const status = statusProperty ? resolveStatus(sourceCode, statusProperty.value) : null;
  return status && { status, object: init, ...initHeaders(sourceCode, init) };
}

/** The header names an init object sets, and the `Headers` variable it passes, if any. */
function initHeaders(sourceCode: SourceCode, init: TSESTree.ObjectExpression): Pick<Init, 'headers' | 'headersVariable'> {
  const headers: string[] = init.properties.some((property) => property.type === T.SpreadElement) ? ['*'] : [];
  const headersProperty = findProperty(init, 'headers');
  let headersVariable: TSESTree.Identifier | null = null;
  if (headersProperty) {
    const value = skipWrappers(headersProperty.value);
    const created = value.type === T.Identifier ? headersConstruction(sourceCode, value) : value;
    if (value.type === T.Identifier && created) headersVariable = value;
    headers.push(...(created ? headerNamesOf(sourceCode, created) : ['*']));
  }
  return { headers, headersVariable };
}

/**
 * `new Response(msg, { status })` with `const status = toErrorStatus(error)`, a function of the file that maps errors
 * to statuses (`if (error instanceof UnauthorizedError) return STATUS_CODE.Unauthorized`): each error status it
 * returns is a response of its own, found at that `return`, where its status is also changed.
 */
function mappedStatusSites(call: TSESTree.NewExpression | TSESTree.CallExpression, context: AdapterContext, body: Node | undefined, initArgument: Node): ResponseSite[] {
  const { sourceCode } = context;
  const init = skipWrappers(initArgument);
  const statusProperty = init.type === T.ObjectExpression ? findProperty(init, 'status') : null;
  if (init.type !== T.ObjectExpression || !statusProperty || isInTestCall(call) || isDiscarded(call)) return [];
  let chosen = skipWrappers(statusProperty.value);
  const initial = chosen.type === T.Identifier ? initialValueOf(sourceCode, chosen) : null;
  if (initial) chosen = skipWrappers(initial);
  if (chosen.type !== T.CallExpression || chosen.callee.type !== T.Identifier) return [];
  const mapper = localFunction(sourceCode, chosen.callee);
  const statuses = mapper ? returnedStatuses(sourceCode, mapper) : null;
  if (!statuses) return [];
  const { headers } = initHeaders(sourceCode, init);
  const limitation = `the status comes from ${chosen.callee.name}(), so set the challenge where the Response is built when that status is 401`;
  return statuses
    .filter((status) => status.code >= 400)
    .map((status) => ({
      framework: 'fetch',
      node: status.node!,
      status,
      messages: body && body.type !== T.SpreadElement ? [body] : [],
      carriers: carriersOf(call),
      headerLimitation: limitation,
      hasHeader: (name: string) => headers.includes(name) || headers.includes('*'),
      edit: (fixer: RuleFixer, edit: Parameters<ResponseSite['edit']>[1]) => (edit.addHeader ? null : statusEdit(fixer, sourceCode, status, edit)),
    }));
}

/** Every status a function returns, when each of its returns is one; else null. */
function returnedStatuses(sourceCode: SourceCode, fn: TSESTree.FunctionLike): StatusValue[] | null {
  const statuses = returnedValues(sourceCode, fn)?.map((value) => resolveStatus(sourceCode, value));
  return statuses?.every((status) => status !== null) ? (statuses as StatusValue[]) : null;
}

/** What a `headers` variable was created from: `new Headers({ … })`, an object literal; null when unknown. */
function headersConstruction(sourceCode: SourceCode, identifier: TSESTree.Identifier): Node | null {
  const init = initialValueOf(sourceCode, identifier);
  return init && skipWrappers(init);
}

function headerNamesOf(sourceCode: SourceCode, value: Node): string[] {
  if (value.type === T.NewExpression && calleeName(value) === 'Headers') {
    const first = value.arguments[0];
    return first && first.type !== T.SpreadElement ? headerNamesOfObject(first, sourceCode) : [];
  }
  return headerNamesOfObject(value, sourceCode);
}

/** Handles whose headers end up on the response: the Headers variable, `res.headers` of the stored response. */
function headerHandles(sourceCode: SourceCode, call: Node, init: Init): string[] {
  const handles: string[] = [];
  if (init.headersVariable) {
    const handle = handleKey(sourceCode, init.headersVariable);
    if (handle) handles.push(handle);
  }
  const stored = storedIn(call);
  const variable = stored && findVariable(sourceCode, stored);
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    if (member?.type === T.MemberExpression && member.object === reference.identifier && propertyName(member) === 'headers') {
      const handle = handleKey(sourceCode, member);
      if (handle) handles.push(handle);
      break;
    }
  }
  return handles;
}

/** `const res = NextResponse.json(…)`: the variable a response is stored in. */
function storedIn(call: Node): TSESTree.Identifier | null {
  let current = call;
  while (current.parent && skipWrappers(current.parent) === skipWrappers(current) && current.parent.type !== T.ExpressionStatement) {
    current = current.parent;
  }
  const parent = current.parent;
  return parent?.type === T.VariableDeclarator && parent.init === current && parent.id.type === T.Identifier ? parent.id : null;
}

/** Which of a helper's arguments become the body and the init of the Response it returns. */
interface Forwarding {
  body: number | null;
  init: number;
}

const forwardings = new WeakMap<Node, Forwarding | null>();

/**
 * A function of the file that returns a Response built from the init it is given: `function json(data, init) {
 * return Response.json(data, init) }`. A call to it is a Response with the call's init.
 */
function initForwarder(sourceCode: SourceCode, callee: TSESTree.Identifier): Forwarding | null {
  const helper = localFunction(sourceCode, callee);
  if (!helper) return null;
  if (forwardings.has(helper)) return forwardings.get(helper)!;
  let forwarding: Forwarding | null = null;
  const returned = returnedExpression(helper);
  if ((returned?.type === T.CallExpression || returned?.type === T.NewExpression) && responseFactory(sourceCode, returned) === 'response') {
    const [body, init] = returned.arguments.map((argument) => skipWrappers(argument));
    const index = (node: Node | undefined) => (node?.type === T.Identifier ? helper.params.findIndex((param) => param.type === T.Identifier && param.name === node.name) : -1);
    if (index(init) >= 0) forwarding = { body: index(body) >= 0 ? index(body) : null, init: index(init) };
  }
  forwardings.set(helper, forwarding);
  return forwarding;
}

/** The function a name of the file is declared as: `function f() {}` or `const f = (…) => …`. */
function localFunction(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.FunctionLike | null {
  const definition = findVariable(sourceCode, identifier)?.defs;
  if (definition?.length !== 1) return null;
  const node = definition[0]!.node as Node;
  if (definition[0]!.type === 'FunctionName' && node.type === T.FunctionDeclaration) return node;
  if (definition[0]!.type !== 'Variable' || (definition[0]!.parent as TSESTree.VariableDeclaration | null)?.kind !== 'const') return null;
  const init = (node as TSESTree.VariableDeclarator).init;
  const value = init && skipWrappers(init);
  return value?.type === T.ArrowFunctionExpression || value?.type === T.FunctionExpression ? value : null;
}

function responseSite(
  call: TSESTree.NewExpression | TSESTree.CallExpression,
  context: AdapterContext,
  body: TSESTree.CallExpressionArgument | undefined,
  initArgument: TSESTree.CallExpressionArgument | undefined,
): ResponseSite | null {
  const { sourceCode } = context;
  if (!initArgument || initArgument.type === T.SpreadElement || body?.type === T.SpreadElement) return null;
  if (isInTestCall(call) || isHonoExceptionResponse(call) || isDiscarded(call)) return null;
  const numberAllowed = call.type === T.CallExpression && call.callee.type === T.Identifier;
  const init = readInit(sourceCode, initArgument, numberAllowed);
  if (!init) return null;
  const handles = headerHandles(sourceCode, call, init);
  const event = svelteKitEvent(sourceCode, call);
  const { status } = init;
  return {
    framework: 'fetch',
    node: status.node!,
    status,
    messages: body ? [body] : [],
    carriers: carriersOf(call),
    hasHeader(name) {
      if (init.headers.includes(name) || init.headers.includes('*')) return true;
      return [...handles, ...event.handles].some((handle) => context.headers.has(handle, name, call));
    },
    edit(fixer, edit) {
      if (edit.addHeader && !init.object) {
        // Remix `json(data, 403)` → `json(data, { status: 401, headers: { … } })`: one replacement of the number.
        const code = edit.status ?? status.code;
        return [fixer.replaceText(status.node!, `{ status: ${code}, headers: { ${headerProperty(edit.addHeader)} } }`)];
      }
      const removal = edit.removeHeader && init.object ? removeHeaderFromOptions(fixer, sourceCode, init.object, edit.removeHeader) : null;
      return combineParts(
        statusEdit(fixer, sourceCode, status, edit),
        edit.addHeader ? addHeader(fixer, sourceCode, call, init, edit.addHeader) : [],
        removal ? [removal.fix] : [],
      );
    },
  };
}

function addHeader(fixer: RuleFixer, sourceCode: SourceCode, call: Node, init: Init, header: { name: string; value: string }): RuleFix[] | null {
  if (!init.object) return null;
  if (init.headersVariable) {
    // `const headers = new Headers(); …; new Response(body, { status, headers })` → `headers.set(…)` before it.
    const created = headersConstruction(sourceCode, init.headersVariable);
    if (created?.type !== T.NewExpression || calleeName(created) !== 'Headers') return null;
    const statement = `${init.headersVariable.name}.set(${jsString(header.name)}, ${jsString(header.value)});`;
    return insertBeforeStatement(fixer, sourceCode, call, statement);
  }
  const fix = addHeaderToOptions(fixer, sourceCode, init.object, header);
  return fix && [fix];
}

/** SvelteKit `error(403, 'Token expired')`: thrown as an HttpError, which has no headers. */
function svelteKitErrorSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const [statusArgument, message] = call.arguments;
  if (!statusArgument || statusArgument.type === T.SpreadElement) return null;
  const status = resolveStatus(sourceCode, statusArgument);
  if (!status) return null;
  const event = svelteKitEvent(sourceCode, call);
  return {
    framework: 'fetch',
    node: statusArgument,
    status,
    messages: message && message.type !== T.SpreadElement ? [message] : [],
    carriers: carriersOf(call),
    headerLimitation: event.setHeaders
      ? `SvelteKit's error() cannot carry headers: call \`${event.setHeaders}({ 'WWW-Authenticate': … })\` before it`
      : "SvelteKit's error() cannot carry headers: call the request event's `setHeaders({ 'WWW-Authenticate': … })` before it",
    hasHeader: (name) => event.handles.some((handle) => context.headers.has(handle, name, call)),
    edit: (fixer, edit) =>
      combineParts(
        statusEdit(fixer, sourceCode, status, edit),
        edit.addHeader ? setHeadersBefore(fixer, sourceCode, event, call, edit.addHeader) : [],
      ),
  };
}

function setHeadersBefore(
  fixer: RuleFixer,
  sourceCode: SourceCode,
  event: SvelteKitEvent,
  call: Node,
  header: { name: string; value: string },
): RuleFix[] | null {
  if (!event.setHeaders) return null;
  const inserted = insertBeforeStatement(fixer, sourceCode, call, `${event.setHeaders}({ ${headerProperty(header)} });`);
  if (!inserted) return null;
  return event.destructure ? [...inserted, event.destructure(fixer)] : inserted;
}
