'use strict';

const bcrypt = require('bcryptjs');
const jwt = require('jsonwebtoken');
const settings = require('../settings');
const { Account, Group, RenewalToken } = require('../db');

function issueAccessToken(account) {
  return jwt.sign({ aid: account.id }, settings.auth.accessSecret, { expiresIn: settings.auth.accessTtl });
}

async function register(req, res) {
  const { login, email, password, groups } = req.body;
  try {
    const account = new Account({ login, email, passwordHash: await bcrypt.hash(password, 10) });
    const wanted = await Group.find({ name: { $in: groups && groups.length ? groups : ['reader'] } });
    account.groups = wanted.map((group) => group._id);
    await account.save();
    return res.status(201).json({ id: account.id, login: account.login });
  } catch (error) {
    return res.status(500).json({ detail: error.message });
  }
}

async function login(req, res) {
  const account = await Account.findOne({ login: req.body.login }).populate('groups');
  const passwordOk = account ? await bcrypt.compare(req.body.password || '', account.passwordHash) : false;

  if (!passwordOk) {
    return res.status(401).json({ accessToken: null, detail: 'Login or password is wrong' }); // expect: require-www-authenticate
  }

  if (account.status === 'pending') {
    return res.status(401).json({ detail: 'Your account is pending: verify your email with the link we sent' }); // expect: require-403-for-permission-denial
  }

  const renewal = await RenewalToken.issueFor(account);
  return res.json({
    id: account.id,
    login: account.login,
    groups: account.groups.map((group) => group.name),
    accessToken: issueAccessToken(account),
    renewalToken: renewal.value,
  });
}

async function profile(req, res) {
  const account = await Account.findById(req.params.id).populate('groups');
  if (!account) {
    return res.status(404).json({ detail: 'No such account' });
  }
  return res.json({ id: account.id, login: account.login, groups: account.groups.map((group) => group.name) });
}

// POST /auth/renew with { renewalToken } in the body: a one-shot grant, not the request's credential.
async function renew(req, res) {
  const presented = req.body.renewalToken;
  if (!presented) {
    return res.status(403).json({ detail: 'renewalToken is missing from the body' }); // expect-ignore: renewal token from the body at the renewal endpoint (invalid_grant territory)
  }

  let stored;
  try {
    stored = await RenewalToken.findOne({ value: presented }).populate('account');
  } catch (error) {
    return res.status(500).json({ detail: error.message });
  }

  if (!stored) {
    return res.status(403).json({ detail: 'Unknown renewal token' }); // expect-ignore: renewal token from the body at the renewal endpoint
  }
  if (stored.expiresAt.getTime() < Date.now()) {
    await RenewalToken.deleteOne({ _id: stored._id });
    return res.status(403).json({ detail: 'Renewal token has run out, sign in again' }); // expect-ignore: renewal token from the body at the renewal endpoint
  }

  return res.json({ accessToken: issueAccessToken(stored.account), renewalToken: stored.value });
}

module.exports = { register, login, profile, renew };
