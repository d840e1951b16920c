const bcrypt = require('bcrypt');
const Member = require('../models/Member');
const { RENEWAL_COOKIE } = require('./sign-in.handler');

const cookieOptions = { httpOnly: true, secure: true, sameSite: 'strict' };

// POST /sign-out: always succeeds, even when the cookie is gone or unknown.
async function signOut(req, res) {
    const renewal = req.cookies?.[RENEWAL_COOKIE];
    if (renewal) {
        await Member.updateOne({ renewalToken: renewal }, { $unset: { renewalToken: 1 } }).exec();
        res.clearCookie(RENEWAL_COOKIE, cookieOptions);
    }
    return res.status(204).end();
}

// POST /join  { name, password }
async function join(req, res) {
    const { name, password } = req.body;
    if (!name || !password) {
        return res.status(400).json({ message: 'Pick a name and a password.' });
    }
    if (await Member.exists({ name })) {
        return res.status(409).json({ message: `${name} is already a member.` });
    }
    await Member.create({ name, passwordHash: await bcrypt.hash(password, 10), grants: { reader: true } });
    return res.status(201).json({ message: `Welcome, ${name}.` });
}

module.exports = { signOut, join };
