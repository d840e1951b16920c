'use strict';

const { createCoreController } = require('@strapi/strapi').factories;

module.exports = createCoreController('api::order.order', ({ strapi }) => ({
  async mine(ctx) {
    const user = ctx.state.user;
    if (!user) {
      return ctx.forbidden('You must be logged in to see your orders'); // expect: require-401-for-credential-failure
    }
    return strapi.service('api::order.order').find({ filters: { owner: user.id } });
  },

  async refund(ctx) {
    const user = ctx.state.user;
    if (!user) {
      ctx.set('WWW-Authenticate', 'Bearer realm="strapi"');
      return ctx.unauthorized('Missing or invalid credentials');
    }
    if (user.role.type !== 'manager') {
      return ctx.unauthorized('Only managers can refund orders'); // expect: require-403-for-permission-denial
    }
    if (!ctx.request.body.reason) {
      return ctx.badRequest('A refund reason is required', { field: 'reason' });
    }
    const order = await strapi.entityService.findOne('api::order.order', ctx.params.id);
    if (order.ownerId !== user.id && user.role.type !== 'manager') {
      return ctx.forbidden('Not your order');
    }
    return strapi.service('api::order.order').refund(order.id);
  },

  async exportAll(ctx) {
    const token = ctx.request.header['x-api-key'];
    if (!token) {
      return ctx.unauthorized('API key missing'); // expect: require-www-authenticate
    }
    return { ok: true };
  },
}));
