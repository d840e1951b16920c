import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, propertyName, skipWrappers, type SourceCode } from '../ast';
import type { ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { ensureNamedImport } from './named-import';
import { isModuleObject } from './transport-code';

/** A package whose exported error classes each stand for one HTTP status. */
export interface ErrorPackage {
  /** The module name as imported (`@feathersjs/errors`). */
  module: string;
  /** Class name → the status the framework answers with. */
  statuses: Readonly<Record<string, number>>;
  /** The class a fix writes for 401 and for 403. */
  credentialClass: string;
  permissionClass: string;
}

/** `new errors.Forbidden(msg)` or `new Forbidden(msg)`: which class of the package, and how to name another. */
export interface PackageErrorUse {
  name: string;
  code: number;
  /** The identifier naming the class: the report points at it. */
  nameNode: TSESTree.Identifier;
  /** Fixes that make the expression name the package's class for `code`, or null when that needs a new binding. */
  rename(fixer: RuleFixer, code: number): RuleFix[] | null;
}

/** The package class `call` constructs, found through a namespace/default import, a `require` or a named import. */
export function packageErrorUse(sourceCode: SourceCode, call: TSESTree.NewExpression, errorPackage: ErrorPackage): PackageErrorUse | null {
  const module = new RegExp(`^${escapedModule(errorPackage)}$`);
  const callee = skipWrappers(call.callee);
  if (callee.type === T.MemberExpression && callee.property.type === T.Identifier && !callee.computed) {
    const object = skipWrappers(callee.object);
    const name = propertyName(callee);
    if (object.type !== T.Identifier || name === null || !isModuleObject(sourceCode, object, module)) return null;
    const code = statusOf(errorPackage, name);
    if (code === null) return null;
    const property = callee.property;
    return { name, code, nameNode: property, rename: (fixer, target) => [fixer.replaceText(property, classFor(errorPackage, target))] };
  }
  if (callee.type !== T.Identifier) return null;
  const binding = bindingOf(sourceCode, callee);
  const name = binding && exportNameOf(sourceCode, callee, module);
  const code = name ? statusOf(errorPackage, name) : null;
  if (!binding || !name || code === null) return null;
  return {
    name,
    code,
    nameNode: callee,
    rename(fixer, target) {
      const wanted = classFor(errorPackage, target);
      const imported = boundTo(sourceCode, callee, wanted, module)
        ? []
        : binding.declaration.type === T.VariableDeclarator
          ? addToRequirePattern(fixer, sourceCode, binding.declaration, wanted)
          : ensureNamedImport(fixer, sourceCode, errorPackage.module, wanted);
      return imported && [...imported, fixer.replaceText(callee, wanted)];
    },
  };
}

/**
 * The package export an identifier is bound to: imported by name, destructured from `require(m)`, or destructured
 * from the module object (`import errors from 'restify-errors'; const { NotAuthorizedError } = errors`).
 */
function exportNameOf(sourceCode: SourceCode, identifier: TSESTree.Identifier, module: RegExp): string | null {
  const binding = bindingOf(sourceCode, identifier);
  if (binding?.kind === 'import') return binding.module !== undefined && module.test(binding.module) ? (binding.imported ?? null) : null;
  if (binding?.kind !== 'const' || binding.key === undefined) return null;
  const source = skipWrappers(binding.init);
  return source.type === T.Identifier && isModuleObject(sourceCode, source, module) ? binding.key : null;
}

/** The package's module name as a regular expression's source. */
function escapedModule(errorPackage: ErrorPackage): string {
  return errorPackage.module.replace(/[/.]/g, '\\$&');
}

/** Is `name`, seen from `at`, bound to the export `name` of the package (`const { Forbidden } = require(…)`)? */
function boundTo(sourceCode: SourceCode, at: TSESTree.Identifier, name: string, module: RegExp): boolean {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (!variable) continue;
    const identifier = variable.identifiers[0];
    return identifier !== undefined && exportNameOf(sourceCode, identifier, module) === name;
  }
  return false;
}

/** `const { Forbidden } = require(m)` → `const { Forbidden, NotAuthenticated } = require(m)`, if the name is free. */
function addToRequirePattern(fixer: RuleFixer, sourceCode: SourceCode, declarator: TSESTree.VariableDeclarator, name: string): RuleFix[] | null {
  const pattern = declarator.id;
  const last = pattern.type === T.ObjectPattern ? pattern.properties[pattern.properties.length - 1] : undefined;
  if (!last || last.type === T.RestElement) return null;
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(declarator); scope; scope = scope.upper) {
    if (scope.set.has(name)) return null;
  }
  return [fixer.insertTextAfter(last, `, ${name}`)];
}

function statusOf(errorPackage: ErrorPackage, name: string): number | null {
  return Object.hasOwn(errorPackage.statuses, name) ? errorPackage.statuses[name]! : null;
}

function classFor(errorPackage: ErrorPackage, code: number): string {
  return code === 401 ? errorPackage.credentialClass : errorPackage.permissionClass;
}

/** How a framework carries a header on a response answered with one of its package's error classes. */
export interface ErrorHeaders {
  framework: string;
  hasHeader(name: string): boolean;
  /** Fixes that put the header on the response, or null when nothing in reach can. */
  add(fixer: RuleFixer, header: { name: string; value: string }): RuleFix[] | null;
  /** Why no header can be added, when none ever can (shown in the messages). */
  limitation?: string;
}

/** The site of `new X(msg)` for a package error class: the class names the status, a fix renames it. */
export function packageErrorSite(call: TSESTree.NewExpression, use: PackageErrorUse, headers: ErrorHeaders): ResponseSite {
  return {
    framework: headers.framework,
    node: use.nameNode,
    status: { code: use.code, node: null, form: { kind: 'literal' } },
    messages: call.arguments.filter((argument) => argument.type !== T.SpreadElement),
    carriers: carriersOf(call),
    ...(headers.limitation ? { headerLimitation: headers.limitation } : {}),
    hasHeader: (name) => headers.hasHeader(name),
    edit(fixer, edit) {
      const renamed = edit.status === undefined || edit.status === use.code ? [] : use.rename(fixer, edit.status);
      const added = edit.addHeader ? headers.add(fixer, edit.addHeader) : [];
      return renamed && added && [...renamed, ...added];
    },
  };
}

/**
 * The adapter of a package whose error classes are thrown and rendered by the framework with no header in reach of
 * the throw: each `new X(msg)` of the package is a site; `outOfView` says the challenge is decided where it is rendered.
 */
export function throwOnlyPackageAdapter(errorPackage: ErrorPackage, framework: string, limitation: string, outOfView = false): SiteAdapter {
  const headers: ErrorHeaders = { framework, hasHeader: () => false, add: () => null, limitation };
  return {
    framework,
    nodeTypes: [T.NewExpression],
    mentions: new RegExp(escapedModule(errorPackage)),
    visit(node, context) {
      if (node.type !== T.NewExpression) return;
      const use = packageErrorUse(context.sourceCode, node, errorPackage);
      if (!use) return;
      const site = packageErrorSite(node, use, headers);
      context.addSite(outOfView ? { ...site, renderedOutOfView: true } : site);
    },
  };
}
