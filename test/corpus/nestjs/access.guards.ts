import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

export type StaffRole = 'agent' | 'lead' | 'admin';

export const REQUIRED_ROLES = 'access:required-roles';
export const REQUIRED_SCOPES = 'access:required-scopes';
export const RequireRoles = (...roles: StaffRole[]) => SetMetadata(REQUIRED_ROLES, roles);
export const RequireScopes = (...scopes: string[]) => SetMetadata(REQUIRED_SCOPES, scopes);

interface Caller {
  id: string;
  roles: StaffRole[];
  scopes: string[];
  isStaff?: boolean;
}

function callerOf(context: ExecutionContext): Caller {
  return context.switchToHttp().getRequest<{ user: Caller }>().user;
}

/** Lets the request through when the handler (or its controller) names no role, or the caller has one of them. */
@Injectable()
export class RequireRolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const wanted = this.reflector.getAllAndMerge<StaffRole[]>(REQUIRED_ROLES, [context.getClass(), context.getHandler()]);
    if (wanted.length === 0) return true;
    const held = new Set(callerOf(context).roles ?? []);
    return wanted.some((role) => held.has(role));
  }
}

/** Scope check that explains itself instead of Nest's generic 403. */
@Injectable()
export class RequireScopesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const wanted = this.reflector.get<string[] | undefined>(REQUIRED_SCOPES, context.getHandler()) ?? [];
    const held = callerOf(context).scopes ?? [];
    const absent = wanted.filter((scope) => !held.includes(scope));
    if (absent.length) {
      throw new ForbiddenException({ message: 'Token lacks required scopes', absent });
    }
    return true;
  }
}

/** Internal tooling: staff accounts only. */
@Injectable()
export class StaffOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (callerOf(context).isStaff !== true) {
      throw new UnauthorizedException('Only staff members may use internal tools'); // expect: require-403-for-permission-denial
    }
    return true;
  }
}
