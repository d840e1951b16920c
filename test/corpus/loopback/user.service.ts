import { UserService } from '@loopback/authentication';
import { repository } from '@loopback/repository';
import { HttpErrors } from '@loopback/rest';
import { securityId, UserProfile } from '@loopback/security';
import { compare } from 'bcryptjs';
import { User } from '../models';
import { UserRepository } from '../repositories';

export type Credentials = { email: string; password: string };

export class MyUserService implements UserService<User, Credentials> {
  constructor(@repository(UserRepository) public userRepository: UserRepository) {}

  async verifyCredentials(credentials: Credentials): Promise<User> {
    const invalidCredentialsError = 'Invalid email or password.';

    const foundUser = await this.userRepository.findOne({ where: { email: credentials.email } });
    if (!foundUser) {
      throw new HttpErrors.Unauthorized(invalidCredentialsError); // expect: require-www-authenticate
    }

    const credentialsFound = await this.userRepository.findCredentials(foundUser.id);
    if (!credentialsFound) {
      throw new HttpErrors.Unauthorized(invalidCredentialsError); // expect: require-www-authenticate
    }

    const passwordMatched = await compare(credentials.password, credentialsFound.password);
    if (!passwordMatched) {
      throw new HttpErrors.Unauthorized(invalidCredentialsError); // expect: require-www-authenticate
    }

    if (foundUser.emailVerified === false) {
      throw new HttpErrors.Forbidden('Please confirm your e-mail address first');
    }

    return foundUser;
  }

  convertToUserProfile(user: User): UserProfile {
    return { [securityId]: user.id.toString(), name: user.username, id: user.id, email: user.email };
  }
}
