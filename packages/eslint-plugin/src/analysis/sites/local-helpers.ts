import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { findVariable, isAncestor, skipWrappers, type SourceCode } from '../ast';
import { filenameOf } from '../project-index';
import { ownerOf, type Declaration } from '../project-index/summary';
import { reasonFor } from '../reason';
import { resolveStatus } from '../status';
import type { ResponseSite } from '../types';
import { ERROR_STATUS_FIELDS } from '../vocabulary';
import { carriersOf } from './error-objects';
import { leavesWithResponse } from './imported';

/** A top-level function of the file that answers one status on every call, with the sites inside it. */
interface Helper {
  name: TSESTree.Identifier;
  declaration: Declaration;
  sites: ResponseSite[];
}

/**
 * Calls of a helper of the same file (`return deny(res, 'sign in')` where `deny` always sends 403) are judged where
 * the helper is called, as an imported helper's are: the call's own conditions say why it answers. The helper's own
 * sites then say nothing to the status rules (`judgedAtCalls`), unless their own text or name already decides (a
 * helper named for an expired token is judged once, in its body). The challenge rule still judges the helper's body.
 */
export function localHelperSites(sourceCode: SourceCode, sites: readonly ResponseSite[]): ResponseSite[] {
  const helpers = helpersOf(sites);
  const found: ResponseSite[] = [];
  for (const helper of helpers) {
    const calls = callsOf(sourceCode, helper);
    if (calls.length === 0 || helper.sites.some((site) => reasonFor(sourceCode, site).kind !== 'unknown')) continue;
    // `tokenExpired(res)` sending 403 is wrong whatever the call: said once, where its status can be fixed.
    const named = helper.sites.map((site) => ({ ...site, names: [...(site.names ?? []), helper.name] }));
    if (named.some((site) => reasonFor(sourceCode, site).kind !== 'unknown')) {
      for (const site of helper.sites) site.names = [...(site.names ?? []), helper.name];
      continue;
    }
    for (const site of helper.sites) site.judgedAtCalls = true;
    found.push(...calls.map((call) => callSite(sourceCode, call, helper)));
  }
  return found;
}

function helpersOf(sites: readonly ResponseSite[]): Helper[] {
  const byDeclaration = new Map<Declaration, Helper>();
  for (const site of sites) {
    if (site.status.form.kind === 'instance' || site.status.code < 400) continue;
    const owner = ownerOf(site);
    const name = owner ? declaredName(owner.declaration) : null;
    if (!owner || !name) continue;
    const helper = byDeclaration.get(owner.declaration) ?? { name, declaration: owner.declaration, sites: [] };
    helper.sites.push(site);
    byDeclaration.set(owner.declaration, helper);
  }
  // One status, and one transport code, on every call.
  return [...byDeclaration.values()].filter(({ sites: own }) => {
    const [first] = own;
    return own.every((site) => site.status.code === first!.status.code && site.transport?.written === first!.transport?.written);
  });
}

/** `function deny(…)`, `const deny = (…) => …`: the identifier that declares a top-level function. */
function declaredName(declaration: Declaration): TSESTree.Identifier | null {
  if (declaration.type === T.FunctionDeclaration) return declaration.id;
  if (declaration.type !== T.ArrowFunctionExpression && declaration.type !== T.FunctionExpression) return null;
  const parent = declaration.parent;
  return parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier && parent.init === declaration ? parent.id : null;
}

/** Calls of the helper, outside it, where their result is the answer (`return deny(res)`, `throw unauthorized()`). */
function callsOf(sourceCode: SourceCode, helper: Helper): TSESTree.CallExpression[] {
  const variable = findVariable(sourceCode, helper.name);
  if (!variable || variable.defs.length !== 1) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    // `const deny = (res) => …` writes it once, where it is declared; any other write makes it a different function.
    if (reference.isWrite()) {
      if (reference.init) continue;
      return [];
    }
    const call = reference.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== reference.identifier) continue;
    if (isAncestor(helper.declaration, call) || !leavesWithResponse(call) || passesStatus(sourceCode, call)) continue;
    calls.push(call);
  }
  return calls;
}

/** A call handing a status of its own (`fail(res, 401)`, `problem({ status: 403 })`) does not answer the helper's. */
function passesStatus(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => {
    if (argument.type === T.SpreadElement) return true;
    const value = skipWrappers(argument);
    if (value.type === T.ObjectExpression) {
      return value.properties.some((property) => property.type !== T.Property || (property.key.type === T.Identifier && ERROR_STATUS_FIELDS.has(property.key.name)));
    }
    return (resolveStatus(sourceCode, value)?.code ?? 0) >= 400;
  });
}

function callSite(sourceCode: SourceCode, call: TSESTree.CallExpression, helper: Helper): ResponseSite {
  const [first] = helper.sites;
  const callee = call.callee as TSESTree.Identifier;
  const file = filenameOf(sourceCode);
  return {
    framework: first!.framework,
    node: call,
    status: { code: first!.status.code, node: null, form: { kind: 'literal' } },
    messages: [...call.arguments.filter((argument) => argument.type !== T.SpreadElement), ...helper.sites.flatMap((site) => site.messages)],
    carriers: [callee.name, ...carriersOf(call)],
    ...(first!.transport ? { transport: first!.transport } : {}),
    // The challenge is the helper body's to send, and judged there.
    hasHeader: (name) => name === 'www-authenticate' || helper.sites.every((site) => site.hasHeader(name)),
    ...(file ? { definition: { file, line: helper.declaration.loc.start.line, name: callee.name } } : {}),
    // A switch to a sibling helper would depend on a statement the call does not refer to (editors re-check a
    // statement and what it uses): the helper is fixed where it is declared instead.
    edit: () => null,
  };
}
