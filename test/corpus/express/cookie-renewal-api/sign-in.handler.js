const bcrypt = require('bcrypt');
const jwt = require('jsonwebtoken');
const Member = require('../models/Member');

const RENEWAL_COOKIE = 'rnw';
const DAY_MS = 24 * 60 * 60 * 1000;

function accessTokenFor(member, grants) {
    return jwt.sign({ member: { name: member.name, grants } }, process.env.ACCESS_KEY, { expiresIn: '5m' });
}

// POST /sign-in  { name, password }
async function signIn(req, res) {
    const { name, password } = req.body;
    if (!name || !password) {
        return res.status(400).json({ message: 'Both name and password must be filled in.' });
    }

    const member = await Member.findOne({ name }).exec();
    if (!member) return res.sendStatus(401); // expect: require-www-authenticate

    const passwordOk = await bcrypt.compare(password, member.passwordHash);
    if (!passwordOk) {
        return res.sendStatus(401); // expect: require-www-authenticate
    }

    const grants = Object.entries(member.grants).filter(([, on]) => on).map(([grant]) => grant);
    member.renewalToken = jwt.sign({ name: member.name }, process.env.RENEWAL_KEY, { expiresIn: '7d' });
    await member.save();

    res.cookie(RENEWAL_COOKIE, member.renewalToken, { httpOnly: true, secure: true, sameSite: 'strict', maxAge: 7 * DAY_MS });
    return res.json({ grants, accessToken: accessTokenFor(member, grants) });
}

module.exports = { signIn, accessTokenFor, RENEWAL_COOKIE };
