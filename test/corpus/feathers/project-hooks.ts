import type { HookContext, NextFunction } from '@feathersjs/feathers';
import { BadRequest, Forbidden, NotAuthenticated, NotFound } from '@feathersjs/errors';

// Runs before every call on the projects service once `authenticate('jwt')` has been tried.
export const requireUser = async (context: HookContext) => {
  if (!context.params.user) {
    throw new Forbidden('Sign in to manage projects'); // expect: require-401-for-credential-failure
  }
  return context;
};

export const requireApiToken = async (context: HookContext) => {
  const header = context.params.headers?.authorization;
  if (!header) {
    throw new BadRequest('Authorization header is required'); // expect: require-401-for-credential-failure
  }
  if (!header.startsWith('Bearer ')) {
    throw new NotAuthenticated('Malformed Authorization header'); // expect: require-www-authenticate
  }
  return context;
};

export const onlyOwners = async (context: HookContext) => {
  const { user } = context.params;
  const project = await context.app.service('projects').get(context.id!);
  if (!project) throw new NotFound('No such project');
  if (project.ownerId !== user.id) {
    throw new NotAuthenticated('Only the owner can change a project'); // expect: require-403-for-permission-denial
  }
  return context;
};

export const adminsOnly = async (context: HookContext, next: NextFunction) => {
  if (!context.params.user.permissions.includes('admin')) {
    throw new Forbidden('Administrators only');
  }
  await next();
};

export const validateName = async (context: HookContext) => {
  if (!context.data?.name) {
    throw new BadRequest('A project needs a name');
  }
  return context;
};
