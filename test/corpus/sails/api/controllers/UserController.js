module.exports = {
  profile: async function (req, res) {
    if (!req.session.userId) {
      return res.status(403).send('Log in first'); // expect: require-401-for-credential-failure
    }
    const user = await User.findOne({ id: req.session.userId });
    if (!user) {
      res.set('WWW-Authenticate', 'Session realm="sails"');
      return res.status(401).send('Session user not found');
    }
    return res.json(user);
  },

  update: async function (req, res) {
    if (req.session.userId !== req.param('id')) {
      return res.status(401).send('You can only update your own profile'); // expect: require-403-for-permission-denial
    }
    if (!req.body.fullName) {
      return res.badRequest('fullName is required');
    }
    await User.updateOne({ id: req.param('id') }).set({ fullName: req.body.fullName });
    return res.ok();
  },

  apiLogin: async function (req, res) {
    const user = await User.findOne({ emailAddress: req.body.email });
    const ok = user && (await sails.helpers.passwords.checkPassword(req.body.password, user.password).tolerate('incorrect'));
    if (!ok) {
      return res.status(401).json({ error: 'Wrong email or password' }); // expect: require-www-authenticate
    }
    return res.json({ token: await sails.helpers.issueToken(user.id) });
  },
};
