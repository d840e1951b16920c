import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccountsRepository } from '../accounts/accounts.repository';

interface AccessClaims {
  sub: string;
  email: string;
}

@Injectable()
export class AccessTokenStrategy extends PassportStrategy(Strategy, 'access-token') {
  constructor(
    config: ConfigService,
    private readonly accounts: AccountsRepository,
  ) {
    super({
      secretOrKey: config.getOrThrow<string>('ACCESS_TOKEN_SECRET'),
      jwtFromRequest: ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), ExtractJwt.fromUrlQueryParameter('access_token')]),
    });
  }

  async validate(claims: AccessClaims) {
    const account = await this.accounts.byId(claims.sub);
    if (account === null) {
      throw new UnauthorizedException('Account for this token no longer exists'); // expect: require-www-authenticate
    }
    if (account.closedAt !== null) {
      throw new ForbiddenException('Account closed');
    }
    return { accountId: account.id, email: account.email, roles: account.roles };
  }
}

/** Wraps passport's verdict in our own exceptions. */
@Injectable()
export class PassportJwtGuard extends AuthGuard('access-token') {
  handleRequest<TAccount>(error: unknown, account: TAccount | false, info?: Error): TAccount {
    if (info?.name === 'TokenExpiredError') {
      throw new ForbiddenException('Access token has expired'); // expect: require-401-for-credential-failure
    }
    if (error || !account) {
      throw new ForbiddenException(info?.message || 'Invalid access token'); // expect: require-401-for-credential-failure
    }
    return account;
  }
}

/** Same strategy, but anonymous callers get through with no account. */
@Injectable()
export class MaybeAccountGuard extends AuthGuard('access-token') {
  handleRequest<TAccount>(_error: unknown, account: TAccount | false): TAccount | undefined {
    return account || undefined;
  }
}
