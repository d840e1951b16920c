'use strict';

const jwt = require('jsonwebtoken');
const settings = require('../settings');
const { Account, Group } = require('../db');

const { TokenExpiredError } = jwt;

// The mobile app sends its access token in a custom header rather than Authorization.
const TOKEN_HEADER = 'x-access-token';

function answerVerifyFailure(problem, res) {
  if (problem instanceof TokenExpiredError) {
    return res.status(401).json({ reason: 'expired', detail: 'Access token is past its expiry, sign in again' }); // expect: require-www-authenticate
  }
  console.warn('access token rejected: %s', problem.message);
  return res.sendStatus(401).end(); // expect: require-www-authenticate
}

function checkAccessToken(req, res, next) {
  const presented = req.headers[TOKEN_HEADER];

  if (!presented) {
    return res.status(403).json({ reason: 'missing', detail: `Send your access token in ${TOKEN_HEADER}` }); // expect: require-401-for-credential-failure
  }

  jwt.verify(presented, settings.auth.accessSecret, (problem, claims) => {
    if (problem) {
      return answerVerifyFailure(problem, res);
    }
    req.accountId = claims.aid;
    req.tokenIssuedAt = claims.iat;
    return next();
  });
}

function loadGroups(accountId, done) {
  Account.findById(accountId, (lookupError, account) => {
    if (lookupError) return done(lookupError);
    Group.find({ _id: { $in: account ? account.groups : [] } }, (groupError, groups) => {
      if (groupError) return done(groupError);
      return done(null, account, groups.map((group) => group.name));
    });
  });
}

function requireEditor(req, res, next) {
  loadGroups(req.accountId, (error, account, groupNames) => {
    if (error) return res.status(500).json({ detail: 'Could not load your groups' });
    if (groupNames.indexOf('editor') === -1) {
      return res.status(403).json({ detail: 'Only editors may change articles' });
    }
    req.account = account;
    return next();
  });
}

function requireBillingContact(req, res, next) {
  loadGroups(req.accountId, (error, account) => {
    if (error) return res.status(500).json({ detail: 'Could not load your account' });
    if (!account || account.billingContact !== true) {
      res.status(403).json({ detail: 'Invoices are visible to the billing contact only' });
      return;
    }
    req.account = account;
    next();
  });
}

module.exports = { checkAccessToken, requireEditor, requireBillingContact };
