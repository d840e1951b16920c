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
import * as bcrypt from 'bcrypt';
import { UsersService } from '../users/users.service';

@Injectable()
export class AuthService {
  constructor(
    private usersService: UsersService,
    private jwtService: JwtService,
  ) {}

  async signIn(username: string, pass: string): Promise<{ access_token: string }> {
    const user = await this.usersService.findOne(username);
    if (!user || !(await bcrypt.compare(pass, user.password))) {
      throw new UnauthorizedException('Invalid credentials'); // expect: require-www-authenticate
    }
    if (user.blocked) {
      throw new ForbiddenException('Your account has been blocked');
    }
    const payload = { sub: user.userId, username: user.username };
    return { access_token: await this.jwtService.signAsync(payload) };
  }

  async signUp(username: string, pass: string) {
    if (await this.usersService.findOne(username)) {
      throw new ConflictException('Username already exists');
    }
    if (pass.length < 8) {
      throw new BadRequestException('Password too short');
    }
    return this.usersService.create(username, await bcrypt.hash(pass, 10));
  }

  async validateAccessToken(token: string | undefined) {
    if (!token) {
      throw new BadRequestException('Access token is required'); // expect: require-401-for-credential-failure
    }
    try {
      return await this.jwtService.verifyAsync(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw new HttpException('Access token expired', HttpStatus.FORBIDDEN); // expect: require-401-for-credential-failure
      }
      throw new HttpException({ message: 'Invalid access token' }, 498); // expect: require-401-for-credential-failure
    }
  }

  async refresh(refreshToken: string) {
    const stored = await this.usersService.findRefreshToken(refreshToken);
    if (!stored || stored.revoked) {
      throw new BadRequestException({ error: 'invalid_grant', error_description: 'Refresh token is invalid or revoked' });
    }
    return this.jwtService.signAsync({ sub: stored.userId });
  }
}
