import assert from 'node:assert/strict';
import type { TSESTree } from '@typescript-eslint/utils';
import { HeaderRegistry } from '../../../packages/eslint-plugin/src/analysis/handles';
import { analyzeCode } from './analyze-code';

/** The two calls of `function handler(res) { challenge(res); res.status(401).end(); }`: where a header is set, and the site. */
function headerCallAndSite(): { header: TSESTree.Node; site: TSESTree.Node } {
  const { sourceCode } = analyzeCode('function handler(res) { challenge(res); res.status(401).end(); }', 'handler.js');
  const handler = sourceCode.ast.body[0] as unknown as TSESTree.FunctionDeclaration;
  const [first, second] = handler.body.body as TSESTree.ExpressionStatement[];
  return { header: first!.expression, site: second!.expression };
}

describe('HeaderRegistry: records looked for later', () => {
  it('looks for them only when a site first asks, once, and answers with them', () => {
    const { header, site } = headerCallAndSite();
    const registry = new HeaderRegistry();
    let searches = 0;
    registry.recordLater(() => {
      searches++;
      registry.record('res', ['www-authenticate'], header);
    });
    assert.equal(searches, 0, 'looked for before any site asked');
    assert.equal(registry.has('res', 'www-authenticate', site), true);
    assert.equal(registry.has('res', 'www-authenticate', site), true);
    assert.equal(searches, 1);
  });

  it('answers no for a header that no record, early or late, sets on that handle', () => {
    const { header, site } = headerCallAndSite();
    const registry = new HeaderRegistry();
    registry.record('res', ['cache-control'], header);
    registry.recordLater(() => registry.record('other', ['www-authenticate'], header));
    assert.equal(registry.has('res', 'www-authenticate', site), false);
    assert.equal(registry.has('other', 'www-authenticate', site), true);
  });
});
