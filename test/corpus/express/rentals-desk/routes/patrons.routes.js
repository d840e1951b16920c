const express = require('express');
const bcrypt = require('bcrypt');
const authToken = require('../middleware/auth-token');
const { Patron, patronSchema } = require('../models/patron');

const router = express.Router();

router.get('/me', authToken, async (req, res) => {
  const patron = await Patron.findById(req.patron.patronId).select('name email clerk');
  res.json(patron);
});

router.post('/', async (req, res) => {
  const parsed = patronSchema.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: parsed.error.issues.map((issue) => issue.message) });

  if (await Patron.exists({ email: parsed.data.email })) {
    return res.status(400).json({ error: 'A patron with this email is already registered' });
  }

  const patron = await Patron.create({
    name: parsed.data.name,
    email: parsed.data.email,
    passwordHash: await bcrypt.hash(parsed.data.password, 10),
  });
  res.set('x-auth-token', patron.signToken()).status(201).json({ id: patron.id, name: patron.name, email: patron.email });
});

module.exports = router;
