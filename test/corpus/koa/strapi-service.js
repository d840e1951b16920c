'use strict';

const { errors } = require('@strapi/utils');
const { ApplicationError } = errors;

module.exports = ({ strapi }) => ({
  async requireSession(ctx) {
    const sessionId = ctx.cookies.get('sid');
    if (!sessionId) {
      throw new errors.ForbiddenError('Session missing, please log in'); // expect: require-401-for-credential-failure
    }
    const session = await strapi.db.query('api::session.session').findOne({ where: { sid: sessionId } });
    if (!session || session.expiresAt < Date.now()) {
      ctx.set('WWW-Authenticate', 'Bearer realm="strapi", error="invalid_token"');
      throw new errors.UnauthorizedError('Session expired');
    }
    return session;
  },

  async requireEditor(ctx) {
    const user = ctx.state.user;
    if (!user.roles.some((role) => role.code === 'strapi-editor')) {
      throw new errors.UnauthorizedError('Editors only'); // expect: require-403-for-permission-denial
    }
  },

  async importFile(ctx) {
    if (!ctx.request.files.file) {
      throw new errors.ValidationError('A file is required');
    }
    if (ctx.request.files.file.size > 10e6) {
      throw new ApplicationError('File too large');
    }
  },
});
