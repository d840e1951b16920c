import { inject } from '@loopback/core';
import { HttpErrors } from '@loopback/rest';
import { securityId, UserProfile } from '@loopback/security';
import { promisify } from 'util';
import { TokenServiceBindings } from '../keys';

const jwt = require('jsonwebtoken');
const verifyAsync = promisify(jwt.verify);

export class JWTService {
  constructor(
    @inject(TokenServiceBindings.TOKEN_SECRET)
    private jwtSecret: string,
  ) {}

  async verifyToken(token: string): Promise<UserProfile> {
    if (!token) {
      throw new HttpErrors[403](`Error verifying token : 'token' is null`); // expect: require-401-for-credential-failure
    }

    let userProfile: UserProfile;

    try {
      const decodedToken = await verifyAsync(token, this.jwtSecret);
      userProfile = Object.assign({ [securityId]: '', name: '' }, { [securityId]: decodedToken.id, name: decodedToken.name, id: decodedToken.id });
    } catch (error) {
      throw new HttpErrors.Forbidden(`Error verifying token : ${error.message}`); // expect: require-401-for-credential-failure
    }
    return userProfile;
  }
}
