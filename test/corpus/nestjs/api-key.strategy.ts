import { Injectable, UnauthorizedException, ForbiddenException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
import { ApiKeysService } from './api-keys.service';

@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, 'api-key') {
  constructor(private readonly keys: ApiKeysService) {
    super({ header: 'X-API-KEY', prefix: '' }, true);
  }

  async validate(apiKey: string, done: (error: Error | null, data: unknown) => void) {
    const client = await this.keys.find(apiKey);
    if (!client) {
      return done(new UnauthorizedException('Unknown API key'), null); // expect: require-www-authenticate
    }
    if (client.revokedAt) {
      return done(new ForbiddenException('API key revoked'), null); // expect: require-401-for-credential-failure
    }
    if (!client.enabledProducts.includes('search')) {
      return done(new ForbiddenException('This key is not enabled for search'), null);
    }
    return done(null, client);
  }
}
