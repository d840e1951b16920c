'use strict';

/** @typedef {import('@adonisjs/framework/src/Request')} Request */

class TokenGuard {
  async handle({ request, response, auth }, next, schemes) {
    try {
      await auth.authenticator(schemes && schemes[0]).check();
    } catch (error) {
      return response.status(403).json({ error: 'token missing or expired' }); // expect: require-401-for-credential-failure
    }
    await next();
  }
}

module.exports = TokenGuard;
