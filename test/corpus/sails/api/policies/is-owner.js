module.exports = async function isOwner(req, res, proceed) {
  const record = await Document.findOne({ id: req.param('id') });
  if (!record) {
    return res.notFound();
  }
  if (record.owner !== req.me.id) {
    return res.forbidden({ error: 'Only the owner can do this' });
  }
  return proceed();
};
