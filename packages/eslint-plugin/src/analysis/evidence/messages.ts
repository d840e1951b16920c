import { keyName, skipWrappers, staticString, type Node } from '../ast';
import { T } from '../node-types';
import type { EvidenceCategory } from '../reason';
import * as V from '../vocabulary';

export function classifyMessage(text: string): EvidenceCategory | null {
  if (V.MESSAGE_EXEMPT.test(text)) return 'exempt';
  if (V.MESSAGE_AUTHORIZATION.test(text)) return 'authorization';
  if (V.MESSAGE_EXPIRED.test(text)) return 'expired';
  if (V.MESSAGE_MISSING.test(text)) return 'missing';
  if (V.MESSAGE_LOGIN.test(text)) return 'login';
  if (V.MESSAGE_INVALID.test(text)) return 'invalid';
  return null;
}

/**
 * An OAuth 2.0 token endpoint's error body (RFC 6749 §5.2: `{ error, error_description }`), whose statuses are
 * right as they are (400 `invalid_grant`, semantics.md); not a resource server's RFC 6750 `invalid_token`.
 * Returns the `error_description` property that shows it.
 */
export function tokenEndpointErrorBody(message: Node): Node | null {
  const body = skipWrappers(message);
  if (body.type !== T.ObjectExpression) return null;
  let description: Node | null = null;
  for (const property of body.properties) {
    if (property.type !== T.Property) continue;
    const key = keyName(property);
    if (key === 'error_description') description = property;
    if (key === 'error' && staticString(property.value) === 'invalid_token') return null;
  }
  return description;
}
