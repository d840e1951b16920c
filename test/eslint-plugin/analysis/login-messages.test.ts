import assert from 'node:assert/strict';
import { MESSAGE_LOGIN } from '../../../packages/eslint-plugin/src/analysis/vocabulary';

describe('messages of a failed login', () => {
  for (const message of ['bad username/password, access denied', 'Invalid e-mail or password', 'wrong user name and password', 'The combination of username and password was incorrect.', 'email/password incorrect']) {
    it(`reads "${message}" as a failed login`, () => assert.ok(MESSAGE_LOGIN.test(message)));
  }
  for (const message of ['username/password reset link sent', 'Choose a username and password', 'bad request']) {
    it(`does not read "${message}" as one`, () => assert.ok(!MESSAGE_LOGIN.test(message)));
  }
});
