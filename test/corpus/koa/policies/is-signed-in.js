// A Strapi 4 policy guarding the articles API: Strapi answers a policy that returns false with 403.
module.exports = async (policyContext, config, { strapi }) => {
  const header = policyContext.request.header.authorization;
  if (!header) {
    return false; // expect: require-401-for-credential-failure
  }
  try {
    const { id } = await strapi.plugin('users-permissions').service('jwt').verify(header.replace(/^Bearer\s+/, ''));
    policyContext.state.user = await strapi.entityService.findOne('plugin::users-permissions.user', id);
  } catch (problem) {
    strapi.log.debug(`rejected a token: ${problem.message}`);
    return false; // expect: require-401-for-credential-failure
  }
  if (policyContext.state.user.blocked) {
    return false;
  }
  if (config.roles && !config.roles.includes(policyContext.state.user.role.type)) {
    return false;
  }
  return true;
};
