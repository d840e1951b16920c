import createHttpError from 'http-errors';
import jwt from 'jsonwebtoken';
import { prisma } from '../db';

const TOKEN_SECRET = process.env.TOKEN_SECRET ?? '';

export async function currentUser(authorization: string | undefined) {
  if (!authorization) {
    throw createHttpError.BadRequest('Missing Authorization header'); // expect: require-401-for-credential-failure
  }
  const [scheme, token] = authorization.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw createHttpError(401, 'Unsupported authorization scheme', { // fine: challenge included
      headers: { 'WWW-Authenticate': 'Bearer realm="shop"' },
    });
  }
  let payload: { sub: string };
  try {
    payload = jwt.verify(token, TOKEN_SECRET) as { sub: string };
  } catch {
    throw new createHttpError.Forbidden('Invalid or expired token'); // expect: require-401-for-credential-failure
  }
  const user = await prisma.user.findUnique({ where: { id: payload.sub } });
  if (!user) {
    throw createHttpError(401, 'User not found'); // expect: require-www-authenticate
  }
  return user;
}

export async function loadOrder(userId: string, orderId: string) {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order) throw createHttpError(404, 'Order not found');
  if (order.userId !== userId) throw createHttpError(403, 'Not your order');
  return order;
}

export async function cancelOrder(userId: string, orderId: string) {
  const order = await loadOrder(userId, orderId);
  if (order.status === 'shipped') {
    throw createHttpError(409, 'Order already shipped');
  }
  if (order.status === 'cancelled') {
    throw new createHttpError.Conflict('Order already cancelled');
  }
  return prisma.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
}

export function assertStaff(user: { staff: boolean }) {
  if (!user.staff) {
    throw new createHttpError.Unauthorized('Staff members only'); // expect: require-403-for-permission-denial
  }
}

export function parseQuantity(raw: unknown): number {
  const quantity = Number(raw);
  if (!Number.isInteger(quantity) || quantity < 1) {
    throw createHttpError(422, 'quantity must be a positive integer');
  }
  return quantity;
}
