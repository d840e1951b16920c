import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, memberPath, skipWrappers, staticString, type Node, type SourceCode } from '../ast';
import { meaningOf } from '../project-index/lookup';
import type { StatusValue } from '../status';
import type { ResponseEdit, ResponseSite, RuleFix, RuleFixer, TransportCode } from '../types';

/** A transport's names for the two failures: what it calls a credential failure (401) and a permission denial (403). */
export interface CodePair {
  credential: string;
  permission: string;
  /** Other codes the transport sends as a 4xx status, which the credential rule also judges (tRPC's BAD_REQUEST: 400). */
  others?: Readonly<Record<string, number>>;
}

/** The HTTP status a transport code of `pair` stands for, or null for a code no rule judges. */
export function statusOfCode(pair: CodePair, code: string): number | null {
  if (code === pair.credential) return 401;
  if (code === pair.permission) return 403;
  return pair.others && Object.hasOwn(pair.others, code) ? pair.others[code]! : null;
}

/** The code the edit asks for: `pair.credential` for 401, `pair.permission` for 403, nothing for any other edit. */
export function codeForEdit(pair: CodePair, edit: ResponseEdit): string | null {
  return edit.status === 401 ? pair.credential : edit.status === 403 ? pair.permission : null;
}

/** A status that only a transport code implies: no HTTP status expression to rewrite. */
export function impliedStatus(code: number): StatusValue {
  return { code, node: null, form: { kind: 'literal' } };
}

/** A string literal code (`'FORBIDDEN'`, `"permission-denied"`) and the text that replaces it, in the same quotes. */
export function stringCode(sourceCode: SourceCode, node: Node): { value: string; rewrite(code: string): string } | null {
  // `import { FAILED_PRECONDITION } from './constants'`: the code another module keeps, through the project index.
  const value = staticString(node) ?? importedCode(sourceCode, node);
  if (value === null) return null;
  const text = sourceCode.getText(node);
  const quote = /^[`'"]/.test(text) ? text[0]! : "'";
  return { value, rewrite: (code) => `${quote}${code}${quote}` };
}

/** The code text a message quotes: "`'FORBIDDEN'`", "`status.PERMISSION_DENIED`". */
export function quotedCode(sourceCode: SourceCode, node: Node): string {
  return `\`${sourceCode.getText(node).replace(/\s+/g, ' ')}\``;
}

/**
 * Is `identifier` bound to the export `name` of a module `module` matches (`import { TRPCError } from '@trpc/server'`,
 * `const { HttpsError } = require('firebase-functions/v2/https')`)? An unbound identifier counts when `unbound` says so.
 */
export function isImportOf(sourceCode: SourceCode, identifier: TSESTree.Identifier, name: string, module: RegExp, unbound = false): boolean {
  const binding = bindingOf(sourceCode, identifier);
  if (binding === null) return unbound && identifier.name === name;
  return binding.kind === 'import' && binding.module !== undefined && module.test(binding.module) && binding.imported === name;
}

/** Is `identifier` bound to a whole module `module` matches (a namespace, default import or `require`)? */
export function isModuleObject(sourceCode: SourceCode, identifier: TSESTree.Identifier, module: RegExp): boolean {
  const binding = bindingOf(sourceCode, identifier);
  return (
    binding?.kind === 'import' &&
    binding.module !== undefined &&
    module.test(binding.module) &&
    (binding.imported === '*' || binding.imported === 'default')
  );
}

/** The root identifier of a member chain (`functions` of `functions.https.HttpsError`) and the path after it. */
export function memberChain(node: Node): { root: TSESTree.Identifier; path: string[] } | null {
  const path = memberPath(node);
  let root: Node = skipWrappers(node);
  while (root.type === T.MemberExpression) root = skipWrappers(root.object);
  if (!path || root.type !== T.Identifier) return null;
  return { root, path: path.slice(1) };
}

export interface CodeSiteParts {
  framework: string;
  /** The node that writes the code: the report points at it and the fix replaces it. */
  codeNode: Node;
  /** The code's HTTP meaning. */
  status: number;
  pair: CodePair;
  /** Source text that writes `code` in place of `codeNode`. */
  rewrite(code: string): string;
  messages: Node[];
  carriers: string[];
}

/**
 * A site whose status is a transport code with no HTTP response of its own to carry a header (tRPC, gRPC,
 * Firebase, GraphQL without an `http` extension). Its fix rewrites the code; headers are not its to add.
 */
export function codeSite(sourceCode: SourceCode, parts: CodeSiteParts): ResponseSite {
  const transport: TransportCode = {
    written: quotedCode(sourceCode, parts.codeNode),
    credential: `\`${parts.rewrite(parts.pair.credential)}\``,
    permission: `\`${parts.rewrite(parts.pair.permission)}\``,
    challenge: false,
  };
  return {
    framework: parts.framework,
    node: parts.codeNode,
    status: impliedStatus(parts.status),
    messages: parts.messages,
    carriers: parts.carriers,
    transport,
    hasHeader: () => false,
    edit(fixer: RuleFixer, edit: ResponseEdit): RuleFix[] | null {
      if (edit.status === undefined || edit.status === parts.status) return [];
      const code = codeForEdit(parts.pair, edit);
      return code === null ? null : [fixer.replaceText(parts.codeNode, parts.rewrite(code))];
    },
  };
}

function importedCode(sourceCode: SourceCode, node: Node): string | null {
  const found = meaningOf(sourceCode, node);
  return found?.meaning.kind === 'code' ? found.meaning.code : null;
}
