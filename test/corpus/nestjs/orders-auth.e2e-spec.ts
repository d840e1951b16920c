import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { tokenFor } from './helpers/tokens';

describe('orders: who may see what (e2e)', () => {
  let testingModule: TestingModule;
  let app: INestApplication;

  beforeAll(async () => {
    testingModule = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = testingModule.createNestApplication();
    await app.init();
  });

  afterAll(() => app.close());

  it('refuses a request with no Authorization header', async () => {
    await request(app.getHttpServer()).get('/orders/42').expect(401);
  });

  it('refuses a customer looking at another customer order', async () => {
    const res = await request(app.getHttpServer()).get('/orders/42').auth(tokenFor('customer-7'), { type: 'bearer' });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('another customer');
  });

  it('currently answers an expired token like a permission problem', async () => {
    const res = await request(app.getHttpServer()).get('/orders/42').auth(tokenFor('customer-1', { expired: true }), { type: 'bearer' });
    expect(res.statusCode).toEqual(403);
  });

  it('only admins may delete orders', () =>
    request(app.getHttpServer()).delete('/orders/42').auth(tokenFor('customer-1'), { type: 'bearer' }).expect(403));
});
