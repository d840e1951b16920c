const express = require('express');
const bcrypt = require('bcrypt');
const { z } = require('zod');
const { Patron } = require('../models/patron');

const router = express.Router();

const signInBody = z.object({
  email: z.string().email().max(255),
  password: z.string().min(5).max(255),
});

router.post('/', async (req, res) => {
  const parsed = signInBody.safeParse(req.body);
  if (!parsed.success) {
    return res.status(400).json({ error: parsed.error.issues[0].message });
  }

  const patron = await Patron.findOne({ email: parsed.data.email });
  if (!patron) {
    return res.status(400).json({ error: 'Invalid email or password' }); // expect: require-401-for-credential-failure
  }

  const passwordOk = await bcrypt.compare(parsed.data.password, patron.passwordHash);
  if (!passwordOk) {
    return res.status(400).json({ error: 'Invalid email or password' }); // expect: require-401-for-credential-failure
  }

  return res.json({ token: patron.signToken() });
});

module.exports = router;
