'use strict';

const { Controller } = require('egg');
const errors = require('egg-errors');

class InvoiceController extends Controller {
  async index() {
    const { ctx } = this;
    if (!ctx.state.claims) {
      ctx.throw(403, 'sign in to list invoices'); // expect: require-401-for-credential-failure
    }
    ctx.body = await ctx.service.invoice.list(ctx.state.claims.sub);
  }

  async approve() {
    const { ctx } = this;
    const { claims } = ctx.state;
    if (!claims.roles.includes('accountant')) {
      throw new errors.UnauthorizedError('only accountants approve invoices'); // expect: require-403-for-permission-denial
    }
    if (!ctx.request.body.note) {
      throw new errors.BadRequestError('an approval note is required');
    }
    ctx.body = await ctx.service.invoice.approve(ctx.params.id, claims.sub);
  }

  async destroy() {
    if (!this.ctx.state.claims.roles.includes('admin')) {
      this.ctx.status = 403;
      this.ctx.body = { message: 'administrators only' };
      return;
    }
    await this.ctx.service.invoice.destroy(this.ctx.params.id);
    this.ctx.status = 204;
  }
}

module.exports = InvoiceController;
