import type { TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { bindingOf, propertyName, skipWrappers, staticString, type Node, type SourceCode } from './ast';
import { nameStyle, statusFromName, statusName } from './status-names';
import { OAK_MODULE } from './sites/oak';
import { ownExceptionStatus } from './sites/adonis-exception-class';
import { meaningOf, originModuleOf } from './project-index/lookup';

/** Modules whose exported objects map status names to codes. */
const STATUS_CONSTANT_MODULES = new Set([
  'http-status-codes',
  'http-status',
  '@nestjs/common',
  'axios',
  'http2',
  'node:http2',
  'http-status-code',
  'http-status-enum',
  '@hapi/boom',
]);
/** Deno's standard library: `STATUS_CODE.Unauthorized` (and the older `Status` enum) of `@std/http/status`. */
const DENO_STATUS_MODULE = /^((jsr:)?@std\/http(@[^/]+)?\/(status|unstable-status)|https:\/\/deno\.land\/std(@[^/]+)?\/http\/(http_)?status\.ts)$/;

/** A package (or Deno module) whose exports are tables of statuses by name. */
export function isStatusConstantModule(module: string): boolean {
  return STATUS_CONSTANT_MODULES.has(module) || DENO_STATUS_MODULE.test(module);
}

/** Names that, when not resolvable to anything in the file, are the well-known status constant objects. */
const WELL_KNOWN_CONSTANT_OBJECTS = new Set([
  'StatusCodes',
  'StatusCode',
  'HttpStatus',
  'httpStatus',
  'HttpStatusCode',
  'HttpStatusCodes',
  'HTTP_STATUS',
  'HTTP_STATUS_CODES',
  'HttpCode',
  'HttpCodes',
  'httpCodes',
  'constants',
]);

export type StatusForm =
  | { kind: 'literal' }
  | { kind: 'string' }
  | { kind: 'binding' }
  /** `this.status` of an exception whose class fixes it: changed where the class declares it, never here. */
  | { kind: 'instance' }
  /** `Obj.NAME`: `object` is the source text of `Obj`, `style` how its names are spelled. */
  | { kind: 'constant'; object: string; style: ReturnType<typeof nameStyle>; localValues?: Map<number, string> };

export interface StatusValue {
  code: number;
  /** The expression that chose the status, or null when implied by a name (`createError.Forbidden`). */
  node: Node | null;
  form: StatusForm;
}

const MAX_DEPTH = 6;

/** The HTTP status an expression evaluates to, when it can be known without running the code. */
export function resolveStatus(sourceCode: SourceCode, expression: Node): StatusValue | null {
  const resolved = resolveCode(sourceCode, expression, 0);
  return resolved ? { code: resolved.code, node: expression, form: resolved.form } : null;
}

function isStatusCode(value: number): boolean {
  return Number.isInteger(value) && value >= 100 && value <= 999;
}

function resolveCode(sourceCode: SourceCode, expression: Node, depth: number): { code: number; form: StatusForm } | null {
  if (depth > MAX_DEPTH) return null;
  const node = skipWrappers(expression);
  if (node.type === T.Literal) {
    if (typeof node.value === 'number') return isStatusCode(node.value) ? { code: node.value, form: { kind: 'literal' } } : null;
    if (typeof node.value === 'string' && /^\d{3}$/.test(node.value)) {
      return { code: Number(node.value), form: { kind: 'string' } };
    }
    return null;
  }
  if (node.type === T.TemplateLiteral) {
    const text = staticString(node);
    return text !== null && /^\d{3}$/.test(text) ? { code: Number(text), form: { kind: 'string' } } : null;
  }
  if (node.type === T.Identifier) return resolveIdentifier(sourceCode, node, depth);
  if (node.type === T.MemberExpression) return resolveMember(sourceCode, node, depth);
  return null;
}

function resolveIdentifier(
  sourceCode: SourceCode,
  identifier: TSESTree.Identifier,
  depth: number,
): { code: number; form: StatusForm } | null {
  const binding = bindingOf(sourceCode, identifier);
  if (!binding) return null;
  if (binding.kind === 'import') {
    // `import { FORBIDDEN } from 'http-status-codes'` (the legacy flat exports)
    if (binding.module && STATUS_CONSTANT_MODULES.has(binding.module) && binding.imported) {
      const code = statusFromName(binding.imported);
      return code === undefined ? null : { code, form: { kind: 'binding' } };
    }
    // `import { UNAUTHORIZED } from './codes'`: a status constant of the project (through the project index).
    const imported = statusFromName(binding.imported ?? '') === undefined ? null : meaningOf(sourceCode, identifier);
    return imported?.meaning.kind === 'status' ? { code: imported.meaning.status, form: { kind: 'binding' } } : null;
  }
  if (binding.kind !== 'const') return null;
  if (binding.key !== undefined) {
    // const { HTTP_STATUS_UNAUTHORIZED } = http2.constants; const { FORBIDDEN } = StatusCodes
    const source = skipWrappers(binding.init);
    const code = statusFromName(binding.key);
    const isConstants = (source.type === T.MemberExpression || source.type === T.Identifier) && isStatusConstantObject(sourceCode, source);
    return code !== undefined && isConstants ? { code, form: { kind: 'binding' } } : null;
  }
  const inner = resolveCode(sourceCode, binding.init, depth + 1);
  return inner ? { code: inner.code, form: { kind: 'binding' } } : null;
}

function resolveMember(
  sourceCode: SourceCode,
  member: TSESTree.MemberExpression,
  depth: number,
): { code: number; form: StatusForm } | null {
  const name = propertyName(member);
  if (name === null) return null;
  const object = skipWrappers(member.object);
  const objectText = sourceCode.getText(member.object);

  const classStatus = name === 'status' ? ownExceptionStatus(sourceCode, member) : null;
  if (classStatus) {
    const inner = resolveCode(sourceCode, classStatus, depth + 1);
    return inner && { code: inner.code, form: { kind: 'instance' } };
  }

  // A constant object literal in this file: `const STATUS = { FORBIDDEN: 403 }`.
  const local = object.type === T.Identifier ? localConstantObject(sourceCode, object) : null;
  if (local) {
    const value = local.get(name);
    if (!value) return null;
    const inner = resolveCode(sourceCode, value, depth + 1);
    if (!inner) return null;
    const localValues = new Map<number, string>();
    for (const [key, valueNode] of local) {
      const code = resolveCode(sourceCode, valueNode, depth + 1);
      if (code && !localValues.has(code.code)) localValues.set(code.code, key);
    }
    return { code: inner.code, form: { kind: 'constant', object: objectText, style: nameStyle(name), localValues } };
  }

  // `HttpCode.Unauthorized` of an enum or constant object another module of the project exports.
  // Only a status name (`Unauthorized`, `FORBIDDEN`) is looked up: other members never parse another module.
  // `codes.HTTP.UNAUTHORIZED` of a table `require('./codes.json')` holds: `codes.HTTP` is the imported name.
  const imported = (object.type === T.Identifier || object.type === T.MemberExpression) && statusFromName(name) !== undefined ? meaningOf(sourceCode, object) : null;
  if (imported?.meaning.kind === 'constants') {
    const value = imported.meaning.codes.get(name);
    if (value === undefined) return null;
    const localValues = new Map<number, string>();
    for (const [key, code] of imported.meaning.codes) if (!localValues.has(code)) localValues.set(code, key);
    return { code: value, form: { kind: 'constant', object: objectText, style: nameStyle(name), localValues } };
  }

  const code = statusFromName(name);
  if (code === undefined) return null;
  if (!isStatusConstantObject(sourceCode, object)) return null;
  return { code, form: { kind: 'constant', object: objectText, style: nameStyle(name) } };
}

function localConstantObject(sourceCode: SourceCode, identifier: TSESTree.Identifier): Map<string, Node> | null {
  const binding = bindingOf(sourceCode, identifier);
  if (!binding || binding.kind !== 'const' || binding.key !== undefined) return null;
  const init = skipWrappers(binding.init);
  if (init.type !== T.ObjectExpression) return null;
  const entries = new Map<string, Node>();
  for (const property of init.properties) {
    if (property.type !== T.Property) continue;
    const key = !property.computed && property.key.type === T.Identifier ? property.key.name : staticString(property.key);
    if (key !== null) entries.set(key, property.value);
  }
  return entries;
}

/** Is `object` (the `X` of `X.FORBIDDEN`) one of the status constant objects of the known libraries? */
function isStatusConstantObject(sourceCode: SourceCode, object: Node): boolean {
  if (object.type === T.Identifier) {
    const binding = bindingOf(sourceCode, object);
    // oak's `Status` enum (`Status.Unauthorized`) comes from oak's own module, whichever registry served it.
    if (binding?.kind === 'import') {
      if (binding.module === undefined) return false;
      const module = originModuleOf(sourceCode, binding.module, binding.imported);
      return isStatusConstantModule(module) || OAK_MODULE.test(module);
    }
    if (binding) return false;
    return WELL_KNOWN_CONSTANT_OBJECTS.has(object.name);
  }
  if (object.type === T.MemberExpression) {
    // `http2.constants`, `status.codes`
    const inner = propertyName(object);
    return inner === 'constants' || inner === 'StatusCodes' || inner === 'HttpStatus';
  }
  return false;
}

/** Source text for `code` in the same form as an existing status expression. */
export function statusText(form: StatusForm, code: number, originalText: string): string {
  switch (form.kind) {
    case 'string': {
      const quote = /^[`'"]/.test(originalText) ? originalText[0] : "'";
      return `${quote}${code}${quote}`;
    }
    case 'constant': {
      const local = form.localValues?.get(code);
      if (form.localValues) return local ? `${form.object}.${local}` : String(code);
      const name = statusName(code, form.style);
      return name ? `${form.object}.${name}` : String(code);
    }
    default:
      return String(code);
  }
}
