'use strict';

const Article = use('App/Models/Article');

class ArticleController {
  async store({ request, response, auth }) {
    if (!auth.user) {
      return response.forbidden({ error: 'log in to write articles' }); // expect: require-401-for-credential-failure
    }
    const article = await Article.create({ ...request.only(['title', 'body']), user_id: auth.user.id });
    return response.created(article);
  }

  async update({ params, request, response, auth }) {
    const user = await auth.getUser();
    const article = await Article.findOrFail(params.id);
    if (article.user_id !== user.id) {
      return response.unauthorized({ error: 'only the author can edit this article' }); // expect: require-403-for-permission-denial
    }
    article.merge(request.only(['title', 'body']));
    await article.save();
    return article;
  }

  async destroy({ params, response, auth }) {
    if (auth.user.role !== 'moderator') {
      return response.status(403).send({ error: 'moderators only' });
    }
    const article = await Article.findOrFail(params.id);
    await article.delete();
    return response.noContent();
  }

  async drafts({ response, auth }) {
    const loggedIn = await auth.check();
    if (!loggedIn) {
      return response.unauthorized({ error: 'session expired' }); // expect: require-www-authenticate
    }
    return response.json(await auth.user.articles().where('draft', true).fetch());
  }
}

module.exports = ArticleController;
