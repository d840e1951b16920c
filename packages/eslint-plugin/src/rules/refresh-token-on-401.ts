import type { Node, SourceCode } from '../analysis/ast';
import { T } from '../analysis/node-types';
import { hasSignals } from '../analysis/analyze';
import { branchesOf } from '../analysis/client/branches';
import { refreshStatusOptions } from '../analysis/client/axios-auth-refresh';
import { keyOn401 } from '../analysis/client/key-on-401';
import { removeListElement } from '../analysis/edits';
import { branchActions, type BranchActions } from '../analysis/client/refresh-actions';
import type { RefreshTokenOn401Options } from '../options';
import { createRule } from '../util/createRule';
import { quoteCode } from '../util/describe';

/** Statuses a client must not refresh-and-retry on: 403 and 400 mean something else, the rest are non-standard. */
export const DEFAULT_STATUSES = [400, 403, 419, 440, 498, 499];

type Options = [RefreshTokenOn401Options];
type MessageIds = 'refreshOnForbidden' | 'refreshOnBadRequest' | 'refreshOnOtherStatus' | 'signOutOnStatus' | 'keyOn401' | 'refreshStatusOption' | 'dropRefreshStatus' | 'refreshOn401';

export default createRule<Options, MessageIds>({
  name: 'refresh-token-on-401',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require client code to refresh the token and retry on 401 only (not 403, 400, 419, 440, 498 or 499)',
      recommended: 'warn',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          statuses: {
            type: 'array',
            items: { type: 'integer', minimum: 400, maximum: 599, not: { type: 'integer', enum: [401] } },
            uniqueItems: true,
            description: 'Statuses a branch must not refresh or retry on.',
          },
          refreshCalls: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Calls that refresh a token in your project, by name (`renewAuth`) or callee text (`authStore.rotate`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ statuses: DEFAULT_STATUSES, refreshCalls: [] }],
    messages: {
      refreshOnForbidden:
        'This branch {{action}} ({{evidence}}) on 403, but 403 means the credential was accepted and the request is still refused, so a new token cannot help (RFC 9110 §15.5.4) and the retry fails again or loops; key it on 401.',
      refreshOnBadRequest:
        'This branch {{action}} ({{evidence}}) on 400, but 400 means the request itself is malformed, so a new token cannot help; key it on 401 and have the server answer 401 to a missing or expired token.',
      refreshOnOtherStatus:
        'This branch {{action}} ({{evidence}}) on {{status}}, a status that does not tell clients, proxies or libraries that the credential is missing or expired; key it on 401 and have the server send 401 with a WWW-Authenticate challenge.',
      signOutOnStatus:
        "This branch rejects in react-admin's checkError ({{evidence}}) on {{status}}, which logs the user out, but {{status}} does not say the credential is missing or expired, so signing in again cannot help; key it on 401, or reject with { logoutUser: false } to keep the user signed in.",
      keyOn401: 'Key the branch on 401',
      refreshStatusOption:
        'The statusCodes option makes axios-auth-refresh refresh the token and retry the request on {{status}}, but only 401 says the credential is missing or expired (RFC 9110 §15.5.2), so a new token cannot help and the retry fails again or loops; refresh on 401 only.',
      dropRefreshStatus: 'Refresh on 401 only: remove {{status}} from statusCodes',
      refreshOn401: 'Refresh on 401 instead of {{status}}',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const statuses = new Set(options.statuses ?? DEFAULT_STATUSES);
    const settings = { refreshCalls: new Set(options.refreshCalls ?? []) };

    const reported = new Set<Node>();

    function reportWrongKeys(node: Node) {
      for (const branch of branchesOf(sourceCode, node)) {
        for (const check of branch.checks) {
          const code = check.status.code;
          if (!statuses.has(code) || reported.has(check.status.node)) continue;
          const actions = branchActions(sourceCode, branch, check, settings);
          const action = describeAction(actions);
          if (!action && !actions.signOut) continue;
          reported.add(check.status.node);
          const refreshes = code === 403 ? 'refreshOnForbidden' : code === 400 ? 'refreshOnBadRequest' : 'refreshOnOtherStatus';
          context.report({
            node: check.status.node,
            messageId: action ? refreshes : 'signOutOnStatus',
            data: { action: action ?? '', evidence: actionEvidence(sourceCode, actions), status: code },
            suggest: [{ messageId: 'keyOn401', fix: (fixer) => keyOn401(fixer, sourceCode, check) }],
          });
        }
      }
    }

    /** axios-auth-refresh's `statusCodes` option: the library refreshes and retries on each status listed. */
    function reportRefreshStatusOptions(call: Node) {
      if (call.type !== T.CallExpression) return;
      const options = refreshStatusOptions(sourceCode, call);
      // Without 401 in the list, the status becomes 401 instead of leaving the library nothing to refresh on.
      const has401 = options.some((option) => option.code === 401);
      for (const option of options) {
        if (!statuses.has(option.code)) continue;
        context.report({
          node: option.element,
          messageId: 'refreshStatusOption',
          data: { status: option.code },
          suggest: [
            has401
              ? { messageId: 'dropRefreshStatus', data: { status: option.code }, fix: (fixer) => removeListElement(fixer, sourceCode, option.list, option.element) }
              : { messageId: 'refreshOn401', data: { status: option.code }, fix: (fixer) => fixer.replaceText(option.element, '401') },
          ],
        });
      }
    }

    // Every status-keyed branch hangs off one of these; ESLint's own traversal visits them (no second walk).
    if (!hasSignals(sourceCode)) return {};
    return {
      CallExpression: reportRefreshStatusOptions,
      IfStatement: reportWrongKeys,
      ConditionalExpression: reportWrongKeys,
      LogicalExpression: reportWrongKeys,
      SwitchStatement: reportWrongKeys,
    };
  },
});

function describeAction(actions: BranchActions): string | null {
  const renewal = actions.refresh ? 'refreshes the token' : actions.reauthenticate ? 'signs the user in again' : null;
  if (renewal && actions.retry) return `${renewal} and retries the request`;
  return renewal ?? (actions.retry ? 'retries the request' : null);
}

function actionEvidence(sourceCode: SourceCode, actions: BranchActions): string {
  const calls = [actions.refresh ?? actions.reauthenticate ?? actions.signOut, actions.retry].filter((call) => call !== null);
  return [...new Set(calls)].map((call) => quoteCode(sourceCode.getText(call))).join(', ');
}
