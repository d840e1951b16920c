import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
import { PartnerKeysService } from './partner-keys.service';

/** Partner integrations authenticate with their key in the `X-API-Key` header. */
@Injectable()
export class PartnerApiKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, 'partner-api-key') {
  constructor(private readonly partnerKeys: PartnerKeysService) {
    super({ header: 'X-API-Key', prefix: '' }, true);
  }

  async validate(presentedKey: string, done: (error: Error | null, partner?: unknown) => void) {
    const partner = await this.partnerKeys.lookup(presentedKey);
    if (partner === undefined) {
      return done(new UnauthorizedException('Unknown API key')); // expect: require-www-authenticate
    }
    if (partner.revokedAt) {
      return done(new ForbiddenException('API key revoked')); // expect: require-401-for-credential-failure
    }
    if (!partner.products.includes('catalogue')) {
      return done(new ForbiddenException('Your contract does not include the catalogue API'));
    }
    return done(null, partner);
  }
}
