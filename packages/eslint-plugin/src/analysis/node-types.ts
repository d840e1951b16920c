import { AST_NODE_TYPES } from '@typescript-eslint/types';

/**
 * The AST node type names, from `@typescript-eslint/types`, which needs no TypeScript at run time. Bound once so a
 * hot path reads a plain object on every `T.X`.
 */
export const T = AST_NODE_TYPES;
