const express = require('express');
const { verifyCaptcha } = require('../services/captcha');
const { decodeCursor } = require('../utils/cursor');
const idempotency = require('../services/idempotency');
const { Order, User } = require('../models');

const router = express.Router();

router.get('/orders', async (req, res) => {
  let cursor;
  if (req.query.pageToken) {
    cursor = decodeCursor(req.query.pageToken);
    if (!cursor) {
      return res.status(400).json({ error: 'Invalid page token' });
    }
  }
  const page = await Order.page(cursor, 50);
  res.json({ items: page.items, nextPageToken: page.nextToken });
});

router.post('/signup', async (req, res) => {
  const captchaOk = await verifyCaptcha(req.body.captchaToken, req.ip);
  if (!captchaOk) {
    return res.status(400).json({ error: 'captcha token invalid or expired' });
  }
  if (await User.exists({ email: req.body.email })) {
    return res.status(409).json({ error: 'An account with this e-mail already exists' });
  }
  const user = await User.create(req.body);
  res.status(201).json({ id: user.id });
});

router.post('/payments', async (req, res) => {
  const key = req.get('Idempotency-Key');
  if (!key) {
    return res.status(400).json({ error: 'Idempotency-Key header is required' });
  }
  const previous = await idempotency.find(key);
  if (previous && previous.requestHash !== idempotency.hash(req.body)) {
    return res.status(422).json({ error: 'Idempotency key reused with a different payload' });
  }
  if (previous && previous.inFlight) {
    return res.status(409).json({ error: 'A request with this idempotency token is still being processed' });
  }
  res.status(201).json(await idempotency.run(key, req.body));
});

router.get('/exports/:id/download', async (req, res) => {
  const { signature, expires } = req.query;
  if (!signature || Number(expires) < Date.now() / 1000) {
    return res.status(403).send('Download link expired');
  }
  res.download(`/exports/${req.params.id}.csv`);
});

router.post('/uploads', (req, res) => {
  if (!req.is('multipart/form-data')) {
    return res.status(415).json({ error: 'Expected multipart/form-data' });
  }
  if (Number(req.get('content-length')) > 10 * 1024 * 1024) {
    return res.status(413).json({ error: 'File too large' });
  }
  res.sendStatus(202);
});

module.exports = router;
