const { isValidObjectId } = require('mongoose');

// router.get('/:id', objectIdParam('id'), …): a malformed id cannot match any document.
module.exports = (name = 'id') =>
  function objectIdParam(req, res, next) {
    if (isValidObjectId(req.params[name])) return next();
    return res.status(404).json({ error: `Nothing found for ${name} ${req.params[name]}` });
  };
