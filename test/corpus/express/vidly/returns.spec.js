const moment = require('moment');
const request = require('supertest');
const { Rental } = require('../../models/rental');
const { User } = require('../../models/user');
const mongoose = require('mongoose');

describe('/api/returns', () => {
  let server;
  let customerId;
  let movieId;
  let token;

  const exec = () => {
    return request(server)
      .post('/api/returns')
      .set('x-auth-token', token)
      .send({ customerId, movieId });
  };

  beforeEach(async () => {
    server = require('../../index');
    customerId = mongoose.Types.ObjectId();
    movieId = mongoose.Types.ObjectId();
    token = new User().generateAuthToken();
  });

  it('should return 401 if client is not logged in', async () => {
    token = '';
    const res = await exec();
    expect(res.status).toBe(401);
  });

  it('should return 400 if token is invalid', async () => {
    token = 'a';
    const res = await exec();
    expect(res.status).toBe(400);
  });

  it('should return 403 if the user is not an admin', async () => {
    token = new User({ isAdmin: false }).generateAuthToken();
    const res = await exec();
    expect(res.status).toBe(403);
  });

  it('should return 404 if no rental found for the customer/movie', async () => {
    await Rental.remove({});
    const res = await exec();
    expect(res.status).toBe(404);
  });

  it('should return 400 if return is already processed', async () => {
    await Rental.updateOne({}, { dateReturned: moment().toDate() });
    const res = await exec();
    expect(res.status).toEqual(400);
  });

  it('rejects an expired token with 403', async () => {
    await request(server).get('/api/users/me').set('x-auth-token', 'expired.jwt.token').expect(403);
  });

  it('rejects requests without a token', () => {
    return request(server).get('/api/users/me').expect(401);
  });
});
