// An inventory API that answers every refusal through small helpers declared at the top of the file.
const express = require('express');
const jwt = require('jsonwebtoken');
const { findApiKey, findItem } = require('./inventory-store');

const router = express.Router();

function refuse(res, reason) {
  return res.status(403).json({ error: 'forbidden', reason });
}

function askToSignIn(res, detail) {
  return res.status(401).json({ error: 'unauthorized', detail }); // expect: require-www-authenticate
}

const sessionTimedOut = (res) => res.status(419).json({ error: 'Session timed out, sign in again' }); // expect: require-401-for-credential-failure

function rejectInput(res, field) {
  if (!field) return res.status(400).json({ error: 'invalid request' });
  return res.status(422).json({ error: `invalid ${field}` });
}

function reply(res, answer) {
  return res.status(answer.status ?? 403).json({ message: answer.message });
}

function readClaims(req, res, next) {
  const header = req.get('authorization') ?? '';
  if (!header.startsWith('Bearer ')) return refuse(res, 'missing bearer token'); // expect: require-401-for-credential-failure
  try {
    req.claims = jwt.verify(header.slice(7), process.env.INVENTORY_JWT_SECRET);
  } catch (problem) {
    if (problem.name === 'TokenExpiredError') return sessionTimedOut(res);
    return refuse(res, 'token rejected'); // expect: require-401-for-credential-failure
  }
  return next();
}

async function readApiKey(req, res, next) {
  const key = req.get('x-api-key');
  if (!key) return askToSignIn(res, 'an API key is required');
  const record = await findApiKey(key);
  if (!record) return reply(res, { status: 401, message: 'unknown key' }); // expect: require-www-authenticate
  req.keyOwner = record.owner;
  return next();
}

router.get('/items/:id', readClaims, async (req, res) => {
  if (!req.claims.scopes.includes('items:read')) return refuse(res, 'items:read scope needed');
  const item = await findItem(req.params.id);
  if (!item) return res.status(404).end();
  if (item.warehouseId !== req.claims.warehouseId) return refuse(res, 'another warehouse');
  return res.json(item);
});

router.post('/items', readApiKey, async (req, res) => {
  if (!req.body.sku) return rejectInput(res, 'sku');
  if (req.keyOwner.readOnly) return refuse(res, 'read-only key');
  return res.status(201).json(await req.keyOwner.addItem(req.body));
});

module.exports = router;
