import http2 from 'node:http2';
import type { NextFunction, Request, Response } from 'express';
import httpStatus from 'http-status';
import { ReasonPhrases, StatusCodes } from 'http-status-codes';
import { verifySessionToken } from '../auth/session-token';

const { HTTP_STATUS_FORBIDDEN, HTTP_STATUS_UNAUTHORIZED } = http2.constants;

export async function sessionGuard(req: Request, res: Response, next: NextFunction) {
  const sessionToken = req.cookies?.sid as string | undefined;
  if (!sessionToken) {
    res.statusCode = http2.constants.HTTP_STATUS_FORBIDDEN; // expect: require-401-for-credential-failure
    return res.json({ error: ReasonPhrases.FORBIDDEN, message: 'No session cookie' });
  }

  const session = await verifySessionToken(sessionToken);
  if (!session) {
    return res.status(httpStatus.BAD_REQUEST).json({ message: 'Invalid session token' }); // expect: require-401-for-credential-failure
  }
  if (session.expiresAt.getTime() < Date.now()) {
    return res.status(HTTP_STATUS_UNAUTHORIZED).json({ message: 'Session expired' }); // expect: require-www-authenticate
  }
  res.locals.session = session;
  return next();
}

export function staffOnly(req: Request, res: Response, next: NextFunction) {
  if (!res.locals.session?.staff) {
    return res.status(HTTP_STATUS_FORBIDDEN).json({ message: 'Staff only' });
  }
  return next();
}

export function ownerOnly(req: Request, res: Response, next: NextFunction) {
  if (res.locals.session?.userId !== req.params.userId) {
    return res.status(httpStatus.FORBIDDEN).json({ message: 'Not your account' });
  }
  return next();
}

export function billingAdminOnly(req: Request, res: Response, next: NextFunction) {
  if (!res.locals.session?.roles.includes('billing_admin')) {
    return res.status(StatusCodes.UNAUTHORIZED).json({ message: 'Billing admin role required' }); // expect: require-403-for-permission-denial
  }
  return next();
}

export function rejectWrongContentType(req: Request, res: Response, next: NextFunction) {
  if (!req.is('application/json')) {
    return res.status(StatusCodes.UNSUPPORTED_MEDIA_TYPE).json({ message: ReasonPhrases.UNSUPPORTED_MEDIA_TYPE });
  }
  return next();
}
