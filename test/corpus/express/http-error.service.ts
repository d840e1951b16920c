import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import type { NextFunction, Request, Response } from 'express';

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'Unauthorized') {
    super(401, message, { 'WWW-Authenticate': 'Bearer realm="api"' });
  }
}

export class TokenInvalidError extends HttpError {
  constructor(message = 'Token invalid') {
    super(403, message); // expect: require-401-for-credential-failure
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Forbidden') {
    super(403, message);
  }
}

interface UserRow {
  id: string;
  passwordHash: string;
  locked: boolean;
}

export class AuthService {
  constructor(private readonly findUser: (email: string) => Promise<UserRow | undefined>) {}

  async login(email: string, password: string): Promise<string> {
    const user = await this.findUser(email);
    if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
      throw new UnauthorizedError('Invalid credentials');
    }
    if (user.locked) {
      throw new ForbiddenError('Account locked after too many attempts');
    }
    return jwt.sign({ sub: user.id }, process.env.JWT_SECRET as string, { expiresIn: '1h' });
  }

  verify(token: string | undefined): string {
    if (!token) throw new HttpError(400, 'Missing token'); // expect: require-401-for-credential-failure
    try {
      return (jwt.verify(token, process.env.JWT_SECRET as string) as { sub: string }).sub;
    } catch {
      throw new TokenInvalidError();
    }
  }
}

export function httpErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction) {
  if (err instanceof HttpError) {
    res.set(err.headers);
    return res.status(err.status).json({ message: err.message });
  }
  return next(err);
}
