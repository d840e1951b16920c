import assert from 'node:assert/strict';
import { Linter } from 'eslint';

// In the ESLint matrix (test/eslint-matrix/run.sh) this proves the suites really ran on the major they name.
describe('ESLint under test', () => {
  it(`is ESLint ${process.env.AUTH_STATUS_ESLINT ?? '10'}`, () => {
    assert.equal(Linter.version.split('.')[0], process.env.AUTH_STATUS_ESLINT ?? '10');
  });
});
