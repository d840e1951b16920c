import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../analysis/node-types';
import { analyze } from '../analysis/analyze';
import { calleeName, declaredFunction, enclosingFunction, isFunction, pushChildren, type Node, type SourceCode } from '../analysis/ast';
import { challengeValue } from '../analysis/challenge';
import { canAffect } from '../analysis/handles';
import { centralChallengeFor } from '../analysis/project-index/central-challenge';
import { answersSignedRequest, type Evidence } from '../analysis/reason';
import type { ResponseSite, RuleFixer } from '../analysis/types';
import { CHALLENGE_OR_SETTER_TEXT } from '../analysis/vocabulary';
import type { RequireWwwAuthenticateOptions } from '../options';
import { createRule } from '../util/createRule';
import { plainQuote } from '../util/describe';
import { REALM_OPTION, SCHEME_OPTION } from '../util/option-schemas';

type Options = [RequireWwwAuthenticateOptions];
type MessageIds = 'missingChallenge' | 'missingChallengeHeaderless' | 'missingProxyChallenge' | 'addChallenge';

export default createRule<Options, MessageIds>({
  name: 'require-www-authenticate',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a WWW-Authenticate challenge on every 401 response (and Proxy-Authenticate on 407)',
      recommended: 'error',
    },
    fixable: 'code',
    // The same edit as the fix, titled with what it writes: editors show a fix only as "Fix this … problem".
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          scheme: SCHEME_OPTION,
          realm: REALM_OPTION,
          challengers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Calls known to add the challenge: helpers (`sendUnauthorized`, `utils.challenge`), error carriers whose handler adds it (`next`), or exception classes an exception filter answers with a challenge.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ scheme: 'auto', realm: 'api', challengers: [] }],
    messages: {
      missingChallenge:
        '401 sent without a WWW-Authenticate header; RFC 9110 §15.5.2 requires a challenge telling the client how to authenticate, so add one ({{challenge}}).',
      missingChallengeHeaderless:
        '401 sent without a WWW-Authenticate header; RFC 9110 §15.5.2 requires a challenge telling the client how to authenticate ({{limitation}}).',
      missingProxyChallenge:
        '407 sent without a Proxy-Authenticate header; RFC 9110 §15.5.8 requires a challenge telling the client how to authenticate with the proxy, so add one ({{challenge}}).',
      addChallenge: 'Add {{challenge}}',
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const challengers = new Set(options.challengers ?? []);

    return {
      Program() {
        const analysis = analyze(sourceCode, context.filename);
        for (const site of analysis.sites) {
          const code = site.status.code;
          if (code !== 401 && code !== 407) continue;
          // A transport's own code (gRPC, Firebase, tRPC) is not an HTTP response that can carry a challenge.
          if (site.transport?.challenge === false) continue;
          // `throw new ApiError(401, …)`: the error handler that renders it, in another file, decides the header.
          if (site.renderedOutOfView) continue;
          const headerName = code === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate';
          if (site.hasHeader(headerName.toLowerCase())) continue;
          if (isChallenged(sourceCode, site, challengers) || handedToChallenger(sourceCode, site)) continue;
          const reason = analysis.reasonOf(site);
          // A 401 for a permission denial is require-403-for-permission-denial's report: one report per site. A 401
          // that answers a failed credential as well (a split) still owes that credential its challenge.
          if (code === 401 && reason.kind === 'authorization') continue;
          // Hints lean to a permission denial that nothing decides: the wrong rule must not answer for it.
          if (code === 401 && reason.kind === 'unknown' && reason.leaning?.kind === 'authorization') continue;
          // A lone hint of a permission denial and nothing of a credential: which rule is right is not known.
          if (code === 401 && reason.kind === 'unknown' && onlyHintsAtDenial(reason.evidence)) continue;
          if (answersSignedRequest(sourceCode, reason)) continue;
          // The project adds the challenge to every 401 it sends (a final middleware): an error passed on reaches it.
          if (code === 401 && passedOnAsError(site) && path.isAbsolute(context.filename) && centralChallengeFor(context.filename)) continue;
          const problem = reason.kind === 'credential' ? reason.problem : reason.kind === 'unknown' && reason.leaning?.kind === 'credential' ? reason.leaning.problem : undefined;
          const challenge = challengeValue(sourceCode, options, problem);
          const header = `${headerName}: ${challenge}`;
          const fix = (fixer: RuleFixer) => site.edit(fixer, { addHeader: { name: headerName, value: challenge } });
          context.report({
            node: site.node,
            messageId: code === 407 ? 'missingProxyChallenge' : site.headerLimitation ? 'missingChallengeHeaderless' : 'missingChallenge',
            data: { challenge: header, limitation: plainQuote(site.headerLimitation ?? '') },
            fix,
            suggest: [{ messageId: 'addChallenge', data: { challenge: header }, fix }],
          });
        }
      },
    };
  },
});

const MAX_SEARCH = 2000;

/**
 * An error thrown or handed to `next` (`throw createError(401)`, `next(new Unauthorized())`), or the status an error
 * class declares for its instances: its handler sends it.
 */
function passedOnAsError(site: ResponseSite): boolean {
  if (site.framework === 'custom-error' || site.carriers.includes('next')) return true;
  for (let node: Node | undefined = site.node.parent; node && !isFunction(node); node = node.parent) {
    if (node.type === T.ThrowStatement) return true;
  }
  return false;
}

/**
 * `sendWithHeaders(res, next, options, new UnauthorizedError(msg))` where the file's own `sendWithHeaders` sets the
 * challenge on `res` (itself or through a helper named for it) before passing the error on.
 */
function handedToChallenger(sourceCode: SourceCode, site: ResponseSite): boolean {
  let node: Node = site.node;
  while (node.parent && node.parent.type !== T.CallExpression && !isFunction(node.parent) && node.parent.type !== T.BlockStatement) node = node.parent;
  const call = node.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(node as never) || call.callee.type !== T.Identifier) return false;
  // A function the file declares, not a parameter such as `next`.
  const fn = declaredFunction(sourceCode, call.callee);
  return !!fn?.body && CHALLENGE_OR_SETTER_TEXT.test(sourceCode.getText(fn.body));
}

/** Is the site passed through, or accompanied by, a call the project declared to add the challenge? */
function isChallenged(sourceCode: SourceCode, site: ResponseSite, challengers: ReadonlySet<string>): boolean {
  if (challengers.size === 0) return false;
  if (site.carriers.some((carrier) => challengers.has(carrier))) return true;
  const scope = enclosingFunction(site.node);
  if (!scope) return false;
  const stack: Node[] = [scope.body as Node];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_SEARCH) {
    const node = stack.pop()!;
    if ((node.type === T.CallExpression || node.type === T.NewExpression) && matches(sourceCode, node, challengers) && canAffect(node, site.node)) {
      return true;
    }
    // Calls inside nested functions run later, if at all: they do not challenge this response.
    if (isFunction(node)) continue;
    pushChildren(sourceCode, node, stack);
  }
  return false;
}

function matches(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression, challengers: ReadonlySet<string>): boolean {
  const name = calleeName(call);
  return (name !== null && challengers.has(name)) || challengers.has(sourceCode.getText(call.callee));
}

function onlyHintsAtDenial(evidence: readonly Evidence[]): boolean {
  return evidence.some((e) => e.category === 'authorization' && !e.nameOnly) && !evidence.some((e) => e.category !== 'authorization');
}
