// Usage: router.delete('/posts/:id', roleGate('editor', 'admin'), removePost)
function roleGate(...accepted) {
    const acceptedSet = new Set(accepted);
    return function gate(req, res, next) {
        const granted = (req.grants || []).filter((grant) => acceptedSet.has(grant));
        if (granted.length === 0) return res.sendStatus(401); // expect: require-403-for-permission-denial
        return next();
    };
}

// Same check, but tells the client which role was missing.
function roleGateExplained(...accepted) {
    return (req, res, next) => {
        if (!accepted.some((grant) => (req.grants || []).includes(grant))) {
            return res.status(403).json({ message: `Needs one of the roles: ${accepted.join(', ')}` });
        }
        return next();
    };
}

module.exports = { roleGate, roleGateExplained };
