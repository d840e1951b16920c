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
