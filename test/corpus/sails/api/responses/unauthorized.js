// Custom response `res.unauthorized()`: API clients get a bare status, browsers are sent to the sign-in page
// with the page they wanted remembered.
module.exports = function unauthorized() {
  const { req, res } = this;
  sails.log.silly(`res.unauthorized() for ${req.method} ${req.url}`);

  if (req.wantsJSON) {
    return res.sendStatus(401); // expect: require-www-authenticate
  }

  if (req.session && req.session.accountId) {
    req.session.accountId = undefined;
  }
  const next = encodeURIComponent(req.originalUrl || '/');
  return res.redirect(`/sign-in?next=${next}`);
};
