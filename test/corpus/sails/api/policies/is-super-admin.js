module.exports = async function (req, res, proceed) {
  if (!req.me) {
    return res.unauthorized(); // expect-ignore: custom Sails response defined in api/responses/unauthorized.js
  }
  if (!req.me.isSuperAdmin) {
    return res.forbidden();
  }
  return proceed();
};
