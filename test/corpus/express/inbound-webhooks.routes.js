// Webhooks from payment, source hosting and chat providers. Each provider signs the raw body; a bad
// signature is not a client credential failure (semantics.md: leave webhooks alone).
const express = require('express');
const { createHmac, timingSafeEqual } = require('crypto');
const Stripe = require('stripe');
const jobs = require('../jobs');

const payments = new Stripe(process.env.PAYMENTS_API_KEY);
const hooks = express.Router();

const keepRawBody = (req, res, buffer) => {
  req.rawBody = buffer;
};

function hexHmac(secret, payload) {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

function equalStrings(a, b) {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

hooks.post('/hooks/payments', express.raw({ type: 'application/json' }), async (req, res) => {
  let notification;
  try {
    notification = payments.webhooks.constructEvent(req.body, req.get('stripe-signature'), process.env.PAYMENTS_HOOK_SECRET);
  } catch (failure) {
    return res.status(400).json({ error: `signature check failed: ${failure.message}` });
  }
  if (notification.type === 'invoice.paid') await jobs.enqueue('mark-invoice-paid', notification.data.object.id);
  return res.json({ ok: true });
});

hooks.post('/hooks/source', express.json({ verify: keepRawBody }), (req, res) => {
  const sent = req.get('X-Hub-Signature-256');
  if (!sent) {
    return res.status(400).json({ error: 'signature header missing' });
  }
  if (!equalStrings(`sha256=${hexHmac(process.env.SOURCE_HOOK_SECRET, req.rawBody)}`, sent)) {
    return res.status(403).json({ error: 'payload signature mismatch' });
  }
  jobs.enqueue('source-event', { kind: req.get('X-GitHub-Event'), body: req.body });
  return res.status(202).end();
});

hooks.post('/hooks/chat', express.urlencoded({ extended: false, verify: keepRawBody }), (req, res) => {
  const sentAt = Number(req.get('X-Slack-Request-Timestamp'));
  if (!Number.isFinite(sentAt) || Math.abs(Date.now() / 1000 - sentAt) > 300) {
    return res.status(400).json({ error: 'request too old' });
  }
  const expected = `v0=${hexHmac(process.env.CHAT_SIGNING_SECRET, `v0:${sentAt}:${req.rawBody}`)}`;
  if (!equalStrings(expected, String(req.get('X-Slack-Signature') || ''))) {
    return res.status(403).json({ error: 'signature mismatch' });
  }
  return res.json({ text: 'received' });
});

module.exports = hooks;
