// The types package, not `@typescript-eslint/utils`, whose index loads all of ESLint: every host would pay that at start-up.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

/**
 * The AST node type names. `@typescript-eslint/utils` re-exports them through a getter, which a hot path pays
 * on every `AST_NODE_TYPES.X`; this plain binding does not.
 */
export const T = AST_NODE_TYPES;
