const httpStatus = require('http-status');
const HttpProblemError = require('../lib/http-problem-error');
const { Account } = require('../models');

const PAGE_LIMIT = 100;

async function addAccount(fields) {
  if (await Account.emailInUse(fields.email)) {
    throw new HttpProblemError(httpStatus.BAD_REQUEST, 'That email is already registered');
  }
  return Account.create(fields);
}

async function listAccounts(filter, { limit = 20, page = 1 } = {}) {
  if (limit > PAGE_LIMIT) {
    throw new HttpProblemError(httpStatus.BAD_REQUEST, `At most ${PAGE_LIMIT} accounts per page`);
  }
  return Account.find(filter).skip((page - 1) * limit).limit(limit);
}

const findById = (id) => Account.findById(id);
const findByEmail = (email) => Account.findOne({ email: String(email).toLowerCase() });

async function updateById(id, changes) {
  const account = await findById(id);
  if (!account) {
    throw new HttpProblemError(httpStatus.NOT_FOUND, 'Account not found');
  }
  if (changes.email && (await Account.emailInUse(changes.email, id))) {
    throw new HttpProblemError(httpStatus.BAD_REQUEST, 'That email is already registered');
  }
  account.set(changes);
  return account.save();
}

async function removeById(id, actor) {
  const account = await findById(id);
  if (!account) {
    throw new HttpProblemError(httpStatus.NOT_FOUND, 'Account not found');
  }
  const isSelf = String(actor.id) === String(id);
  if (!isSelf && actor.role !== 'admin') {
    throw new HttpProblemError(httpStatus.UNAUTHORIZED, 'You are not allowed to remove other accounts'); // expect: require-403-for-permission-denial
  }
  await account.deleteOne();
  return account;
}

module.exports = { addAccount, listAccounts, findById, findByEmail, updateById, removeById };
