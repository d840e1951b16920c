module.exports = {
  me: async function (req, res) {
    const token = req.cookies.session_token;
    if (!token) {
      return res.badRequest({ error: 'Session token missing' }); // expect: require-401-for-credential-failure
    }
    const session = await Session.findOne({ token });
    if (!session) {
      res.set('WWW-Authenticate', 'Session realm="sails"');
      return res.status(401).json({ error: 'Unknown session' });
    }
    if (session.expiresAt < Date.now()) {
      return res.status(440).json({ error: 'Session timed out' }); // expect: require-401-for-credential-failure
    }
    return res.json(await User.findOne({ id: session.user }));
  },

  deleteAccount: async function (req, res) {
    if (req.me.id !== req.param('id') && !req.me.isSuperAdmin) {
      return res.forbidden({ error: 'You can only delete your own account' });
    }
    if (!req.param('confirm')) {
      return res.badRequest({ error: 'confirm=true is required' });
    }
    await User.destroyOne({ id: req.param('id') });
    return res.ok();
  },

  sendResponse: async function (req, res) {
    if (!req.headers['x-api-key']) {
      return sails.helpers.sendResponse.with({ res, statusCode: 498, message: 'API key required' }); // expect: require-401-for-credential-failure
    }
    return res.ok();
  },
};
