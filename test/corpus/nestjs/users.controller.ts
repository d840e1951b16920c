import {
  Body, Controller, Get, Headers, Param, Patch, Req, UseGuards,
  BadRequestException, ForbiddenException, HttpException, HttpStatus, NotFoundException, UnauthorizedException,
} from '@nestjs/common';
import { PassportJwtGuard } from './passport-jwt.guards';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  async me(@Headers('authorization') authorization?: string) {
    if (!authorization) {
      throw new HttpException('Authorization header missing', HttpStatus.BAD_REQUEST); // expect: require-401-for-credential-failure
    }
    const user = await this.users.byToken(authorization.replace('Bearer ', ''));
    if (!user) {
      throw new UnauthorizedException('Token not recognised'); // expect: require-www-authenticate
    }
    return user;
  }

  @Patch(':id')
  @UseGuards(PassportJwtGuard)
  async update(@Param('id') id: string, @Body() body: { email?: string }, @Req() req: { user: { userId: string; roles: string[] } }) {
    if (req.user.userId !== id && !req.user.roles.includes('admin')) {
      throw new ForbiddenException('You can only update your own profile');
    }
    if (body.email && !body.email.includes('@')) {
      throw new BadRequestException('Invalid e-mail');
    }
    const user = await this.users.update(id, body);
    if (!user) throw new NotFoundException();
    return user;
  }

  @Patch(':id/roles')
  @UseGuards(PassportJwtGuard)
  async setRoles(@Param('id') id: string, @Body() body: { roles: string[] }, @Req() req: { user: { roles: string[] } }) {
    if (!req.user.roles.includes('admin')) {
      throw new HttpException('Administrator privileges required', HttpStatus.UNAUTHORIZED); // expect: require-403-for-permission-denial
    }
    return this.users.setRoles(id, body.roles);
  }
}
