import type { Formatter } from './format';

/** Exactly what ESLint's `json` formatter prints: the results array. */
export const formatJson: Formatter = (results) => JSON.stringify(results);
