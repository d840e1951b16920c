// Policy for every page and API action that needs a person behind the request.
// `req.me` is filled in by the session hook when the session cookie points at a known account.
module.exports = async function requireSignedIn(req, res, proceed) {
  if (!req.me) {
    return res.unauthorized(); // expect-ignore: custom Sails response; its 401 (and challenge) live in api/responses/unauthorized.js
  }
  return proceed();
};
