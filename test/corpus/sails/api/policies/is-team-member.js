module.exports = async function isTeamMember(req, res, proceed) {
  const team = await Team.findOne({ id: req.param('teamId') }).populate('members');
  if (!team) {
    return res.notFound();
  }
  if (!team.members.some((member) => member.id === req.me.id)) {
    return res.status(401).json({ error: 'You are not a member of this team' }); // expect: require-403-for-permission-denial
  }
  return proceed();
};
