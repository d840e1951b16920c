const { ApolloServer, AuthenticationError, ForbiddenError, UserInputError } = require('apollo-server');
const jwt = require('jsonwebtoken');
const typeDefs = require('./schema');
const { Project } = require('./models');

const resolvers = {
  Query: {
    projects: (_, __, context) => {
      if (!context.user) throw new ForbiddenError('You must be logged in'); // expect: require-401-for-credential-failure
      return Project.findAll({ where: { ownerId: context.user.id } });
    },
    project: async (_, { id }, context) => {
      if (!context.user) throw new AuthenticationError('You must be logged in');
      const project = await Project.findByPk(id);
      if (project.ownerId !== context.user.id) throw new ForbiddenError('Not your project');
      return project;
    },
  },
  Mutation: {
    archiveProject: async (_, { id }, context) => {
      if (!context.user) throw new AuthenticationError('Not logged in');
      if (!context.user.isAdmin) throw new AuthenticationError('Admins only'); // expect: require-403-for-permission-denial
      if (!id) throw new UserInputError('id is required');
      return Project.update({ archived: true }, { where: { id } });
    },
  },
};

const server = new ApolloServer({
  typeDefs,
  resolvers,
  context: ({ req }) => {
    const token = req.headers.authorization || '';
    if (!token) return {};
    try {
      return { user: jwt.verify(token.replace('Bearer ', ''), process.env.SECRET) };
    } catch (e) {
      throw new ForbiddenError('Token expired or invalid'); // expect: require-401-for-credential-failure
    }
  },
});

server.listen();
