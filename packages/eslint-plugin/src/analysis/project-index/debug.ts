/** `AUTH_STATUS_DEBUG=index` (or `*`) logs why a module was skipped; the index never reports anything itself. */
const enabled = /(^|,)\s*(index|\*)\s*(,|$)/.test(process.env.AUTH_STATUS_DEBUG ?? '');

export function debugIndex(message: string): void {
  if (enabled) process.stderr.write(`auth-status:index ${message}\n`);
}
