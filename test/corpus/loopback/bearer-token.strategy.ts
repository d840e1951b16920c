import { AuthenticationStrategy } from '@loopback/authentication';
import { inject, injectable } from '@loopback/core';
import { HttpErrors, Request } from '@loopback/rest';
import { UserProfile } from '@loopback/security';
import { TokenCodecBindings } from '../keys';
import { TokenCodecService } from '../services/token-codec.service';

const SCHEME = 'Bearer';

/** `@authenticate('bearer-token')`: reads the Authorization header and hands the token to the codec. */
@injectable({ tags: { authenticationStrategy: true } })
export class BearerTokenStrategy implements AuthenticationStrategy {
  readonly name = 'bearer-token';

  constructor(@inject(TokenCodecBindings.SERVICE) private readonly codec: TokenCodecService) {}

  async authenticate(request: Request): Promise<UserProfile> {
    return this.codec.decode(this.tokenFrom(request));
  }

  private tokenFrom(request: Request): string {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      throw new HttpErrors.Unauthorized('No Authorization header on the request'); // expect: require-www-authenticate
    }

    const [scheme, ...rest] = header.trim().split(/\s+/);
    if (scheme !== SCHEME) {
      throw new HttpErrors.BadRequest(`Unsupported authorization scheme ${scheme}; use ${SCHEME}`); // expect: require-401-for-credential-failure
    }
    if (rest.length !== 1) {
      throw new HttpErrors.Unauthorized( // expect: require-www-authenticate
        `Expected exactly one token after "${SCHEME}", got ${rest.length}`,
      );
    }
    return rest[0];
  }
}
