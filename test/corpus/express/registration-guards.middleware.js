'use strict';

const { Account, KNOWN_GROUPS } = require('../db');

const PASSWORD_RULES = [
  { test: (value) => value.length >= 8, message: 'Use at least 8 characters' },
  { test: (value) => /\d/.test(value), message: 'Use at least one digit' },
];

async function rejectTakenIdentity(req, res, next) {
  const { login, email } = req.body;
  let byLogin;
  let byEmail;
  try {
    [byLogin, byEmail] = await Promise.all([Account.exists({ login }), Account.exists({ email })]);
  } catch (error) {
    return res.status(500).json({ detail: 'Could not check for existing accounts' });
  }
  if (byLogin) {
    return res.status(400).json({ field: 'login', detail: 'That login is taken' });
  }
  if (byEmail) {
    return res.status(409).json({ field: 'email', detail: 'An account already uses that e-mail' });
  }
  return next();
}

function rejectUnknownGroups(req, res, next) {
  const requested = Array.isArray(req.body.groups) ? req.body.groups : [];
  const unknown = requested.find((name) => !KNOWN_GROUPS.includes(name));
  if (unknown !== undefined) {
    return res.status(400).json({ field: 'groups', detail: `There is no group called ${unknown}` });
  }
  return next();
}

function rejectWeakPassword(req, res, next) {
  const value = String(req.body.password || '');
  const broken = PASSWORD_RULES.filter((rule) => !rule.test(value)).map((rule) => rule.message);
  if (broken.length > 0) {
    return res.status(422).json({ field: 'password', detail: broken });
  }
  return next();
}

module.exports = { rejectTakenIdentity, rejectUnknownGroups, rejectWeakPassword };
