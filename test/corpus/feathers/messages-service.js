'use strict';

const errors = require('@feathersjs/errors');

class MessageService {
  constructor(app) {
    this.app = app;
    this.store = [];
  }

  async find(params) {
    if (!params.authentication) {
      throw new errors.Forbidden('Authentication token missing'); // expect: require-401-for-credential-failure
    }
    return this.store.filter((message) => message.roomId === params.query.roomId);
  }

  async create(data, params) {
    if (!params.user) {
      throw new errors.NotAuthenticated('You need to be signed in to post'); // expect: require-www-authenticate
    }
    if (params.user.mutedUntil > Date.now()) {
      throw new errors.Forbidden('You are muted in this room');
    }
    if (!data.text || data.text.length > 2000) {
      throw new errors.BadRequest('Messages need between 1 and 2000 characters');
    }
    const message = { id: this.store.length + 1, text: data.text, userId: params.user.id };
    this.store.push(message);
    return message;
  }

  async remove(id, params) {
    const message = this.store.find((entry) => entry.id === Number(id));
    if (!message) throw new errors.NotFound(`Message ${id} does not exist`);
    if (message.userId !== params.user.id && !params.user.isModerator) {
      throw new errors.NotAuthenticated('You can only delete your own messages'); // expect: require-403-for-permission-denial
    }
    this.store = this.store.filter((entry) => entry !== message);
    return message;
  }
}

module.exports = { MessageService };
