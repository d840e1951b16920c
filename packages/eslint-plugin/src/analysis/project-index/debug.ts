/** `AUTH_STATUS_DEBUG=index` (or `*`) logs why a module was skipped; the index never reports anything itself. */
const enabled = /(^|,)\s*(index|\*)\s*(,|$)/.test(process.env.AUTH_STATUS_DEBUG ?? '');

export function debugIndex(message: string): void {
  if (enabled) process.stderr.write(`auth-status:index ${message}\n`);
}

/**
 * `AUTH_STATUS_PROJECT_INDEX=off` judges each file alone, as before the index existed. Internal: `npm run bench:cli`
 * uses it to measure what following imports costs, side by side in one run.
 */
export const followsImports = process.env.AUTH_STATUS_PROJECT_INDEX !== 'off';
