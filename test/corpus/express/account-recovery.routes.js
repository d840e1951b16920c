// Password reset, e-mail confirmation and team invitations: every token here arrives by e-mail and is used once,
// so none of these answers is about the request's credentials.
const express = require('express');
const { randomBytes, createHash } = require('crypto');
const bcrypt = require('bcryptjs');
const { Account, TeamInvite } = require('../models');
const outbox = require('../services/outbox');

const RESET_WINDOW_MS = 30 * 60 * 1000;
const digest = (value) => createHash('sha256').update(value).digest('hex');

const recovery = express.Router();

recovery.post('/password/forgot', async (req, res) => {
  const account = await Account.findOne({ email: String(req.body.email || '').toLowerCase() });
  if (account) {
    const secret = randomBytes(24).toString('base64url');
    await account.updateOne({ resetDigest: digest(secret), resetUntil: new Date(Date.now() + RESET_WINDOW_MS) });
    await outbox.queue('password-reset', account.email, { secret });
  }
  // Same answer either way, so the endpoint cannot be used to probe for addresses.
  res.status(202).json({ message: 'Check your inbox for a reset link.' });
});

recovery.post('/password/reset/:secret', async (req, res) => {
  const account = await Account.findOne({ resetDigest: digest(req.params.secret), resetUntil: { $gt: new Date() } });
  if (!account) {
    return res.status(400).json({ message: 'This reset link is no longer valid' });
  }
  if (!req.body.password || req.body.password !== req.body.repeatPassword) {
    return res.status(400).json({ message: 'The two passwords differ' });
  }
  await account.updateOne({ passwordHash: await bcrypt.hash(req.body.password, 12), $unset: { resetDigest: 1, resetUntil: 1 } });
  res.json({ message: 'Password changed, you can sign in now' });
});

recovery.get('/email/confirm', async (req, res) => {
  if (!req.query.code) return res.status(400).send('The confirmation code is missing from the link');
  const account = await Account.findOne({ confirmDigest: digest(String(req.query.code)) });
  if (!account) return res.status(404).send('We could not find that confirmation');
  if (account.confirmUntil < new Date()) {
    return res.status(410).send('This confirmation link has run out; ask for a new one');
  }
  await account.updateOne({ emailConfirmed: true, $unset: { confirmDigest: 1 } });
  res.redirect('/sign-in?confirmed=yes');
});

recovery.post('/invites/:code/accept', async (req, res) => {
  const invite = await TeamInvite.findOne({ code: req.params.code });
  if (!invite) return res.status(404).json({ message: 'Unknown invitation' });
  if (invite.validUntil < new Date()) return res.status(410).json({ message: 'This invitation has lapsed' });
  if (invite.email !== String(req.body.email).toLowerCase()) {
    return res.status(403).json({ message: 'The invitation was sent to another address' });
  }
  await invite.accept(req.body);
  res.status(201).json({ team: invite.team });
});

// Mobile app variant: the reset secret travels in the JSON body.
recovery.post('/password/reset', async (req, res) => {
  const account = await Account.findOne({ resetDigest: digest(String(req.body.secret || '')) });
  if (!account || account.resetUntil < new Date()) {
    return res.status(403).json({ message: 'Reset code not accepted or out of date' });
  }
  await account.updateOne({ passwordHash: await bcrypt.hash(req.body.password, 12) });
  res.status(204).end();
});

module.exports = recovery;
