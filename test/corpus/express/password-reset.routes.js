const express = require('express');
const crypto = require('crypto');
const bcrypt = require('bcryptjs');
const User = require('../models/User');
const Invitation = require('../models/Invitation');
const mailer = require('../services/mailer');

const router = express.Router();

router.post('/forgot-password', async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) {
    // do not reveal whether the e-mail exists
    return res.status(200).json({ message: 'If that e-mail exists, a reset link was sent.' });
  }
  const resetToken = crypto.randomBytes(32).toString('hex');
  user.passwordResetToken = crypto.createHash('sha256').update(resetToken).digest('hex');
  user.passwordResetExpires = Date.now() + 10 * 60 * 1000;
  await user.save({ validateBeforeSave: false });
  await mailer.sendPasswordReset(user.email, resetToken);
  res.json({ message: 'Token sent to email!' });
});

router.patch('/reset-password/:token', async (req, res) => {
  const hashedToken = crypto.createHash('sha256').update(req.params.token).digest('hex');
  const user = await User.findOne({
    passwordResetToken: hashedToken,
    passwordResetExpires: { $gt: Date.now() },
  });

  if (!user) {
    return res.status(400).json({ status: 'fail', message: 'Token is invalid or has expired' });
  }
  if (req.body.password !== req.body.passwordConfirm) {
    return res.status(400).json({ status: 'fail', message: 'Passwords do not match' });
  }
  user.password = await bcrypt.hash(req.body.password, 12);
  user.passwordResetToken = undefined;
  user.passwordResetExpires = undefined;
  await user.save();
  res.status(200).json({ status: 'success' });
});

router.get('/verify-email', async (req, res) => {
  const { token } = req.query;
  if (!token) return res.status(400).send('Verification token missing');
  const user = await User.findOne({ emailVerificationToken: token });
  if (!user) return res.status(404).send('Verification link is invalid');
  if (user.emailVerificationExpires < Date.now()) {
    return res.status(410).send('Verification link expired, request a new one');
  }
  user.emailVerified = true;
  user.emailVerificationToken = undefined;
  await user.save();
  res.redirect('/login?verified=1');
});

router.post('/invitations/:token/accept', async (req, res) => {
  const invitation = await Invitation.findOne({ token: req.params.token });
  if (!invitation) return res.status(404).json({ message: 'Invitation not found' });
  if (invitation.expiresAt < new Date()) return res.status(410).json({ message: 'Invitation expired' });
  if (invitation.email !== req.body.email) {
    return res.status(403).json({ message: 'This invitation was issued to a different e-mail address' });
  }
  await invitation.accept(req.body);
  res.status(201).json({ message: 'Welcome aboard' });
});

router.post('/reset-password', async (req, res) => {
  const { token, password } = req.body;
  const record = await User.findByResetToken(token);
  if (!record || record.resetExpires < Date.now()) {
    return res.status(403).json({ message: 'Reset token invalid or expired' });
  }
  await record.setPassword(password);
  res.sendStatus(204);
});

module.exports = router;
