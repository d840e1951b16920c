// Back-office actions: signed in, and flagged as a platform administrator.
module.exports = async function requirePlatformAdmin(req, res, proceed) {
  if (!req.me) {
    return res.unauthorized(); // expect-ignore: custom Sails response defined in api/responses/unauthorized.js
  }
  if (req.me.platformRole !== 'admin') {
    sails.log.info(`Back-office refused for account ${req.me.id}`);
    return res.forbidden();
  }
  return proceed();
};
