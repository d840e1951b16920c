const User = require('../models/User');

// Runs after the JWT middleware has put the decoded token on req.auth
async function loadAccount(req, res, next) {
  const user = await User.findById(req.auth.sub);
  if (!user) {
    res.set('WWW-Authenticate', 'Bearer realm="app", error="invalid_token"');
    return res.status(401).json({ message: 'Account no longer exists' });
  }
  if (user.bannedAt) {
    return res.status(401).json({ message: 'Your account has been banned' }); // expect: require-403-for-permission-denial
  }
  if (user.suspendedUntil && user.suspendedUntil > new Date()) {
    return res.status(403).json({ message: `Account suspended until ${user.suspendedUntil.toISOString()}` });
  }
  if (!user.emailVerified) {
    return res.status(403).json({ message: 'Please verify your e-mail address first' });
  }
  req.account = user;
  next();
}

function requireBusinessHours(req, res, next) {
  const hour = new Date().getHours();
  if (hour < 8 || hour > 18) {
    return res.status(403).json({ message: 'Access is only allowed during business hours' });
  }
  next();
}

function requireTwoFactor(req, res, next) {
  if (req.account.twoFactorEnabled && !req.session.twoFactorPassed) {
    return res.status(403).json({ message: 'Two-factor verification required', next: '/2fa' }); // expect-ignore: step-up authentication (RFC 9470 would use 401 insufficient_user_authentication); defensible either way
  }
  next();
}

function blockDeactivated(req, res, next) {
  if (req.account.deactivated) {
    return res.status(401).send({ error: 'Account deactivated by an administrator' }); // expect: require-403-for-permission-denial
  }
  next();
}

module.exports = { loadAccount, requireBusinessHours, requireTwoFactor, blockDeactivated };
