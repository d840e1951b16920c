import * as path from 'node:path';

/** Extensions of the files the tools lint (JavaScript and TypeScript in every module flavour, with and without JSX). */
export const LINTED_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'] as const;
export type LintedExtension = (typeof LINTED_EXTENSIONS)[number];

/**
 * The file's extension in lower case when it is one the tools lint, else undefined. Case does not matter
 * (`App.JS`, `page.TSX`): a file system or a Windows habit decides it, not the file's language.
 */
export function lintedExtensionOf(filePath: string): LintedExtension | undefined {
  const extension = path.extname(filePath).toLowerCase();
  return (LINTED_EXTENSIONS as readonly string[]).includes(extension) ? (extension as LintedExtension) : undefined;
}

/**
 * ESLint `files` globs matching these extensions in any case (`**\/*.[jJ][sS]`): flat-config globs are case
 * sensitive, and a file no config object matches is silently "not linted" rather than failed.
 */
export function anyCaseGlobs(extensions: readonly string[]): string[] {
  return extensions.map((extension) => {
    const letters = [...extension].map((char) => (char.toLowerCase() === char.toUpperCase() ? char : `[${char.toLowerCase()}${char.toUpperCase()}]`));
    return `**/*${letters.join('')}`;
  });
}
