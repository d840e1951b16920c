import type { Problem } from '../lint/problem';

/** The RFC 9110 sections a hover cites. */
export const RFC_SECTIONS = {
  '11.6.1': 'WWW-Authenticate',
  '11.7.1': 'Proxy-Authenticate',
  '15.5.2': '401 Unauthorized',
  '15.5.4': '403 Forbidden',
  '15.5.8': '407 Proxy Authentication Required',
} as const;
export type RfcSection = keyof typeof RFC_SECTIONS;

export interface Explained {
  /**
   * One sentence the diagnostic's message does not already say: what the status sent tells clients here, or
   * what the missing challenge costs them.
   */
  sentence: string;
  rfc: RfcSection[];
}

const CLIENT_REFRESH: Explained = {
  sentence:
    'A 403 means the credential was accepted and the request is still refused, so a fresh token cannot help: refreshing on it repeats the refusal, and the client should refresh only on 401, the answer to a missing, expired or invalid credential.',
  rfc: ['15.5.2', '15.5.4'],
};

const GENERIC: Explained = {
  sentence:
    'Clients, proxies and HTTP libraries act on the status alone: 401 makes them authenticate and retry (and needs a WWW-Authenticate challenge saying how), 403 makes them give up.',
  rfc: ['15.5.2', '15.5.4', '11.6.1'],
};

/** Problems reported on client code (no response site): explained by their rule. */
const BY_RULE: Record<string, Explained> = {
  'auth-status/refresh-token-on-401': CLIENT_REFRESH,
};

/** 401 versus 403 for this particular finding, from what the engine found at the response site. */
export function explain(problem: Problem): Explained {
  const site = problem.explanation;
  if (!site) return BY_RULE[problem.ruleId] ?? GENERIC;
  if (site.status === 407) {
    return {
      sentence: 'Without Proxy-Authenticate the client cannot tell how to authenticate with the proxy, so it cannot retry.',
      rfc: ['15.5.8', '11.7.1'],
    };
  }
  if (site.reason === 'authorization') {
    return {
      sentence: `A ${site.status} tells the client to get a new credential and retry; with the same rights the retry is refused again, which ends in a refresh loop or a log-out.`,
      rfc: ['15.5.4', '15.5.2'],
    };
  }
  if (site.status === 401) {
    return {
      sentence: 'Without a challenge the client cannot tell which scheme to use, and browsers and HTTP libraries will not retry with credentials.',
      rfc: ['15.5.2', '11.6.1'],
    };
  }
  return { sentence: otherStatusSentence(site.status), rfc: ['15.5.2', '15.5.4', '11.6.1'] };
}

function otherStatusSentence(status: number): string {
  if (status === 403) return 'A 403 tells the client that its identity is known but not allowed, so it never signs in again and the user stays locked out.';
  if (status === 400) return 'A 400 tells the client that the request itself is malformed, so it will not sign in again; resending the same request fails the same way.';
  return `A ${status} is not a standard answer to a credential failure, so clients, proxies and browsers will not know to sign in again and retry.`;
}
