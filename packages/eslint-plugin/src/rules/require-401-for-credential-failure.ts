import { analyze } from '../analysis/analyze';
import { isFunction, propertyName, type Node } from '../analysis/ast';
import { T } from '../analysis/node-types';
import { challengeValue, type CredentialProblem } from '../analysis/challenge';
import type { Reason } from '../analysis/reason';
import type { ResponseSite } from '../analysis/types';
import type { Require401ForCredentialFailureOptions } from '../options';
import { createRule } from '../util/createRule';
import { AUTOFIX_OPTION, REALM_OPTION, SCHEME_OPTION } from '../util/option-schemas';
import { describeProblem, describeSplit, plainQuote, quoteEvidence } from '../util/describe';

export const DEFAULT_ALLOWED_STATUSES = [401, 407, 429];

/**
 * A 404 for a token hides whether the resource exists, which a server may want; a 404 for an account a password
 * login could not find tells the caller which accounts exist, and is judged like any other status. A 500 is judged
 * only there too, and not in a `catch`: elsewhere it answers whatever else failed on the way (a database call and a
 * token's verification alike), while a login that answers its unknown account with 500 chose it.
 */
function answersFailedLogin(reason: Reason): boolean {
  return reason.kind === 'credential' && reason.problem === 'login' && reason.evidence.some((e) => e.category === 'login' && e.strength === 2);
}

/** Sent where something threw or rejected: a `catch` block, or a callback handed to a promise's `.catch`. */
function answeredOnError(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.CatchClause) return true;
    if (!isFunction(current)) continue;
    const call = current.parent;
    return call?.type === T.CallExpression && call.callee.type === T.MemberExpression && propertyName(call.callee) === 'catch';
  }
  return false;
}

type Options = [Require401ForCredentialFailureOptions];
type MessageIds = 'wrongStatus' | 'wrongStatusHeaderless' | 'wrongCode' | 'splitStatus' | 'splitCode' | 'respond401' | 'respond401Only' | 'answerCredentialCode';

export default createRule<Options, MessageIds>({
  name: 'require-401-for-credential-failure',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require 401 (not 403, 400, 409, 419, 440, 498 …) when a credential is missing, expired or invalid',
      recommended: 'error',
    },
    hasSuggestions: true,
    fixable: 'code',
    schema: [
      {
        type: 'object',
        properties: {
          allowedStatuses: {
            type: 'array',
            items: { type: 'integer', minimum: 100, maximum: 999 },
            uniqueItems: true,
            description: 'Statuses never reported for a credential failure.',
          },
          autofix: AUTOFIX_OPTION,
          scheme: SCHEME_OPTION,
          realm: REALM_OPTION,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowedStatuses: DEFAULT_ALLOWED_STATUSES, autofix: false, scheme: 'auto', realm: 'api' }],
    messages: {
      wrongStatus:
        '{{status}} answers {{problem}} ({{evidence}}); use 401 with a WWW-Authenticate challenge so the client knows to re-authenticate and retry.',
      wrongStatusHeaderless:
        '{{status}} answers {{problem}} ({{evidence}}); use 401 with a WWW-Authenticate challenge so the client knows to re-authenticate and retry ({{limitation}}).',
      wrongCode: '{{written}} answers {{problem}} ({{evidence}}); use {{credential}} so the client knows to sign in again and retry.',
      splitStatus:
        '{{status}} answers {{problem}} ({{evidence}}) as well as a permission denial ({{denial}}); check the credential first and answer its failure with 401 and a WWW-Authenticate challenge, so the client knows to re-authenticate.',
      splitCode:
        '{{written}} answers {{problem}} ({{evidence}}) as well as a permission denial ({{denial}}); check the credential first and answer its failure with {{credential}}, so the client knows to sign in again.',
      respond401: 'Respond 401 with {{header}}: {{challenge}}',
      respond401Only: 'Respond 401',
      answerCredentialCode: 'Answer {{credential}}',
    },
  },
  create(context, [options]) {
    const allowed = new Set(options.allowedStatuses ?? DEFAULT_ALLOWED_STATUSES);
    const sourceCode = context.sourceCode;
    const isReported = (code: number) => !allowed.has(code) && ((code >= 400 && code <= 499) || code === 500 || code === 999);

    /** The change to 401, and the suggestion that names what it writes (the challenge it adds, if any). */
    function edit(site: ResponseSite, problem: CredentialProblem) {
      const addHeader =
        site.hasHeader('www-authenticate') || site.transport?.challenge === false
          ? undefined
          : { name: 'WWW-Authenticate', value: challengeValue(sourceCode, options, problem) };
      const fix = (fixer: Parameters<ResponseSite['edit']>[0]) => site.edit(fixer, { status: 401, addHeader });
      const suggestion = addHeader
        ? { messageId: 'respond401' as const, data: { header: addHeader.name, challenge: addHeader.value }, fix }
        : { messageId: 'respond401Only' as const, fix };
      return { fix, suggestion };
    }

    return {
      Program() {
        const analysis = analyze(sourceCode, context.filename);
        for (const site of analysis.sites) {
          if (!isReported(site.status.code)) continue;
          // An exception rendering its own status: judged once, where its class declares the status.
          if (site.status.form.kind === 'instance') continue;
          // A helper of this file: judged at each call, where the reason is.
          if (site.judgedAtCalls) continue;
          const reason = analysis.reasonOf(site);
          if ((site.status.code === 404 || site.status.code === 500) && !answersFailedLogin(reason)) continue;
          if (site.status.code === 500 && answeredOnError(site.node)) continue;
          if (reason.kind === 'split') {
            // The check must be split by hand: no fix can tell which branch the code wants where.
            const { problem, evidence, denial } = describeSplit(reason);
            const { transport } = site;
            if (transport) {
              context.report({ node: site.node, messageId: 'splitCode', data: { written: plainQuote(transport.written), problem, evidence, denial, credential: plainQuote(transport.credential) } });
            } else {
              context.report({ node: site.node, messageId: 'splitStatus', data: { status: site.status.code, problem, evidence, denial } });
            }
            continue;
          }
          if (reason.kind !== 'credential') continue;
          const { fix, suggestion } = edit(site, reason.problem);
          const problem = describeProblem(reason.problem);
          const evidence = quoteEvidence(reason.evidence);
          const { transport } = site;
          if (transport) {
            context.report({
              node: site.node,
              messageId: 'wrongCode',
              data: { written: plainQuote(transport.written), problem, evidence, credential: plainQuote(transport.credential) },
              fix: options.autofix ? fix : null,
              suggest: [{ messageId: 'answerCredentialCode', data: { credential: plainQuote(transport.credential) }, fix }],
            });
            continue;
          }
          context.report({
            node: site.node,
            messageId: site.headerLimitation ? 'wrongStatusHeaderless' : 'wrongStatus',
            data: { status: site.status.code, problem, evidence, limitation: plainQuote(site.headerLimitation ?? '') },
            fix: options.autofix ? fix : null,
            suggest: [suggestion],
          });
        }
      },
    };
  },
});
