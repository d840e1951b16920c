import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { statusFromName, statusName } from '../status-names';
import type { ResponseSite, RuleFix, RuleFixer } from '../types';

/**
 * Response helpers named after an error status (`response.unauthorized()`, `res.forbidden()`,
 * `ApiError.badRequest()`): the status the name stands for, when it is 400 or more.
 */
export function errorStatusOfMethod(name: string): number | undefined {
  // `internalServerError` is its status's own name; `unauthorizedError` and `forbiddenException` add a suffix.
  const code = statusFromName(name) ?? statusFromName(name.replace(/(Error|Exception)$/, ''));
  return code !== undefined && code >= 400 ? code : undefined;
}

/** The helper name for `code` in camelCase, as Adonis and Sails spell their responses (`unauthorized`, `badRequest`). */
export function methodForStatus(code: number): string | undefined {
  const name = statusName(code, 'PascalCase');
  return name && name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * A response helper named for its status (`response.forbidden(body)`, `ctx.unauthorized(msg)`): the site every
 * such adapter builds. The fix renames the helper for a new status and adds the header the adapter's way
 * (`addHeader` returns null when it has no safe form).
 */
export function namedHelperSite(
  framework: string,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  code: number,
  hasHeader: (name: string) => boolean,
  addHeader: (fixer: RuleFixer, header: { name: string; value: string }) => RuleFix | RuleFix[] | null,
): ResponseSite {
  return {
    framework,
    node: callee.property,
    status: { code, node: null, form: { kind: 'literal' } },
    messages: call.arguments.filter((argument) => argument.type !== T.SpreadElement),
    carriers: [],
    hasHeader,
    edit(fixer, edit) {
      const fixes: RuleFix[] = [];
      if (edit.status !== undefined && edit.status !== code) {
        const name = methodForStatus(edit.status);
        if (!name) return null;
        fixes.push(fixer.replaceText(callee.property, name));
      }
      if (edit.addHeader) {
        const fix = addHeader(fixer, edit.addHeader);
        if (!fix) return null;
        fixes.push(...[fix].flat());
      }
      return fixes;
    },
  };
}
