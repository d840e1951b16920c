import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { AccountsRepository } from '../accounts/accounts.repository';

@Injectable()
export class SessionTokensService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly jwt: JwtService,
  ) {}

  async open(email: string, password: string) {
    const account = await this.accounts.byEmail(email);
    const matches = account ? await argon2.verify(account.passwordHash, password) : false;
    if (!matches) {
      throw new UnauthorizedException('Wrong email or password'); // expect: require-www-authenticate
    }
    if (account.lockedAt) {
      throw new ForbiddenException('This account is locked');
    }
    return { accessToken: await this.jwt.signAsync({ sub: account.id, email: account.email }) };
  }

  async register(email: string, password: string) {
    if (await this.accounts.byEmail(email)) {
      throw new ConflictException('An account with this email exists');
    }
    if (password.length < 10) {
      throw new BadRequestException('Passwords need at least 10 characters');
    }
    return this.accounts.create(email, await argon2.hash(password));
  }

  /** Used by the WebSocket gateway, which has no guard: the token comes from the handshake headers. */
  async check(token?: string) {
    if (token === undefined || token === '') {
      throw new BadRequestException('Access token required'); // expect: require-401-for-credential-failure
    }
    try {
      return await this.jwt.verifyAsync<{ sub: string; email: string }>(token);
    } catch (problem) {
      if (problem instanceof TokenExpiredError) {
        throw new HttpException('Access token expired', HttpStatus.FORBIDDEN); // expect: require-401-for-credential-failure
      }
      throw new HttpException({ message: 'Access token invalid', reason: 'signature' }, 498); // expect: require-401-for-credential-failure
    }
  }

  /** POST /oauth/token with grant_type=refresh_token. */
  async exchangeRefreshToken(refreshToken: string) {
    const record = await this.accounts.refreshRecord(refreshToken);
    if (record === null || record.revokedAt !== null) {
      throw new BadRequestException({ error: 'invalid_grant', error_description: 'Refresh token unknown or revoked' });
    }
    return { accessToken: await this.jwt.signAsync({ sub: record.accountId }) };
  }
}
