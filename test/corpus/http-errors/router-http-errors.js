'use strict';

const express = require('express');
const httpErrors = require('http-errors');
const { sessions, projects } = require('./store');

const router = express.Router();

router.use(async (req, res, next) => {
  const sid = req.cookies && req.cookies.sid;
  if (!sid) {
    return next(httpErrors(400, 'Session cookie required')); // expect: require-401-for-credential-failure
  }
  const session = await sessions.find(sid);
  if (!session) {
    return next(httpErrors.Unauthorized('Session not found')); // expect: require-www-authenticate
  }
  if (session.expiresAt < Date.now()) {
    return next(httpErrors(440, 'Session expired')); // expect: require-401-for-credential-failure
  }
  req.session = session;
  next();
});

router.get('/projects/:id', async (req, res, next) => {
  const project = await projects.find(req.params.id);
  if (!project) return next(httpErrors.NotFound());
  if (!project.members.includes(req.session.userId)) {
    return next(httpErrors.Forbidden('Not a member of this project'));
  }
  res.json(project);
});

router.post('/projects', async (req, res, next) => {
  if (!req.body || !req.body.name) return next(httpErrors.BadRequest('name is required'));
  if (await projects.exists(req.body.name)) return next(httpErrors(409, 'Project exists'));
  if (req.session.plan === 'free' && (await projects.count(req.session.userId)) >= 3) {
    return next(httpErrors(402, 'Upgrade to create more projects'));
  }
  res.status(201).json(await projects.create(req.body.name, req.session.userId));
});

router.delete('/projects/:id', async (req, res, next) => {
  const project = await projects.find(req.params.id);
  if (!project) return next(httpErrors.NotFound());
  if (project.ownerId !== req.session.userId) {
    return next(httpErrors(401, 'Only the owner can delete a project')); // expect: require-403-for-permission-denial
  }
  await projects.remove(project.id);
  res.sendStatus(204);
});

module.exports = router;
