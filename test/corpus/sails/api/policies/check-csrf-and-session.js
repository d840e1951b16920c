module.exports = async function (req, res, proceed) {
  if (!req.session || !req.session.userId) {
    return res.status(419).json({ message: 'Your session has expired. Please log in again.' }); // expect: require-401-for-credential-failure
  }
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== req.session._csrf) {
    return res.status(403).json({ message: 'Invalid CSRF token' });
  }
  if (req.query.limit && Number(req.query.limit) > 500) {
    return res.status(400).json({ message: 'limit too large' });
  }
  return proceed();
};
