/**
 * `import()` of a file URL, kept in a module of its own: the CLI bundles its code into one file, whose V8 code
 * cache Node 20 cannot use when the file calls `import()` itself; the bundle requires this file instead.
 */
export const importModule = (url: string): Promise<unknown> => import(url);
