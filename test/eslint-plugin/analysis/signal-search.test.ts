import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { MAY_CONTAIN_FINDING } from 'eslint-plugin-auth-status/tooling';

/** How often a lint of `code` with every rule on searches the text for signals. */
function signalSearches(code: string): { searches: number; messages: Linter.LintMessage[] } {
  let searches = 0;
  const search = RegExp.prototype.test;
  MAY_CONTAIN_FINDING.test = function (this: RegExp, text: string) {
    searches++;
    return search.call(this, text);
  };
  try {
    const messages = new Linter().verify(code, [{ files: ['**/*.js'], ...(plugin.configs.strict as Linter.Config) }], 'server.js');
    return { searches, messages };
  } finally {
    delete (MAY_CONTAIN_FINDING as Partial<RegExp>).test;
  }
}

describe('the search for signals of a finding', () => {
  it('runs once per file for all four rules when the file has none', () => {
    const { searches, messages } = signalSearches('const total = items.reduce((sum, item) => sum + item.price, 0);\n');
    assert.equal(searches, 1);
    assert.deepEqual(messages, []);
  });

  it('runs once per file for all four rules when the file has one, and the rules still report', () => {
    const code = "app.get('/me', (req, res) => {\n  if (!req.headers.authorization) return res.status(403).send('Token missing');\n});\n";
    const { searches, messages } = signalSearches(code);
    assert.equal(searches, 1);
    assert.deepEqual(messages.map((message) => message.ruleId), ['auth-status/require-401-for-credential-failure']);
  });
});
