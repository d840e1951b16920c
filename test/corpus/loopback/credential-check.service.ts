import { UserService } from '@loopback/authentication';
import { BindingScope, injectable } from '@loopback/core';
import { repository } from '@loopback/repository';
import { HttpErrors } from '@loopback/rest';
import { securityId, UserProfile } from '@loopback/security';
import { verify as verifyHash } from 'argon2';
import { Customer } from '../models';
import { CustomerRepository, PasswordRepository } from '../repositories';

export interface SignInRequest {
  email: string;
  password: string;
}

const SIGN_IN_FAILED = 'Wrong email or password';

@injectable({ scope: BindingScope.TRANSIENT })
export class CredentialCheckService implements UserService<Customer, SignInRequest> {
  constructor(
    @repository(CustomerRepository) private readonly customers: CustomerRepository,
    @repository(PasswordRepository) private readonly passwords: PasswordRepository,
  ) {}

  async verifyCredentials({ email, password }: SignInRequest): Promise<Customer> {
    const customer = await this.customers.findOne({ where: { email: email.toLowerCase() } });
    if (customer === null) {
      throw new HttpErrors.Unauthorized(SIGN_IN_FAILED); // expect: require-www-authenticate
    }

    const stored = await this.passwords.findOne({ where: { customerId: customer.id } });
    if (stored === null) {
      throw new HttpErrors.Unauthorized(SIGN_IN_FAILED); // expect: require-www-authenticate
    }

    if (!(await verifyHash(stored.hash, password))) {
      throw new HttpErrors.Unauthorized(SIGN_IN_FAILED); // expect: require-www-authenticate
    }

    if (!customer.emailConfirmed) {
      throw new HttpErrors.Forbidden('Confirm your e-mail address before signing in');
    }
    return customer;
  }

  convertToUserProfile(customer: Customer): UserProfile {
    return { [securityId]: String(customer.id), id: customer.id, name: customer.displayName, email: customer.email };
  }
}
