import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, enclosingFunction, isFunction, keyName, memberPath, pushChildren, skipWrappers, staticString, words, type Node, type SourceCode } from '../ast';
import { branchesOf, type StatusBranch } from './branches';
import type { StatusCheck } from './status-checks';
import { subjectKey } from './status-subjects';

export interface RefreshSettings {
  /** Project calls known to refresh a token (`renewAuth`, `authStore.rotate`): a bare name or the callee's text. */
  refreshCalls: ReadonlySet<string>;
}

/** What a branch does about the credential: the first call found of each kind. */
export interface BranchActions {
  /** Gets a new token: `refreshToken()`, `axios.post('/auth/refresh')`, `keycloak.updateToken(30)`. */
  refresh: TSESTree.CallExpression | null;
  /** Signs the user in again: `msal.loginPopup()`, `auth0.loginWithRedirect()`, `reauthenticate()`. */
  reauthenticate: TSESTree.CallExpression | null;
  /** Repeats the failed request: `api(originalRequest)`, `fetch(input, init)`, `baseQuery(args, api, extraOptions)`. */
  retry: TSESTree.CallExpression | null;
  /** Signs the user out: a rejection in react-admin's `authProvider.checkError`, which logs out and shows the login page. */
  signOut: TSESTree.CallExpression | null;
}

function noActions(): BranchActions {
  return { refresh: null, reauthenticate: null, retry: null, signOut: null };
}

const MAX_BRANCH_NODES = 3000;

/** Words of a name that gets a new credential, with a credential word beside them (`refreshAccessToken`, `renewSession`). */
const RENEW_WORDS = new Set(['refresh', 'refreshed', 'renew', 'rotate', 'new', 'fresh', 'reissue', 'regenerate']);
const TOKEN_WORDS = new Set([
  'token', 'tokens', 'jwt', 'jws', 'bearer', 'auth', 'session', 'sessions', 'credential', 'credentials', 'accesstoken',
  'authtoken', 'idtoken', 'access', 'login', 'signin',
]);
/** Calls of auth SDKs that get a new token silently. */
const SILENT_RENEWAL = /^(updateToken|acquireTokenSilent|getAccessTokenSilently|getTokenSilently|signinSilent|refreshSession|refreshAuth)$/;
/** Calls that sign the user in again. */
const REAUTHENTICATION = /^(re-?auth\w*|re-?log-?in\w*|re-?sign-?in\w*|loginPopup|loginRedirect|loginWithPopup|loginWithRedirect|signinPopup|signinRedirect|acquireTokenPopup|acquireTokenRedirect)$/i;
/** Firebase `user.getIdToken(true)`: `true` forces a refresh. */
const FORCED_TOKEN_GETTERS = new Set(['getIdToken', 'getIdTokenResult']);

/** Words of callees that send HTTP requests: `fetch`, `axios`, `api.request`, `baseQuery`, `ky`, `http.post`, `client.get`. */
const REQUEST_WORDS = new Set([
  'fetch', 'axios', 'ky', 'request', 'query', 'http', 'https', 'api', 'client', 'instance', 'got', 'ofetch', 'superagent',
]);
/** Names of a call that repeats the failed request by definition. */
const RETRY_WORDS = new Set(['retry', 'replay', 'resend']);
/** Calls that only log, notify or navigate, even when handed the request. */
const NOT_A_REQUEST = new Set([
  'console', 'log', 'logger', 'warn', 'debug', 'info', 'reject', 'resolve', 'toast', 'alert', 'notify', 'track', 'capture',
  'report', 'sentry', 'emit', 'navigate', 'redirect', 'router', 'history', 'location', 'set', 'remove', 'clear', 'assign',
  'show', 'display', 'render', 'open',
]);
const REFRESH_URL = /refresh/i;
/** Waiting before a retry, or reading the rate-limit headers: throttling handling (GitHub answers rate limits with 403). */
const BACKOFF = /^(setTimeout|sleep|delay|wait|waitFor|pause|backoff|exponentialBackoff|retryAfter)$|retry-after|x-ratelimit|rate[-_ ]?limit/i;
const CSRF = /csrf|xsrf/i;
const TOKEN_URL = /(^|[/.])(oauth2?\/)?(access[-_]?)?tokens?([/?#]|$)/i;

/**
 * Does the branch keyed on `check` refresh the token, sign in again or repeat the request? Searches the branch
 * (callbacks included) but not the parts of it keyed on another status of the same response
 * (`if (s === 401 || s === 403) { if (s === 401) refresh(); … }` does not refresh on 403).
 */
export function branchActions(
  sourceCode: SourceCode,
  branch: StatusBranch,
  check: StatusCheck,
  settings: RefreshSettings,
): BranchActions {
  const actions: BranchActions = noActions();
  const subject = subjectKey(sourceCode, check.subject);
  const skipped = new Set<Node>();
  const stack: Node[] = [...branch.body].reverse();
  let backsOff = false;
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_BRANCH_NODES) {
    const node = stack.pop()!;
    if (skipped.has(node)) continue;
    for (const inner of branchesOf(sourceCode, node)) {
      if (keyedElsewhere(sourceCode, inner, check.status.code, subject)) for (const part of inner.body) skipped.add(part);
    }
    // RFC 6750 §3.1 step-up: on a 403 whose challenge says insufficient_scope, authorizing again with the scope it
    // names and retrying is right (the MCP SDK's client does this).
    if (check.status.code === 403 && node.type === T.Literal && node.value === 'insufficient_scope') return noActions();
    // Laravel's 419, or a 403 that hands out a fresh CSRF token (`headers['x-csrf-token'] = …`): fetching or
    // copying the new CSRF token and retrying is right; CSRF is not a credential.
    if (node.type === T.AssignmentExpression && CSRF.test(sourceCode.getText(node.left))) return noActions();
    if (node.type === T.CallExpression) {
      if (CSRF.test(sourceCode.getText(node))) return noActions();
      if (BACKOFF.test(calleeName(node) ?? '') || BACKOFF.test(sourceCode.getText(node.arguments[0] ?? node.callee))) backsOff = true;
      classify(sourceCode, node, branch, settings, actions);
    }
    pushChildren(sourceCode, node, stack);
  }
  // A retry after backing off, with no new credential, is throttling handling, not a token refresh.
  if (backsOff && !actions.refresh && !actions.reauthenticate) actions.retry = null;
  return actions;
}

/** Is an inner branch keyed on the same response's status, never on `code`? */
function keyedElsewhere(sourceCode: SourceCode, inner: StatusBranch, code: number, subject: string): boolean {
  const same = inner.checks.filter((check) => subjectKey(sourceCode, check.subject) === subject);
  return same.length > 0 && same.every((check) => check.status.code !== code);
}

function classify(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  branch: StatusBranch,
  settings: RefreshSettings,
  actions: BranchActions,
): void {
  const name = calleeName(call) ?? '';
  const calleeWords = nameWords(sourceCode, call);
  if (!actions.signOut && isCheckErrorRejection(sourceCode, call)) actions.signOut = call;
  if (!actions.reauthenticate && REAUTHENTICATION.test(name)) actions.reauthenticate = call;
  else if (!actions.refresh && isRefresh(sourceCode, call, name, calleeWords, settings)) actions.refresh = call;
  if (!actions.retry && (namesRetry(name) || isRepeatedRequest(sourceCode, call, branch, calleeWords))) {
    actions.retry = call;
  }
}

/**
 * `Promise.reject()` returned by react-admin's `authProvider.checkError`: react-admin then calls `logout()` and
 * sends the user to the login page, unless the rejection says `{ logoutUser: false }`.
 */
function isCheckErrorRejection(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  if (sourceCode.getText(call.callee).replace(/\s/g, '') !== 'Promise.reject') return false;
  const reason = call.arguments[0] && skipWrappers(call.arguments[0]);
  const keepsUser = reason?.type === T.ObjectExpression && reason.properties.some(
    (property) => property.type === T.Property && keyName(property) === 'logoutUser' && property.value.type === T.Literal && property.value.value === false,
  );
  const holder = enclosingFunction(call)?.parent;
  return !keepsUser && (holder?.type === T.Property || holder?.type === T.MethodDefinition) && keyName(holder) === 'checkError';
}

/** `retryRequest(config)`, `this.retry()`, `refreshAndRetry(error)`; not `setRetryCount(0)` or `shouldRetry(error)`. */
function namesRetry(name: string): boolean {
  const [first, ...rest] = words(name);
  return first !== undefined && (RETRY_WORDS.has(first) || (RENEW_WORDS.has(first) && rest.some((word) => RETRY_WORDS.has(word))));
}

/**
 * Words of the callee, plus, for a bare name, of where it comes from: `const { refresh } = useAuth()`,
 * `const refresh = useRefreshToken()`, `import { refresh } from './auth'`.
 */
function nameWords(sourceCode: SourceCode, call: TSESTree.CallExpression): string[] {
  const callee = skipWrappers(call.callee);
  const own = words(sourceCode.getText(callee));
  if (callee.type !== T.Identifier) return own;
  const binding = bindingOf(sourceCode, callee);
  if (binding?.kind === 'import') return [...own, ...words(binding.module ?? '')];
  const init = binding && binding.kind !== 'param' ? skipWrappers(binding.init) : null;
  if (init?.type === T.CallExpression || init?.type === T.NewExpression) return [...own, ...words(sourceCode.getText(init.callee))];
  return own;
}

/** A bare `refresh()` / `renew()` that is not bound to something else (a hook's page refresh, a reducer). */
function isBareRenewal(call: TSESTree.CallExpression, calleeWords: string[]): boolean {
  const callee = skipWrappers(call.callee);
  return callee.type === T.Identifier && /^(refresh|renew)$/i.test(callee.name) && calleeWords.length === 1;
}

function isRefresh(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  name: string,
  calleeWords: string[],
  settings: RefreshSettings,
): boolean {
  if (settings.refreshCalls.has(name) || settings.refreshCalls.has(sourceCode.getText(call.callee))) return true;
  if (SILENT_RENEWAL.test(name)) return true;
  if (FORCED_TOKEN_GETTERS.has(name)) return call.arguments[0]?.type === T.Literal && call.arguments[0].value === true;
  const renews = calleeWords.some((word) => RENEW_WORDS.has(word)) && !calleeWords.some((word) => NOT_A_REQUEST.has(word));
  if (renews && calleeWords.some((word) => TOKEN_WORDS.has(word) || RETRY_WORDS.has(word))) return true;
  if (isBareRenewal(call, calleeWords)) return true;
  if (hasForceRefreshOption(call)) return true;
  return isRequest(calleeWords) && requestsNewToken(sourceCode, call, name);
}

/** `getAccessToken({ forceRefresh: true })` */
function hasForceRefreshOption(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => {
    const value = skipWrappers(argument);
    return value.type === T.ObjectExpression && value.properties.some(
      (property) => property.type === T.Property && /^force(Refresh|Renew)$/.test(keyName(property) ?? '') &&
        !(property.value.type === T.Literal && property.value.value === false),
    );
  });
}

/** A request to a refresh endpoint (`/auth/refresh`, `/token/refresh/`), or a POST to a token endpoint (`/oauth/token`). */
function requestsNewToken(sourceCode: SourceCode, call: TSESTree.CallExpression, name: string): boolean {
  const [first] = call.arguments;
  if (!first || first.type === T.SpreadElement) return false;
  const target = skipWrappers(first);
  const options = call.arguments.map((argument) => skipWrappers(argument)).filter((argument) => argument.type === T.ObjectExpression);
  const url = urlText(sourceCode, target.type === T.ObjectExpression ? propertyValue(target, 'url') : target);
  if (url === null) return false;
  if (REFRESH_URL.test(url)) return true;
  const methodOf = (object: TSESTree.ObjectExpression) => {
    const method = propertyValue(object, 'method');
    return method ? staticString(method) : null;
  };
  const posts = name.toLowerCase() === 'post' || options.some((object) => /^post$/i.test(methodOf(object) ?? ''));
  return posts && TOKEN_URL.test(url.split('?')[0]!);
}

function propertyValue(object: TSESTree.ObjectExpression, key: string): Node | null {
  for (const property of object.properties) {
    if (property.type === T.Property && keyName(property) === key) return property.value;
  }
  return null;
}

/**
 * The text of a URL that tells where it goes: a string, a template's literal parts (`${API}/auth/refresh` →
 * `…/auth/refresh`), a `const` string, or else the name it is kept under (`ENDPOINTS.REFRESH_TOKEN`, `refreshUrl`).
 */
function urlText(sourceCode: SourceCode, node: Node | null): string | null {
  if (!node) return null;
  const value = skipWrappers(node);
  if (value.type === T.TemplateLiteral) return value.quasis.map((quasi) => quasi.value.cooked ?? '').join('…');
  if (value.type === T.Identifier) {
    const binding = bindingOf(sourceCode, value);
    if (binding?.kind === 'const' && binding.key === undefined) return urlText(sourceCode, binding.init) ?? value.name;
    return value.name;
  }
  if (value.type === T.MemberExpression) return sourceCode.getText(value);
  return staticString(value);
}

function isRequest(calleeWords: string[]): boolean {
  return calleeWords.some((word) => REQUEST_WORDS.has(word)) && !calleeWords.some((word) => NOT_A_REQUEST.has(word));
}

/**
 * A call that sends the failed request again: the request's config (`api(originalRequest)`, `api.request(error.config)`),
 * the wrapper's own arguments (`fetch(input, init)`, `baseQuery(args, api, extraOptions)`, `ky(request)`), the
 * wrapper itself (`return fetchWithAuth(url, options)`), or the same call made before the check.
 */
function isRepeatedRequest(sourceCode: SourceCode, call: TSESTree.CallExpression, branch: StatusBranch, calleeWords: string[]): boolean {
  const fn = enclosingFunction(call);
  if (fn && ownName(fn) !== null && ownName(fn) === calleeName(call)) return true;
  if (!isRequest(calleeWords) && !isInstanceCall(sourceCode, call)) return false;
  const [first] = call.arguments;
  if (!first || first.type === T.SpreadElement) return false;
  if (call.arguments.some((argument) => argument.type !== T.SpreadElement && isFailedRequestConfig(sourceCode, argument))) return true;
  if (isParameter(sourceCode, first)) return true;
  return repeatsEarlierCall(sourceCode, call, branch);
}

/** `const backend = axios.create(…)` … `backend(config)` */
function isInstanceCall(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = skipWrappers(call.callee);
  if (callee.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, callee);
  return !!binding && binding.kind === 'const' && /\.\s*(create|extend)\s*\(/.test(sourceCode.getText(binding.init));
}

const MAX_CONFIG_DEPTH = 3;

/** `error.config`, `originalRequest` (= `error.config`), `{ ...err.config, headers }`, `prevRequest` parameters. */
function isFailedRequestConfig(sourceCode: SourceCode, node: Node, depth = 0): boolean {
  const value = skipWrappers(node);
  if (depth > MAX_CONFIG_DEPTH) return false;
  if (value.type === T.ObjectExpression) {
    return value.properties.some((property) => property.type === T.SpreadElement && isFailedRequestConfig(sourceCode, property.argument, depth + 1));
  }
  const path = memberPath(value);
  if (path && path.length > 1 && path[path.length - 1] === 'config') return true;
  if (value.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, value);
  if (!binding || binding.kind === 'param') return /^(original|orig|prev|previous|failed|retry|pending)(Request|Req|Config)$/i.test(value.name);
  if (binding.kind === 'import') return false;
  if (binding.key === 'config') return true;
  return binding.key === undefined && isFailedRequestConfig(sourceCode, binding.init, depth + 1);
}

function isParameter(sourceCode: SourceCode, node: Node): boolean {
  const value = skipWrappers(node);
  return value.type === T.Identifier && bindingOf(sourceCode, value)?.kind === 'param';
}

/** `const res = await fetch(url, opts)` … `if (res.status === 403) { … return fetch(url, …) }`: same callee, same target. */
function repeatsEarlierCall(sourceCode: SourceCode, call: TSESTree.CallExpression, branch: StatusBranch): boolean {
  const fn = enclosingFunction(branch.body[0]!);
  if (!fn) return false;
  const callee = sourceCode.getText(call.callee);
  const target = sourceCode.getText(call.arguments[0]!);
  const start = branch.body[0]!.range[0];
  const stack: Node[] = [fn.body as Node];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_BRANCH_NODES) {
    const node = stack.pop()!;
    if (node.range[0] >= start) continue;
    if (
      node.type === T.CallExpression && node !== call && node.arguments[0] &&
      sourceCode.getText(node.callee) === callee && sourceCode.getText(node.arguments[0]) === target
    ) {
      return true;
    }
    if (!isFunction(node)) pushChildren(sourceCode, node, stack);
  }
  return false;
}

function ownName(fn: TSESTree.FunctionLike): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if ((parent?.type === T.Property || parent?.type === T.MethodDefinition) && !parent.computed) return keyName(parent);
  return null;
}
