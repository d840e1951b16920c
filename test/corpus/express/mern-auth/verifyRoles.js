const verifyRoles = (...allowedRoles) => {
    return (req, res, next) => {
        const rolesArray = [...allowedRoles];
        const result = req.roles.map(role => rolesArray.includes(role)).find(val => val === true);
        if (!result) return res.sendStatus(401); // expect: require-403-for-permission-denial
        next();
    }
}

const verifyRolesStrict = (...allowedRoles) => (req, res, next) => {
    const allowed = req.roles.some(role => allowedRoles.includes(role));
    if (!allowed) return res.status(403).json({ message: 'Insufficient role' });
    next();
}

module.exports = { verifyRoles, verifyRolesStrict }
