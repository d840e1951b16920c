/**
 * is-logged-in
 *
 * A simple policy that allows any request from an authenticated user.
 */
module.exports = async function (req, res, proceed) {
  if (req.me) {
    return proceed();
  }

  //--•
  // Otherwise, this request did not come from a logged-in user.
  return res.unauthorized(); // expect-ignore: custom Sails response; its 401 (and challenge) live in api/responses/unauthorized.js
};
