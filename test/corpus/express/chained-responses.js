const jwt = require('jsonwebtoken');
const { getUserByToken } = require('../services/users');

exports.ensureAuthenticated = function ensureAuthenticated(req, res, next) {
  const token = req.cookies && req.cookies.access_token;
  if (!token) {
    return res
      .status(403) // expect: require-401-for-credential-failure
      .json({ success: false, message: 'Authentication token is missing' });
  }

  let payload;
  try {
    payload = jwt.verify(token, process.env.JWT_SECRET);
  } catch (err) {
    if (err.name === 'TokenExpiredError') {
      return res
        .status(401) // expect: require-www-authenticate
        .json({ success: false, message: 'Token expired' });
    }
    return res
      .status(498) // expect: require-401-for-credential-failure
      .json({ success: false, message: 'Token invalid' });
  }

  req.userId = payload.sub;
  return next();
};

exports.ensureApiUser = async function ensureApiUser(req, res, next) {
  const user = await getUserByToken(req.query.access_token);
  if (!user) {
    return res
      .status(499) // expect: require-401-for-credential-failure
      .json({ success: false, message: 'Token required' });
  }
  if (!user.apiAccess) {
    return res
      .status(403)
      .json({ success: false, message: 'API access is not enabled for this account' });
  }
  req.user = user;
  return next();
};

exports.ensureOwner = function ensureOwner(req, res, next) {
  if (req.resource.ownerId !== req.userId) {
    return res
      .status(403)
      .json({ success: false, message: 'You are not the owner of this resource' });
  }
  return next();
};
