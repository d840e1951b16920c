// Custom response `res.sessionTimedOut(extra)`: sent by the session hook when the stored session has lapsed.
module.exports = function sessionTimedOut(extra) {
  const { req, res } = this;

  if (!req.wantsJSON) {
    return res.redirect('/sign-in?reason=timeout');
  }
  const body = Object.assign({ problem: 'Session timed out, sign in again' }, extra);
  return res.status(498).json(body); // expect: require-401-for-credential-failure
};
