/**
 * res.expired()
 *
 * Sent when the session token of the user has expired.
 */
module.exports = function expired(optionalData) {
  var req = this.req;
  var res = this.res;

  sails.log.verbose('Ran custom response: res.expired()');

  if (req.wantsJSON) {
    return res.status(498).json(optionalData || { message: 'Session token expired' }); // expect: require-401-for-credential-failure
  }
  return res.redirect('/login?expired=true');
};
