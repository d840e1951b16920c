import { analyze } from '../analysis/analyze';
import type { ResponseSite, RuleFixer } from '../analysis/types';
import { createRule } from '../util/createRule';
import { AUTOFIX_OPTION } from '../util/option-schemas';
import { quoteEvidence } from '../util/describe';

type Options = [{ autofix?: boolean }];
type MessageIds = 'permissionDenial' | 'permissionDenialCode' | 'respond403' | 'answerPermissionCode';

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
    messages: {
      permissionDenial:
        '401 answers a permission denial ({{evidence}}); use 403 — clients refresh and retry on 401, so this causes refresh loops and log-outs.',
      permissionDenialCode:
        '{{written}} answers a permission denial ({{evidence}}); use {{permission}} — clients sign in again and retry on {{written}}, so this causes refresh loops and log-outs.',
      respond403: 'Respond 403',
      answerPermissionCode: 'Answer {{permission}}',
    },
  },
  defaultOptions: [{ autofix: false }],
  create(context, [options]) {
    return {
      Program() {
        const analysis = analyze(context.sourceCode, context.filename);
        for (const site of analysis.sites) {
          if (site.status.code !== 401) continue;
          const reason = analysis.reasonOf(site);
          if (reason.kind !== 'authorization') continue;
          const fix = (fixer: RuleFixer) => respond403(fixer, site);
          const { transport } = site;
          if (transport) {
            context.report({
              node: site.node,
              messageId: 'permissionDenialCode',
              data: { written: transport.written, evidence: quoteEvidence(reason.evidence), permission: transport.permission },
              fix: options.autofix ? fix : null,
              suggest: [{ messageId: 'answerPermissionCode', data: { permission: transport.permission }, fix }],
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
