import assert from 'node:assert/strict';
import { parseChallenges } from './challenge-parser';

describe('WWW-Authenticate challenge parser (RFC 9110 §11.6.1)', () => {
  it('parses a scheme alone and a scheme with auth-params', () => {
    assert.deepEqual(parseChallenges('Bearer'), [{ scheme: 'Bearer', params: {} }]);
    assert.deepEqual(parseChallenges('Bearer realm="api", error="invalid_token", error_description="The access token expired"'), [
      { scheme: 'Bearer', params: { realm: 'api', error: 'invalid_token', error_description: 'The access token expired' } },
    ]);
  });

  it('parses token values, whitespace around "=", quoted-pairs and case-insensitive names', () => {
    assert.deepEqual(parseChallenges('Basic Realm = "a \\"b\\"", charset=UTF-8'), [
      { scheme: 'Basic', params: { realm: 'a "b"', charset: 'UTF-8' } },
    ]);
  });

  it('parses a token68 and several challenges in one field', () => {
    assert.deepEqual(parseChallenges('Negotiate YIIG+w==, Basic realm="x", Bearer'), [
      { scheme: 'Negotiate', token68: 'YIIG+w==', params: {} },
      { scheme: 'Basic', params: { realm: 'x' } },
      { scheme: 'Bearer', params: {} },
    ]);
  });

  it("parses Boom's challenge, whose error attribute is the message", () => {
    assert.deepEqual(parseChallenges('Bearer error="Invalid token"'), [{ scheme: 'Bearer', params: { error: 'Invalid token' } }]);
  });

  for (const bad of ['', ' , ', 'realm="api"', 'Bearer realm="api", error=', 'Bearer realm="api', 'Bearer realm="a" x', 'Bearer  , =x', 'Bearer realm="a", realm="b"', 'Bearer @']) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      assert.throws(() => parseChallenges(bad), { name: 'ChallengeSyntaxError' });
    });
  }
});
