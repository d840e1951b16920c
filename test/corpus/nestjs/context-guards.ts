import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { JwtService } from '@nestjs/jwt';

/** Resolvers: the HTTP request sits inside the GraphQL context. */
@Injectable()
export class GraphqlViewerGuard implements CanActivate {
  constructor(private readonly tokens: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { req } = GqlExecutionContext.create(context).getContext<{ req: { headers: Record<string, string>; viewer?: unknown } }>();
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) {
      return false; // expect-ignore: GraphQL turns the guard's 403 into a GraphQL error, not an HTTP status
    }
    try {
      req.viewer = await this.tokens.verifyAsync(header.slice(7));
    } catch {
      throw new UnauthorizedException('Token not accepted'); // expect-ignore: GraphQL error, not an HTTP response
    }
    return true;
  }
}

/** Server-rendered pages kept on express-session. */
@Injectable()
export class CookieSessionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { session } = context.switchToHttp().getRequest<{ session?: { accountId?: string } }>();
    if (session?.accountId === undefined) {
      throw new UnauthorizedException('Please log in'); // expect: require-www-authenticate
    }
    return true;
  }
}

/** Early-access features: a plain `false` makes Nest answer 403. */
@Injectable()
export class EarlyAccessGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest<{ user?: { flags?: string[] } }>();
    return Boolean(user?.flags?.includes('early-access'));
  }
}
