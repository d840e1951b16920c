const express = require('express');
const crypto = require('crypto');
const Stripe = require('stripe');

const stripe = Stripe(process.env.STRIPE_SECRET_KEY);
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;
const router = express.Router();

router.post('/webhooks/stripe', express.raw({ type: 'application/json' }), (request, response) => {
  const sig = request.headers['stripe-signature'];

  let event;

  try {
    event = stripe.webhooks.constructEvent(request.body, sig, endpointSecret);
  } catch (err) {
    response.status(400).send(`Webhook Error: ${err.message}`);
    return;
  }

  switch (event.type) {
    case 'payment_intent.succeeded':
      console.log('PaymentIntent was successful!');
      break;
    default:
      console.log(`Unhandled event type ${event.type}`);
  }

  response.json({ received: true });
});

function verifyGithubSignature(req, res, next) {
  const signature = req.get('X-Hub-Signature-256');
  if (!signature) {
    return res.status(400).send('Missing X-Hub-Signature-256 header');
  }
  const digest = 'sha256=' + crypto.createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET).update(req.rawBody).digest('hex');
  if (signature.length !== digest.length || !crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(signature))) {
    return res.status(403).send("Request body digest did not match X-Hub-Signature-256");
  }
  next();
}

router.post('/webhooks/github', express.json({ verify: (req, res, buf) => { req.rawBody = buf; } }), verifyGithubSignature, (req, res) => {
  res.sendStatus(202);
});

router.post('/webhooks/slack', express.urlencoded({ extended: true, verify: (req, res, buf) => { req.rawBody = buf; } }), (req, res) => {
  const timestamp = Number(req.get('X-Slack-Request-Timestamp'));
  if (Math.abs(Date.now() / 1000 - timestamp) > 60 * 5) {
    return res.status(400).send('Stale request');
  }
  const base = `v0:${timestamp}:${req.rawBody}`;
  const expected = 'v0=' + crypto.createHmac('sha256', process.env.SLACK_SIGNING_SECRET).update(base).digest('hex');
  if (expected !== req.get('X-Slack-Signature')) {
    return res.status(403).send('Invalid signature');
  }
  res.sendStatus(200);
});

module.exports = router;
