module.exports = {

  friendlyName: 'Sign in',

  description: 'Start a session for the account with this e-mail address and password.',

  inputs: {
    email: { type: 'string', isEmail: true, required: true },
    password: { type: 'string', required: true },
    keepMeSignedIn: { type: 'boolean', defaultsTo: false },
  },

  exits: {
    success: { description: 'A session was started.' },
    wrongEmailOrPassword: {
      description: 'No account has this e-mail address, or the password does not match it.',
      responseType: 'unauthorized',
    },
  },

  fn: async function ({ email, password, keepMeSignedIn }, exits) {
    const account = await Account.findOne({ email: email.toLowerCase() });
    if (!account) {
      throw 'wrongEmailOrPassword';
    }

    await sails.helpers.passwords.checkPassword(password, account.passwordHash).intercept('incorrect', () => 'wrongEmailOrPassword');

    if (account.suspendedAt) {
      return this.res.status(403).json({ problem: 'This account is suspended' });
    }

    if (keepMeSignedIn) {
      this.req.session.cookie.maxAge = sails.config.custom.longSessionMs;
    }
    this.req.session.accountId = account.id;
    return exits.success();
  },
};
