import { analyze } from '../analysis/analyze';
import type { ResponseSite, RuleFixer } from '../analysis/types';
import type { Require403ForPermissionDenialOptions } from '../options';
import { createRule } from '../util/createRule';
import { AUTOFIX_OPTION } from '../util/option-schemas';
import { describeSplit, plainQuote, quoteEvidence } from '../util/describe';

type Options = [Require403ForPermissionDenialOptions];
type MessageIds = 'permissionDenial' | 'permissionDenialCode' | 'splitDenial' | 'splitDenialCode' | 'respond403' | 'answerPermissionCode';

export default createRule<Options, MessageIds>({
  name: 'require-403-for-permission-denial',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require 403 (not 401) when a known identity lacks the role, permission, scope or ownership',
      recommended: 'error',
    },
    hasSuggestions: true,
    fixable: 'code',
    schema: [
      {
        type: 'object',
        properties: {
          autofix: AUTOFIX_OPTION,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ autofix: false }],
    messages: {
      permissionDenial:
        '401 answers a permission denial ({{evidence}}); use 403 — clients refresh and retry on 401, so this causes refresh loops and log-outs.',
      permissionDenialCode:
        '{{written}} answers a permission denial ({{evidence}}); use {{permission}} — clients sign in again and retry on {{written}}, so this causes refresh loops and log-outs.',
      splitDenial:
        '401 answers a permission denial ({{denial}}) as well as {{problem}} ({{evidence}}); answer the denial with 403 in a check of its own, since clients refresh and retry on 401.',
      splitDenialCode:
        '{{written}} answers a permission denial ({{denial}}) as well as {{problem}} ({{evidence}}); answer the denial with {{permission}} in a check of its own, since clients sign in again and retry on {{written}}.',
      respond403: 'Respond 403 (a permission denial)',
      answerPermissionCode: 'Answer {{permission}}',
    },
  },
  create(context, [options]) {
    return {
      Program() {
        const analysis = analyze(context.sourceCode, context.filename);
        for (const site of analysis.sites) {
          if (site.status.code !== 401) continue;
          // An exception rendering its own status: judged once, where its class declares the status.
          if (site.status.form.kind === 'instance') continue;
          // A helper of this file: judged at each call, where the reason is.
          if (site.judgedAtCalls) continue;
          const reason = analysis.reasonOf(site);
          if (reason.kind === 'split') {
            const { problem, evidence, denial } = describeSplit(reason);
            const { transport } = site;
            if (transport) {
              context.report({ node: site.node, messageId: 'splitDenialCode', data: { written: plainQuote(transport.written), denial, problem, evidence, permission: plainQuote(transport.permission) } });
            } else {
              context.report({ node: site.node, messageId: 'splitDenial', data: { denial, problem, evidence } });
            }
            continue;
          }
          if (reason.kind !== 'authorization') continue;
          const fix = (fixer: RuleFixer) => respond403(fixer, site);
          const { transport } = site;
          if (transport) {
            context.report({
              node: site.node,
              messageId: 'permissionDenialCode',
              data: { written: plainQuote(transport.written), evidence: quoteEvidence(reason.evidence), permission: plainQuote(transport.permission) },
              fix: options.autofix ? fix : null,
              suggest: [{ messageId: 'answerPermissionCode', data: { permission: plainQuote(transport.permission) }, fix }],
            });
            continue;
          }
          context.report({
            node: site.node,
            messageId: 'permissionDenial',
            data: { evidence: quoteEvidence(reason.evidence) },
            fix: options.autofix ? fix : null,
            suggest: [{ messageId: 'respond403', fix }],
          });
        }
      },
    };
  },
});

/** 403, without the `WWW-Authenticate` challenge that only a 401 needs (where the response's own form sets it). */
function respond403(fixer: RuleFixer, site: ResponseSite) {
  return site.edit(fixer, { status: 403, removeHeader: 'WWW-Authenticate' });
}
