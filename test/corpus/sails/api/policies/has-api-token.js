module.exports = async function hasApiToken(req, res, proceed) {
  const header = req.headers.authorization;
  if (!header) {
    return res.status(403).json({ error: 'No API token provided' }); // expect: require-401-for-credential-failure
  }
  const token = header.replace(/^Bearer /, '');
  const record = await ApiToken.findOne({ token });
  if (!record) {
    return res.forbidden({ error: 'Invalid API token' }); // expect: require-401-for-credential-failure
  }
  if (record.expiresAt < Date.now()) {
    return res.status(498).json({ error: 'API token expired' }); // expect: require-401-for-credential-failure
  }
  req.apiClient = record;
  return proceed();
};
