import { CanActivate, ExecutionContext, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';

export const OPEN_ROUTE = 'bearer-session:open';
/** Marks a handler that needs no token (health checks, sign-in). */
export const OpenRoute = () => SetMetadata(OPEN_ROUTE, true);

/** Registered as APP_GUARD: every route needs a bearer token unless it is marked @OpenRoute(). */
@Injectable()
export class BearerSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly config: ConfigService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(OPEN_ROUTE, [context.getHandler(), context.getClass()])) {
      return true;
    }

    const request = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const bearer = BearerSessionGuard.bearerOf(request);
    if (bearer === null) {
      throw new UnauthorizedException(); // expect: require-www-authenticate
    }

    try {
      request.user = await this.jwt.verifyAsync(bearer, { secret: this.config.getOrThrow<string>('SESSION_JWT_SECRET') });
    } catch {
      throw new UnauthorizedException(); // expect: require-www-authenticate
    }
    return true;
  }

  private static bearerOf(request: Request): string | null {
    const value = request.get('authorization');
    if (!value) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(value);
    return match ? match[1] : null;
  }
}
