module.exports = {

  friendlyName: 'Login',

  description: 'Log in using the provided email and password combination.',

  inputs: {
    emailAddress: { type: 'string', required: true },
    password: { type: 'string', required: true },
    rememberMe: { type: 'boolean' },
  },

  exits: {
    success: { description: 'The requesting user agent has been successfully logged in.' },
    badCombo: {
      description: `The provided email and password combination does not match any user in the database.`,
      responseType: 'unauthorized',
    },
  },

  fn: async function ({ emailAddress, password, rememberMe }) {
    var userRecord = await User.findOne({ emailAddress: emailAddress.toLowerCase() });

    if (!userRecord) {
      throw 'badCombo';
    }

    await sails.helpers.passwords.checkPassword(password, userRecord.password).intercept('incorrect', 'badCombo');

    if (userRecord.banned) {
      return this.res.status(403).json({ message: 'This account is banned' });
    }

    this.req.session.userId = userRecord.id;
  },
};
