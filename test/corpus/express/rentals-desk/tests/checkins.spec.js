const request = require('supertest');
const { Types } = require('mongoose');
const { Loan } = require('../models/loan');
const { Patron } = require('../models/patron');

describe('POST /api/checkins', () => {
  let app;
  let authToken;
  let body;

  const checkIn = () => request(app).post('/api/checkins').set('x-auth-token', authToken).send(body);

  beforeEach(async () => {
    app = require('../app');
    body = { patronId: new Types.ObjectId().toHexString(), titleId: new Types.ObjectId().toHexString() };
    authToken = new Patron({ clerk: true }).signToken();
  });

  afterEach(async () => {
    await Loan.deleteMany({});
  });

  it('answers 401 without an auth token', async () => {
    authToken = '';
    const res = await checkIn();
    expect(res.status).toBe(401);
  });

  it('answers 400 for a token that does not verify', async () => {
    authToken = 'not-a-jwt';
    const res = await checkIn();
    expect(res.status).toBe(400);
  });

  it('answers 403 when someone else checks in a patron loan', async () => {
    authToken = new Patron({ clerk: false }).signToken();
    const res = await checkIn();
    expect(res.status).toBe(403);
  });

  it('answers 404 when there is no open loan', async () => {
    const res = await checkIn();
    expect(res.status).toBe(404);
  });

  it('answers 400 for a loan that was already checked in', async () => {
    await Loan.create({ patron: body.patronId, title: body.titleId, returnedAt: new Date() });
    const res = await checkIn();
    expect(res.status).toEqual(400);
  });

  it('GET /api/patrons/me with an expired token is refused with 403', async () => {
    await request(app).get('/api/patrons/me').set('x-auth-token', 'expired-token').expect(403);
  });

  it('GET /api/patrons/me without any token answers 401', () => request(app).get('/api/patrons/me').expect(401));
});
