import { HttpException, HttpStatus, LoginTimeoutException } from '@nestjs/common';

export class InvalidTokenException extends HttpException {
  constructor() {
    super('Invalid token', HttpStatus.FORBIDDEN); // expect: require-401-for-credential-failure
  }
}

export class TokenExpiredException extends HttpException {
  constructor() {
    super({ code: 'TOKEN_EXPIRED', message: 'Session expired, please sign in again' }, 440); // expect: require-401-for-credential-failure
  }
}

export class InsufficientRoleException extends HttpException {
  constructor(role: string) {
    super(`Role ${role} required`, HttpStatus.FORBIDDEN);
  }
}

export class NotOwnerException extends HttpException {
  constructor() {
    super('You do not own this resource', HttpStatus.UNAUTHORIZED); // expect: require-403-for-permission-denial
  }
}

export class DuplicateEmailException extends HttpException {
  constructor(email: string) {
    super(`E-mail ${email} already registered`, HttpStatus.CONFLICT);
  }
}

export function sessionTimedOut(): never {
  throw new LoginTimeoutException('Your session timed out'); // expect: require-401-for-credential-failure
}
