import { describeProblem } from 'eslint-plugin-auth-status/tooling';
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
  /** Two sentences: why this case calls for 401 or 403, and what the other status would tell the client. */
  sentences: [string, string];
  rfc: RfcSection[];
}

const CLIENT_REFRESH: Explained = {
  sentences: [
    'A client should refresh its token and retry only on 401, the answer to a missing, expired or invalid credential.',
    'A 403 means the credential was accepted and the request is still refused, so a new token cannot help and the client should not repeat the request with the same credentials.',
  ],
  rfc: ['15.5.2', '15.5.4'],
};

const GENERIC: Explained = {
  sentences: [
    'A 401 says the credential is missing, expired or invalid: the client should authenticate and retry, and the response must carry a WWW-Authenticate challenge.',
    'A 403 says the identity is known but not allowed: a new credential with the same rights will not help.',
  ],
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
      sentences: [
        'A 407 asks the client to authenticate with the proxy, and it must carry a Proxy-Authenticate challenge saying how.',
        'It is the proxy’s counterpart of a 401 and unrelated to a 403, which refuses an identity that is already known.',
      ],
      rfc: ['15.5.8', '11.7.1'],
    };
  }
  if (site.reason === 'authorization') {
    return {
      sentences: [
        'The caller is authenticated here and a permission check failed, so the right status is 403: a new credential with the same rights will not help.',
        `A ${site.status} tells the client to refresh its credential and retry, which repeats the refusal and often ends in a refresh loop or a log-out.`,
      ],
      rfc: ['15.5.4', '15.5.2'],
    };
  }
  const failure = site.reason === 'credential' && site.problem ? problemPhrase(site.problem) : 'a missing, expired or invalid credential';
  if (site.status === 401) {
    return {
      sentences: [
        `This 401 answers ${failure}, which is right: the client should authenticate and retry, and the WWW-Authenticate challenge tells it how.`,
        'Without the challenge the client cannot tell which scheme to use; a 403 instead would say that a new credential will not help.',
      ],
      rfc: ['15.5.2', '11.6.1'],
    };
  }
  return {
    sentences: [
      `This response answers ${failure}, so the check “who are you?” failed and the right status is 401 with a WWW-Authenticate challenge, telling the client to get a fresh credential and retry.`,
      otherStatusSentence(site.status),
    ],
    rfc: ['15.5.2', '15.5.4', '11.6.1'],
  };
}

function problemPhrase(problem: string): string {
  return describeProblem(problem as Parameters<typeof describeProblem>[0]) ?? 'a failed credential check';
}

function otherStatusSentence(status: number): string {
  if (status === 403) return 'A 403 means the identity is known but not allowed, so the client will not re-authenticate and the user stays locked out.';
  if (status === 400) return 'A 400 says the request itself is malformed, which it is not, so the client will not re-authenticate.';
  return `${status} is not a standard answer to a credential failure, so clients, proxies and browsers will not know to re-authenticate (a 403 would wrongly say the identity is known but not allowed).`;
}
