const jwt = require('jsonwebtoken');

// Mounted in front of every /api route.
function bearerCheck(req, res, next) {
    const header = req.get('authorization') ?? '';
    const [scheme, accessToken] = header.split(' ');
    if (scheme !== 'Bearer' || !accessToken) return res.sendStatus(401); // expect: require-www-authenticate

    let claims;
    try {
        claims = jwt.verify(accessToken, process.env.ACCESS_KEY);
    } catch (err) {
        return res.sendStatus(403); // expect: require-401-for-credential-failure
    }
    req.memberName = claims.member.name;
    req.grants = claims.member.grants;
    return next();
}

module.exports = bearerCheck;
