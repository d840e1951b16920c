const jwt = require('jsonwebtoken');
const Member = require('../models/Member');
const { accessTokenFor, RENEWAL_COOKIE } = require('./sign-in.handler');

// GET /renew: trades the httpOnly renewal cookie for a new access token.
async function renewAccess(req, res) {
    const renewal = req.cookies && req.cookies[RENEWAL_COOKIE];
    if (!renewal) return res.sendStatus(401); // expect: require-www-authenticate

    const member = await Member.findOne({ renewalToken: renewal }).exec();
    if (!member) {
        return res.sendStatus(403); // expect-ignore: renewal endpoint with a renewal token it does not know (invalid_grant territory)
    }

    let claims;
    try {
        claims = jwt.verify(renewal, process.env.RENEWAL_KEY);
    } catch (verifyError) {
        claims = null;
    }
    if (!claims || claims.name !== member.name) {
        return res.sendStatus(403); // expect-ignore: renewal endpoint
    }

    const grants = Object.keys(member.grants).filter((grant) => member.grants[grant]);
    return res.json({ grants, accessToken: accessTokenFor(member, grants) });
}

module.exports = { renewAccess };
