import type { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node, SourceCode } from './ast';
import type { StatusValue } from './status';

export type RuleFix = TSESLint.RuleFix;
export type RuleFixer = TSESLint.RuleFixer;

/** What a fix should make of a response: a new status, a header to add, or both. */
export interface ResponseEdit {
  status?: number;
  /** Header to add, e.g. `{ name: 'WWW-Authenticate', value: 'Bearer realm="api"' }`. */
  addHeader?: { name: string; value: string };
  /**
   * Header (any case) to drop where this response sets it in a form the adapter can edit (same chain, headers
   * object); best effort: a header set elsewhere stays, and the other parts of the edit still apply.
   */
  removeHeader?: string;
}

/**
 * A place where code chooses the HTTP status of a response: found by a framework adapter, judged by the rules.
 * Adapters know how the framework sets the status and headers; they never decide right or wrong.
 */
export interface ResponseSite {
  /** The adapter that found it: `express`, `node-http`, `http-errors`, … */
  framework: string;
  /** The node a report points at: the status expression when there is one, else the call. */
  node: Node;
  status: StatusValue;
  /** Expressions that carry the response's text (`.json({ message })`, `createError(403, 'msg')`). */
  messages: Node[];
  /** Is the header (lower-case name) set on this response? `true` also when it may be (a dynamic header). */
  hasHeader(name: string): boolean;
  /** Why the framework cannot carry a header here, if it cannot (e.g. SvelteKit `error()`); shown in messages. */
  headerLimitation?: string;
  /**
   * The status travels on a project's error object (`throw new ApiError(401, …)`) to a renderer out of view: whether
   * the response gets a challenge is decided there, so the challenge rule says nothing at the throw.
   */
  renderedOutOfView?: true;
  /**
   * The site answers for a helper of the same file whose calls are sites of their own: the status rules judge the
   * calls, where the conditions that led to the answer are; the challenge rule still judges the helper's response.
   */
  judgedAtCalls?: true;
  /** Fixes that apply `edit`, or null when no safe edit in the framework's own API exists. */
  edit(fixer: RuleFixer, edit: ResponseEdit): RuleFix[] | null;
  /** Calls this site is passed to or made through, for the `challengers` option (`next`, `sendError`, …). */
  carriers: string[];
  /**
   * The condition the call itself tests, when the framework responds only if it `holds` (true/false):
   * `ctx.assert(user, 401)` responds when `user` is falsy. Reason analysis reads it before enclosing guards.
   */
  guard?: { test: Node; holds: boolean };
  /**
   * Identifiers whose names say what the response means: the error class it is (`TokenExpiredError`,
   * `PermissionDeniedException`). Reason analysis reads them like decisive messages.
   */
  names?: Node[];
  /**
   * For transports that answer with error codes of their own (tRPC, GraphQL, gRPC, Firebase callable functions):
   * the code as the site writes it and the codes that mean 401 and 403 there. `status` holds the HTTP status the
   * code stands for; rules name these codes in their messages.
   */
  transport?: TransportCode;
  /**
   * Where the status is defined when the site was found through the project index (an imported error class or
   * response helper): shown as related information.
   */
  definition?: { file: string; line: number; name: string };
}

/** A transport's error code at a site: what it writes, and what it should write for each kind of failure. */
export interface TransportCode {
  /** As written: `'FORBIDDEN'`, `status.PERMISSION_DENIED`, `'permission-denied'`. */
  written: string;
  /** The transport's code for a credential failure (what HTTP calls 401), as the fix writes it. */
  credential: string;
  /** The transport's code for a permission denial (HTTP 403), as the fix writes it. */
  permission: string;
  /**
   * Whether the response is an HTTP 401 that can carry `WWW-Authenticate` (a GraphQL error with an
   * `extensions.http` status): false keeps the challenge rule away, and fixes add no header.
   */
  challenge: boolean;
}

/** One framework family's knowledge: finds response sites and records headers set on response handles. */
export interface SiteAdapter {
  framework: string;
  /** The only node types `visit` acts on; the engine calls it for these and no others. */
  nodeTypes: readonly AST_NODE_TYPES[];
  /**
   * Text that every file with a site of this adapter contains, for adapters that only act on what a package of
   * theirs binds: its name as imports and requires write it, or a global name the adapter also accepts
   * (`createError`). Files without it are not visited. Absent for adapters that recognise code by its shape or by
   * names a file may bind itself.
   */
  mentions?: RegExp;
  /** Called for every node of the file (after parents are set); returns the sites this node creates. */
  visit(node: Node, context: AdapterContext): void;
}

export interface AdapterContext {
  sourceCode: SourceCode;
  /** The linted file's name as the host gives it (absolute or not), when it gives one. */
  filename?: string;
  addSite(site: ResponseSite): void;
  headers: import('./handles').HeaderRegistry;
}

export type { TSESTree };
