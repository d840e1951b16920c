import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { isValidRealm, isValidScheme } from 'eslint-plugin-auth-status/tooling';
import { challengeValue, jsString } from '../../packages/eslint-plugin/src/analysis/challenge';

const F401 = `app.get("/me", (req, res) => {\n  if (!req.headers.authorization) return res.status(401).json({ error: "missing token" });\n});\n`;
const REJECTED_REALMS = ['a\nb', 'a\rb', 'a\u2028b', 'a\u2029b', 'say "hi"', 'back\\slash', 'nul\u0000', 'del\u007f', 'emoji \u{1F600}', 'wide \u0100'];
const ACCEPTED_REALMS = ['api', 'my api', 'tab\there', "o'brien", 'café', '!#$%&()*+,-./:;<=>?@[]^_`{|}~', ''];

function lint(options: Record<string, unknown>): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(F401, [
    { plugins: { 'auth-status': plugin as never }, rules: { 'auth-status/require-www-authenticate': ['error', options] } },
  ], { filename: 'a.js' });
}

describe('challenge options: realm and scheme as every face checks them', () => {
  it('the rule schema rejects a realm a quoted-string cannot hold (RFC 9110 §5.6.4), and accepts the rest', () => {
    for (const realm of REJECTED_REALMS) {
      assert.equal(isValidRealm(realm), false, JSON.stringify(realm));
      assert.throws(() => lint({ realm }), /"auth-status\/require-www-authenticate"[\s\S]*should match pattern/, JSON.stringify(realm));
    }
    for (const realm of ACCEPTED_REALMS) {
      assert.equal(isValidRealm(realm), true, JSON.stringify(realm));
      const [message] = lint({ realm });
      assert.ok(message?.fix, JSON.stringify(realm));
      assert.ok(message.fix.text.includes(`realm="${realm}"`.replace(/[\\']/g, (char) => `\\${char}`).replace(/\t/g, '\\u0009')), message.fix.text);
    }
  });

  it('the scheme check is the schema token rule', () => {
    for (const scheme of ['Bearer', 'Basic', 'DPoP', 'auto', 'x-custom']) assert.equal(isValidScheme(scheme), true, scheme);
    for (const scheme of ['', 'Bearer realm', 'a\nb', 'a"b', 'ü']) {
      assert.equal(isValidScheme(scheme), false, JSON.stringify(scheme));
      assert.throws(() => lint({ scheme }), /"auth-status\/require-www-authenticate"[\s\S]*should (match pattern|NOT be shorter)/, JSON.stringify(scheme));
    }
  });

  it('the challenge builder falls back to the defaults for values that slipped past a schema', () => {
    const sourceCode = { text: 'jwt.verify(token)' } as never;
    assert.equal(challengeValue(sourceCode, { realm: 'a\nb' }, undefined), 'Bearer realm="api"');
    assert.equal(challengeValue(sourceCode, { realm: 'x"y' }, undefined), 'Bearer realm="api"');
    assert.equal(challengeValue(sourceCode, { scheme: 'Bad Scheme', realm: 'ok' }, undefined), 'Bearer realm="ok"');
    assert.equal(challengeValue(sourceCode, { scheme: 'Basic', realm: 'intranet' }, undefined), 'Basic realm="intranet", charset="UTF-8"');
  });

  it('jsString writes a literal that parses back to the same text, whatever the text', () => {
    for (const text of ['plain', "it's", 'back\\slash', 'line\nbreak', 'cr\rlf', 'ls\u2028ps\u2029', 'tab\t', 'nul\u0000', '${x}`']) {
      const literal = jsString(text);
      assert.doesNotMatch(literal, /[\n\r\u2028\u2029]/);
      assert.equal(new Function(`return ${literal};`)(), text);
    }
  });
});
