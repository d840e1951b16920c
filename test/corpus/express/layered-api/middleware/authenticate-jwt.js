const passport = require('passport');
const httpStatus = require('http-status');
const HttpProblemError = require('../lib/http-problem-error');
const { permissionsOf } = require('../config/permissions');

/**
 * `authenticateJwt('accounts:write')` runs passport's jwt strategy, then checks that the account's role grants
 * every listed permission (an account holder may always act on their own record).
 */
const authenticateJwt = (...needed) => (req, res, next) => {
  const onResult = (strategyError, account, challengeInfo) => {
    if (strategyError || challengeInfo || !account) {
      return next(new HttpProblemError(httpStatus.UNAUTHORIZED, 'Sign in again to continue')); // expect: require-www-authenticate
    }
    req.account = account;

    const granted = permissionsOf(account.role);
    const lacking = needed.filter((permission) => !granted.has(permission));
    const actingOnSelf = req.params.accountId !== undefined && req.params.accountId === String(account.id);
    if (lacking.length > 0 && !actingOnSelf) {
      return next(new HttpProblemError(httpStatus.FORBIDDEN, `Missing permission: ${lacking.join(', ')}`));
    }
    return next();
  };

  passport.authenticate('jwt', { session: false }, onResult)(req, res, next);
};

module.exports = authenticateJwt;
