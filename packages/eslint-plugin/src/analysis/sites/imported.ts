import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import type { ImportedMeaning } from '../project-index';
import { meaningOf, type ImportedName } from '../project-index/lookup';
import { resolveStatus } from '../status';
import { statusOnlyEdit } from '../edits';
import { handleKey } from '../handles';
import type { AdapterContext, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { ensureNamedImport } from './named-import';
import { errorStatusOfMethod } from './status-methods';

/**
 * Calls and constructions of what another module defines to answer a status: `throw new TokenExpiredError()`
 * where the class passes 403 to its base, `return unauthorized(res)` where the helper sends 401. The site is the
 * call in this file; the definition is related information. A status passed at the call is the call's own
 * (the custom-error adapter judges `new ApiError(403, …)`), so such calls are left alone.
 */
export const importedAdapter: SiteAdapter = {
  framework: 'imported',
  nodeTypes: [T.CallExpression, T.NewExpression],
  visit(node, context) {
    if ((node.type !== T.CallExpression && node.type !== T.NewExpression) || !leavesWithResponse(node)) return;
    if (!ANSWERING_NAME.test(calleeName(node) ?? '')) return;
    const found = meaningOf(context.sourceCode, node.callee);
    if (found?.meaning.kind === 'forwards' && node.type === T.CallExpression) {
      const site = forwardedSite(node, found, context);
      if (site) context.addSite(site);
      return;
    }
    if (found?.meaning.kind !== 'responds') return;
    if ((node.type === T.NewExpression) !== (found.meaning.form === 'class')) return;
    if (node.arguments.some((argument) => argument.type !== T.SpreadElement && (resolveStatus(context.sourceCode, argument)?.code ?? 0) >= 400)) return;
    context.addSite(importedSite(node, found, context));
  },
};

/**
 * Names of what may answer a status: error classes and response helpers. Following every imported call would parse
 * most of a project for nothing; these words cover the error and response vocabulary of real projects.
 */
const ANSWERING_NAME = /error|exception|fault|problem|unauthori[sz]ed|unauthenticated|forbidden|denied|deny|reject|refuse|fail|invalid|expired|missing|notallowed|respon|reply|send|abort|http|status|challenge|auth|token|login|credential|permission|access/i;

/**
 * Is the call where a response or an error leaves: thrown, returned, a statement of its own, an arrow's body, or
 * an argument (`next(err)`, `ctx.assert(user, err)`)? A value kept in a variable (`const user = await lookup(token)`)
 * is not an answer.
 */
export function leavesWithResponse(call: Node): boolean {
  let node = call;
  while (node.parent && (node.parent.type === T.AwaitExpression || skipWrappers(node.parent) !== node.parent)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case T.ThrowStatement:
    case T.ReturnStatement:
    case T.ExpressionStatement:
      return true;
    case T.ArrowFunctionExpression:
      return parent.body === node;
    case T.CallExpression:
    case T.NewExpression:
      return parent.arguments.includes(node as never);
    case T.AssignmentExpression:
      // Azure Functions v3: `context.res = forbidden(reason)` is the response.
      return parent.right === node && parent.left.type === T.MemberExpression && propertyName(parent.left) === 'res';
    default:
      return false;
  }
}

function importedSite(call: TSESTree.CallExpression | TSESTree.NewExpression, found: ImportedMeaning & ImportedName, context: AdapterContext): ResponseSite {
  const meaning = found.meaning as Extract<ImportedMeaning['meaning'], { kind: 'responds' }>;
  const callee = skipWrappers(call.callee);
  const calleeText = context.sourceCode.getText(callee);
  return {
    framework: 'imported',
    node: call,
    status: { code: meaning.status, node: null, form: { kind: 'literal' } },
    messages: call.arguments.filter((argument) => argument.type !== T.SpreadElement),
    // `new UnauthorizedError()` says which status, not why: only a name that says more is evidence (`TokenExpiredError`).
    names: errorStatusOfMethod(found.name) === meaning.status ? [] : [callee.type === T.MemberExpression ? callee.property : callee],
    carriers: [calleeText, ...carriersOf(call)],
    // An error object gets its challenge where it is rendered, which a summary does not see: never reported for it.
    hasHeader: (name) => name === 'www-authenticate' && (meaning.challenge || meaning.form === 'class'),
    ...(meaning.challenge ? {} : { headerLimitation: definedElsewhere(calleeText) }),
    definition: { file: found.file, line: meaning.line, name: found.name },
    edit: (fixer, edit) => switchToSibling(fixer, context.sourceCode, callee, found, edit),
  };
}

/**
 * `sendJSONStatus(res, HTTP.UNAUTHORIZED, msg)` where the helper sets the status it is handed on the response it is
 * handed: the status is this call's argument, and so is its fix; the header is the helper's, or set on `res` before.
 */
function forwardedSite(call: TSESTree.CallExpression, found: ImportedMeaning & ImportedName, context: AdapterContext): ResponseSite | null {
  const meaning = found.meaning as Extract<ImportedMeaning['meaning'], { kind: 'forwards' }>;
  const { sourceCode } = context;
  const statusArgument = call.arguments[meaning.status];
  // -1: the helper makes an error carrying the status (`error(401, msg)`), which its framework sends as it is.
  const response = meaning.response >= 0 ? call.arguments[meaning.response] : undefined;
  if (!statusArgument || statusArgument.type === T.SpreadElement || (meaning.response >= 0 && (!response || response.type === T.SpreadElement))) return null;
  const status = resolveStatus(sourceCode, statusArgument);
  if (!status || status.code < 400) return null;
  const calleeText = sourceCode.getText(call.callee);
  const handle = response && response.type !== T.SpreadElement ? handleKey(sourceCode, response) : null;
  return {
    framework: 'imported',
    node: statusArgument,
    status,
    messages: call.arguments.filter((argument, index) => index !== meaning.status && index !== meaning.response && argument.type !== T.SpreadElement),
    carriers: [calleeText, ...carriersOf(call)],
    hasHeader: (name) => (name === 'www-authenticate' && meaning.challenge) || (handle !== null && context.headers.has(handle, name, call)),
    ...(meaning.challenge ? {} : { headerLimitation: definedElsewhere(calleeText) }),
    definition: { file: found.file, line: meaning.line, name: found.name },
    edit: statusOnlyEdit(sourceCode, status),
  };
}

/** Why the challenge cannot be added at the call: the helper that sends the response lives in another module. */
function definedElsewhere(calleeText: string): string {
  return `\`${calleeText}\` is defined in another module, so add the challenge there`;
}

/**
 * The fix through a helper: call the sibling the same module exports for the wanted status (`unauthorized` →
 * `forbidden`), of the same form, and only when it also sends the challenge a 401 needs. Another file is never edited.
 */
function switchToSibling(
  fixer: RuleFixer,
  sourceCode: SourceCode,
  callee: Node,
  found: ImportedMeaning & ImportedName,
  edit: Parameters<ResponseSite['edit']>[1],
): RuleFix[] | null {
  const meaning = found.meaning as Extract<ImportedMeaning['meaning'], { kind: 'responds' }>;
  if (edit.status === undefined || edit.status === meaning.status) return edit.addHeader ? null : [];
  const sibling = [...found.exporter.exports].find(
    ([, other]) => other.kind === 'responds' && other.form === meaning.form && other.status === edit.status && (!edit.addHeader || other.challenge),
  );
  if (!sibling) return null;
  const [name] = sibling;
  if (callee.type === T.MemberExpression) return callee.computed ? null : [fixer.replaceText(callee.property, name)];
  if (callee.type !== T.Identifier || callee.name !== found.name) return null;
  const imports = requiredAlongside(fixer, sourceCode, callee, name) ?? ensureNamedImport(fixer, sourceCode, found.module, name);
  return imports ? [...imports, fixer.replaceText(callee, name)] : null;
}

/** `const { unauthorized } = require(…)` gains `, forbidden`; null when the name was not destructured from a require. */
function requiredAlongside(fixer: RuleFixer, sourceCode: SourceCode, callee: TSESTree.Identifier, name: string): RuleFix[] | null {
  const binding = bindingOf(sourceCode, callee);
  const pattern = binding?.declaration.type === T.VariableDeclarator ? binding.declaration.id : null;
  if (pattern?.type !== T.ObjectPattern) return null;
  const taken = pattern.properties.some((property) => property.type === T.Property && property.value.type === T.Identifier && property.value.name === name);
  if (taken) return [];
  if (sourceCode.getScope(pattern).set.has(name)) return null;
  const last = pattern.properties[pattern.properties.length - 1];
  return last ? [fixer.insertTextAfter(last, `, ${name}`)] : null;
}
