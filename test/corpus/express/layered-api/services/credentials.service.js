const httpStatus = require('http-status');
const HttpProblemError = require('../lib/http-problem-error');
const accounts = require('./accounts.service');
const tokenRecords = require('./token-records.service');
const { TokenRecord } = require('../models');
const { TOKEN_KINDS } = require('../config/token-kinds');

/** Checks an e-mail and password pair and returns the account. */
async function checkPassword(email, password) {
  const account = await accounts.findByEmail(email);
  const matches = account ? await account.passwordMatches(password) : false;
  if (!matches) {
    throw new HttpProblemError(httpStatus.UNAUTHORIZED, 'Wrong email or password'); // expect: require-www-authenticate
  }
  return account;
}

/** Revokes one renewal record (sign-out). */
async function revokeRenewal(renewalValue) {
  const record = await TokenRecord.findOne({ value: renewalValue, kind: TOKEN_KINDS.RENEWAL, revoked: false });
  if (!record) {
    throw new HttpProblemError(httpStatus.NOT_FOUND, 'No such renewal record');
  }
  await record.deleteOne();
}

/** Turns a renewal record into a new pair of tokens; the old record is used up. */
async function renewTokens(renewalValue) {
  let account;
  let record;
  try {
    record = await tokenRecords.verify(renewalValue, TOKEN_KINDS.RENEWAL);
    account = await accounts.findById(record.account);
  } catch (cause) {
    account = null;
  }
  if (!account) {
    throw new HttpProblemError(httpStatus.UNAUTHORIZED, 'Sign in again to continue'); // expect: require-www-authenticate
  }
  await record.deleteOne();
  return tokenRecords.issuePair(account);
}

/** Sets a new password from an e-mailed reset link. */
async function resetForgottenPassword(resetValue, nextPassword) {
  try {
    const record = await tokenRecords.verify(resetValue, TOKEN_KINDS.PASSWORD_RESET);
    await accounts.updateById(record.account, { password: nextPassword });
    await TokenRecord.deleteMany({ account: record.account, kind: TOKEN_KINDS.PASSWORD_RESET });
  } catch (cause) {
    throw new HttpProblemError(httpStatus.UNAUTHORIZED, 'The reset link did not work'); // expect-ignore: one-time reset token (semantics: never flag), yet a bare 401
  }
}

/** Marks the address confirmed from an e-mailed confirmation link. */
async function confirmAddress(confirmValue) {
  try {
    const record = await tokenRecords.verify(confirmValue, TOKEN_KINDS.ADDRESS_CONFIRMATION);
    await accounts.updateById(record.account, { emailConfirmed: true });
    await TokenRecord.deleteMany({ account: record.account, kind: TOKEN_KINDS.ADDRESS_CONFIRMATION });
  } catch (cause) {
    throw new HttpProblemError(httpStatus.UNAUTHORIZED, 'The confirmation link did not work'); // expect-ignore: one-time confirmation token, yet a bare 401
  }
}

module.exports = { checkPassword, revokeRenewal, renewTokens, resetForgottenPassword, confirmAddress };
