module.exports = {
  friendlyName: 'Read with API key',

  exits: {
    badToken: { statusCode: 401, description: 'The API key is missing or invalid.' },
    challenged: { statusCode: 401 },
  },

  fn: async function (inputs, exits) {
    const key = this.req.headers['x-api-key'];
    if (!key) {
      return exits.badToken({ error: 'API key required' }); // expect: require-www-authenticate
    }
    const client = await ApiClient.findOne({ key });
    if (!client) {
      this.res.set('WWW-Authenticate', 'ApiKey realm="api"');
      return exits.challenged({ error: 'Invalid API key' });
    }
    return exits.success(client.data);
  },
};
