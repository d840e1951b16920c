import { BindingScope, inject, injectable } from '@loopback/core';
import { HttpErrors } from '@loopback/rest';
import { securityId, UserProfile } from '@loopback/security';
import jwt from 'jsonwebtoken';
import { promisify } from 'node:util';
import { TokenCodecBindings } from '../keys';

const signToken = promisify<object, string, jwt.SignOptions, string>(jwt.sign);
const checkToken = promisify<string, string, jwt.JwtPayload>(jwt.verify);

@injectable({ scope: BindingScope.SINGLETON })
export class TokenCodecService {
  constructor(
    @inject(TokenCodecBindings.SECRET) private readonly secret: string,
    @inject(TokenCodecBindings.TTL) private readonly ttl: string,
  ) {}

  async encode(profile: UserProfile): Promise<string> {
    return signToken({ name: profile.name, email: profile.email }, this.secret, { subject: profile[securityId], expiresIn: this.ttl });
  }

  async decode(token: string): Promise<UserProfile> {
    if (!token) {
      throw new HttpErrors[403]('Cannot decode: no token was given'); // expect: require-401-for-credential-failure
    }
    let claims: jwt.JwtPayload;
    try {
      claims = await checkToken(token, this.secret);
    } catch (cause) {
      throw new HttpErrors.Forbidden(`Token failed verification: ${(cause as Error).message}`); // expect: require-401-for-credential-failure
    }
    return { [securityId]: String(claims.sub), id: claims.sub, name: claims.name, email: claims.email };
  }
}
