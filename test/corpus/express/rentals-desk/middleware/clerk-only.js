const settings = require('../settings');

// After authToken: only desk clerks may process check-ins and refunds.
module.exports = function clerkOnly(req, res, next) {
  if (settings.get('auth.disabled')) return next();
  if (req.patron.clerk === true) return next();
  return res.status(403).json({ error: 'Desk clerks only' });
};
