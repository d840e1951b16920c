import assert from 'node:assert/strict';
import { createRule } from '../../packages/eslint-plugin/src/util/createRule';

/** The options `create` receives when ESLint hands the rule `given` as they were configured. */
function optionsSeen(given: unknown[]): unknown {
  let seen: unknown;
  const rule = createRule<[{ statuses?: number[]; realm?: string; nested?: { a?: number; b?: number } }], 'x'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe' },
      schema: [],
      messages: { x: 'x' },
      defaultOptions: [{ statuses: [400, 403], realm: 'api', nested: { a: 1, b: 2 } }],
    },
    create(_context, options) {
      seen = options;
      return {};
    },
  });
  rule.create({ options: given } as never);
  return seen;
}

describe('createRule', () => {
  it('fills in the defaults when no options are given (ESLint before 9.15 does not)', () => {
    assert.deepEqual(optionsSeen([]), [{ statuses: [400, 403], realm: 'api', nested: { a: 1, b: 2 } }]);
  });

  it('keeps given keys, fills the missing ones, and merges nested objects key by key', () => {
    assert.deepEqual(optionsSeen([{ realm: 'admin', nested: { b: 5 } }]), [
      { statuses: [400, 403], realm: 'admin', nested: { a: 1, b: 5 } },
    ]);
  });

  it('replaces a default array instead of appending to it', () => {
    assert.deepEqual(optionsSeen([{ statuses: [419] }]), [{ statuses: [419], realm: 'api', nested: { a: 1, b: 2 } }]);
  });

  it('gives the same options when ESLint has already merged the defaults', () => {
    const once = optionsSeen([{ realm: 'admin' }]) as unknown[];
    assert.deepEqual(optionsSeen(once), once);
  });

  it('hands over the options as given when they hold every default already, as ESLint 9.15 and later hands them', () => {
    const given = [{ statuses: [419], realm: 'api', nested: { a: 1, b: 5 } }];
    let seen: unknown;
    const rule = createRule<[{ statuses?: number[]; realm?: string; nested?: { a?: number; b?: number } }], 'x'>({
      name: 'probe',
      meta: { type: 'problem', docs: { description: 'probe' }, schema: [], messages: { x: 'x' }, defaultOptions: [{ statuses: [400, 403], realm: 'api', nested: { a: 1, b: 2 } }] },
      create(_context, options) {
        seen = options;
        return {};
      },
    });
    rule.create({ options: given } as never);
    assert.equal(seen, given);
    // A nested default missing is still filled in.
    rule.create({ options: [{ statuses: [419], realm: 'api', nested: { b: 5 } }] } as never);
    assert.deepEqual(seen, given);
  });
});
