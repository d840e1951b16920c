import { GraphQLError } from 'graphql';
import type { Resolvers } from './generated/graphql';
import { Post, User } from './models';

function requireUser(context: { user?: User | null }) {
  if (!context.user) {
    throw new GraphQLError('You must be logged in', { extensions: { code: 'FORBIDDEN' } }); // expect: require-401-for-credential-failure
  }
  return context.user;
}

export const resolvers: Resolvers = {
  Query: {
    me: (_parent, _args, context) => requireUser(context),

    users: async (_parent, _args, context) => {
      const user = requireUser(context);
      if (!user.roles.includes('admin')) {
        throw new GraphQLError('Admins only', { extensions: { code: 'UNAUTHENTICATED' } }); // expect: require-403-for-permission-denial
      }
      return User.findAll();
    },

    post: async (_parent, { id }) => {
      const post = await Post.findByPk(id);
      if (!post) throw new GraphQLError('Post not found', { extensions: { code: 'NOT_FOUND' } });
      return post;
    },

    drafts: async (_parent, _args, context) => {
      const user = requireUser(context);
      if (!user.permissions.includes('drafts:read')) {
        throw new GraphQLError('Insufficient permissions', { extensions: { code: 'FORBIDDEN' } });
      }
      return Post.findAll({ where: { published: false } });
    },
  },

  Mutation: {
    deletePost: async (_parent, { id }, context) => {
      const user = requireUser(context);
      const post = await Post.findByPk(id);
      if (post?.authorId !== user.id) {
        throw new GraphQLError('Not the owner of this post', { extensions: { code: 'UNAUTHENTICATED' } }); // expect: require-403-for-permission-denial
      }
      await post.destroy();
      return true;
    },

    createPost: async (_parent, { input }, context) => {
      if (!context.user) {
        throw new GraphQLError('Not authenticated', { extensions: { code: 'UNAUTHENTICATED' } });
      }
      if (!input.title) {
        throw new GraphQLError('Title is required', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      return Post.create({ ...input, authorId: context.user.id });
    },

    banUser: async (_parent, { id }, context) => {
      const user = requireUser(context);
      if (user.role !== 'moderator') {
        throw new GraphQLError('Moderators only', { extensions: { code: 'FORBIDDEN' } });
      }
      return User.update({ banned: true }, { where: { id } });
    },
  },
};
