const express = require('express');
const { z } = require('zod');
const authToken = require('../middleware/auth-token');
const { Loan } = require('../models/loan');
const { Title } = require('../models/title');

const router = express.Router();

const checkinBody = z.object({ patronId: z.string().length(24), titleId: z.string().length(24) });

router.post('/', authToken, async (req, res) => {
  const body = checkinBody.parse(req.body);
  const loan = await Loan.findOpen(body.patronId, body.titleId);

  if (!loan) return res.status(404).json({ error: 'No open loan for this patron and title' });
  if (loan.returnedAt) return res.status(400).json({ error: 'This loan was already checked in' });
  if (String(loan.patron._id) !== String(req.patron.patronId) && !req.patron.clerk) {
    return res.status(403).json({ error: 'You can only check in your own loans' });
  }

  loan.checkIn(new Date());
  await loan.save();
  await Title.updateOne({ _id: loan.title._id }, { $inc: { copiesOnShelf: 1 } });

  return res.json({ loan: loan.id, lateFee: loan.lateFee });
});

module.exports = router;
