import { statusFromName, statusName } from '../status-names';

/**
 * Response helpers named after an error status (`response.unauthorized()`, `res.forbidden()`,
 * `ApiError.badRequest()`): the status the name stands for, when it is 400 or more.
 */
export function errorStatusOfMethod(name: string): number | undefined {
  const code = statusFromName(name.replace(/(Error|Exception)$/, ''));
  return code !== undefined && code >= 400 ? code : undefined;
}

/** The helper name for `code` in camelCase, as Adonis and Sails spell their responses (`unauthorized`, `badRequest`). */
export function methodForStatus(code: number): string | undefined {
  const name = statusName(code, 'PascalCase');
  return name && name.charAt(0).toLowerCase() + name.slice(1);
}
