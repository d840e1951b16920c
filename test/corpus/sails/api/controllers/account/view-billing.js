module.exports = {

  friendlyName: 'View billing',

  description: 'Show the billing details of the logged-in account (JSON for the dashboard).',

  inputs: {
    accountId: { type: 'string', required: true },
  },

  exits: {
    success: { outputDescription: 'The billing details.' },
    notLoggedIn: {
      statusCode: 403,
      description: 'The requesting user is not logged in.',
    },
    sessionExpired: { statusCode: 440, description: 'The session has timed out.' },
    notBillingAdmin: {
      statusCode: 401,
      description: 'Only billing admins of this account may see its invoices.',
    },
    notFound: { responseType: 'notFound' },
    badToken: { statusCode: 401 },
    suspended: { statusCode: 403, description: 'This account is suspended.' },
  },

  fn: async function ({ accountId }) {
    if (!this.req.session.userId) {
      throw 'notLoggedIn'; // expect: require-401-for-credential-failure
    }
    if (this.req.session.expiresAt < Date.now()) {
      throw { sessionExpired: 'Session expired, please log in again' }; // expect: require-401-for-credential-failure
    }
    const account = await Account.findOne({ id: accountId });
    if (!account) {
      throw 'notFound';
    }
    if (account.suspended) {
      throw 'suspended';
    }
    if (!account.billingAdmins.includes(this.req.session.userId)) {
      throw 'notBillingAdmin'; // expect: require-403-for-permission-denial
    }
    return account.billing;
  },
};
