import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';

describe('Auth (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });

  it('/orders/1 (GET) without a token is rejected', () => {
    return request(app.getHttpServer()).get('/orders/1').expect(401);
  });

  it('/orders/1 (GET) with another customer token is forbidden', async () => {
    const response = await request(app.getHttpServer()).get('/orders/1').set('Authorization', 'Bearer other');
    expect(response.status).toBe(403);
    expect(response.body.message).toBe('This order belongs to another customer');
  });

  it('rejects an expired token', async () => {
    const res = await request(app.getHttpServer()).get('/orders/1').set('Authorization', 'Bearer expired');
    expect(res.statusCode).toEqual(403);
  });

  it('DELETE /orders/1 requires admin', () => {
    return request(app.getHttpServer()).delete('/orders/1').set('Authorization', 'Bearer user').expect(403);
  });

  afterAll(async () => {
    await app.close();
  });
});
