import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];

const FILTER =
  "Nest exceptions cannot carry headers: add it in an exception filter for UnauthorizedException (response.header('WWW-Authenticate', …)) and list that class in the challengers option";
const CONTEXT =
  "Nest exceptions cannot carry headers: set it on the response (context.switchToHttp().getResponse().header('WWW-Authenticate', …)) before throwing";
const PASSPORT =
  "@nestjs/passport's AuthGuard throws a bare UnauthorizedException, and Nest exceptions cannot carry headers: override handleRequest to set it on context.switchToHttp().getResponse(), or add it in an exception filter for UnauthorizedException and list that class in the challengers option";

/** A guard whose `canActivate` body is `body`, reading the token the way the Nest docs do. */
function guard(body: string, imports = 'CanActivate, ExecutionContext, Injectable'): string {
  return `import { ${imports} } from '@nestjs/common';

@Injectable()
export class AuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const token = request.headers.authorization?.split(' ')[1];
${body}
  }
}`;
}

/** A guard that verifies the token with JwtService and answers a failure with `failure` (the catch block's body). */
function verifying(failure: string, imports?: string): string {
  return guard(`    try {
      request.user = await this.jwtService.verifyAsync(token);
    } catch {
${failure}
    }
    return true;`, imports);
}

/** A @nestjs/passport guard whose `handleRequest` override starts with the two given lines. */
function passportGuard(first: string, second: string, extraImports = ''): string {
  return `import { ExecutionContext, ForbiddenException, Injectable${extraImports} } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { TokenExpiredError } from 'jsonwebtoken';

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  handleRequest(err, user, info, context: ExecutionContext) {
${first}
${second}
    return user;
  }
}`;
}

ruleTester.run('nestjs: require-401-for-credential-failure', credential, {
  valid: [
    // A roles guard returning false: 403 is right.
    `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest();
    if (!user.roles.includes('admin')) return false;
    return true;
  }
}`,
    `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const requiredRoles = this.reflector.get('roles', context.getHandler());
    const { user } = context.switchToHttp().getRequest();
    return requiredRoles.some((role) => user.roles?.includes(role));
  }
}`,
    // A permission denial with the built-in exception.
    guard(`    if (!request.user.permissions.includes('posts:write')) throw new ForbiddenException('Insufficient permissions');
    return true;`, 'CanActivate, ExecutionContext, Injectable, ForbiddenException'),
    // Not Nest's exception (a project class of the same name, without a status).
    `import { ForbiddenException } from './errors';
function check(req) { if (!req.headers.authorization) throw new ForbiddenException('No token'); }`,
    // \`return false\` outside canActivate, or inside a callback of it.
    `import { Injectable } from '@nestjs/common';
@Injectable()
export class TokenService { isValid(request) { const token = request.headers.authorization; if (!token) return false; return true; } }`,
    guard(`    return this.users.find(token).then((user) => { if (!token) return false; return !!user; }).then(() => true);`),
    // Passport's guard throws rather than returning false.
    `import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  canActivate(context: ExecutionContext) {
    if (this.isPublic(context)) return true;
    return super.canActivate(context);
  }
}`,
    // A guard that refuses for reasons unrelated to credentials stays silent.
    guard(`    if (await this.limiter.isLimited(request.ip)) return false;
    return true;`),
    // Exceptions named for authorization.
    `import { ForbiddenException } from '@nestjs/common';
export class AdminOnlyException extends ForbiddenException { constructor() { super('Admins only'); } }`,
    `import { HttpException, HttpStatus } from '@nestjs/common';
export class PermissionDeniedException extends HttpException { constructor() { super('Permission denied', HttpStatus.FORBIDDEN); } }`,
    // GraphQL guards and resolvers: false and exceptions become GraphQL errors, not HTTP statuses.
    `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
@Injectable()
export class GqlAuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { req } = GqlExecutionContext.create(context).getContext();
    if (!req.headers.authorization) return false;
    return true;
  }
}`,
    `import { ForbiddenException } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
@Resolver()
export class MeResolver { @Query() me(@Context() ctx) { if (!ctx.req.headers.authorization) throw new ForbiddenException('No token'); } }`,
    // 401 already.
    guard(`    if (!token) throw new UnauthorizedException();
    return true;`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
  ],
  invalid: [
    {
      // The Nest docs' guard returning false for a missing token: Nest answers 403 "Forbidden resource".
      code: guard(`    if (!token) return false;
    return this.jwt.verifyAsync(token).then(() => true);`),
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 8,
          data: {
            status: '403',
            problem: 'a missing credential',
            evidence: '!token',
            limitation:
              'a guard that returns false makes Nest answer 403 Forbidden: set the challenge on context.switchToHttp().getResponse() and throw UnauthorizedException',
          },
          suggestions: [
            {
              messageId: 'respond401',
              output: guard(`    if (!token) { context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api"'); throw new UnauthorizedException(); }
    return this.jwt.verifyAsync(token).then(() => true);`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
            },
          ],
        },
      ],
    },
    {
      // In a block, and after a failed verification (`catch` around jwtService.verifyAsync).
      code: verifying('      return false;'),
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 11,
          data: { status: '403', problem: 'an invalid credential', evidence: 'this.jwtService.verifyAsync(token)', limitation: 'a guard that returns false makes Nest answer 403 Forbidden: set the challenge on context.switchToHttp().getResponse() and throw UnauthorizedException' },
          suggestions: [
            {
              messageId: 'respond401',
              output: verifying(
                `      context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"');
      throw new UnauthorizedException();`,
                'CanActivate, ExecutionContext, Injectable, UnauthorizedException',
              ),
            },
          ],
        },
      ],
    },
    {
      // A falsy expression returned: 403 when the session is missing; no safe rewrite of a returned expression.
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class SessionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    return !!request.session.user;
  }
}`,
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 6,
          data: { status: '403', problem: 'a missing credential', evidence: '!!request.session.user', limitation: 'a guard that returns false makes Nest answer 403 Forbidden: set the challenge on context.switchToHttp().getResponse() and throw UnauthorizedException' },
          suggestions: [],
        },
      ],
    },
    {
      // The built-in exception for an invalid token: renamed, imported, and the challenge set on the response.
      code: verifying("      throw new ForbiddenException('Invalid token');", 'CanActivate, ExecutionContext, ForbiddenException, Injectable'),
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 11,
          column: 17,
          data: { status: '403', problem: 'an invalid credential', evidence: "this.jwtService.verifyAsync(token), 'Invalid token'", limitation: CONTEXT },
          suggestions: [
            {
              messageId: 'respond401',
              output: verifying(
                `      context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"');
      throw new UnauthorizedException('Invalid token');`,
                'CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException',
              ),
            },
          ],
        },
      ],
    },
    {
      // 400 for a missing Authorization header.
      code: guard(`    if (!request.headers.authorization) throw new BadRequestException('Authorization header missing');
    return true;`, 'BadRequestException, CanActivate, ExecutionContext, Injectable'),
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          data: { status: '400', problem: 'a missing credential', evidence: "!request.headers.authorization, 'Authorization header missing'", limitation: CONTEXT },
          suggestions: [
            {
              messageId: 'respond401',
              output: guard(`    if (!request.headers.authorization) { context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api"'); throw new UnauthorizedException('Authorization header missing'); }
    return true;`, 'BadRequestException, CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
            },
          ],
        },
      ],
    },
    {
      // new HttpException(body, HttpStatus.X): the status argument is rewritten in the same form.
      code: guard(`    if (!token) throw new HttpException('Token missing', HttpStatus.FORBIDDEN);
    return true;`, 'CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable'),
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          suggestions: [
            {
              messageId: 'respond401',
              output: guard(`    if (!token) { context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api"'); throw new HttpException('Token missing', HttpStatus.UNAUTHORIZED); }
    return true;`, 'CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable'),
            },
          ],
        },
      ],
    },
    {
      // LoginTimeoutException (440) in a service: no response to reach, so no suggestion; the message says how.
      code: `import { Injectable, LoginTimeoutException } from '@nestjs/common';
@Injectable()
export class SessionService {
  check(session) {
    if (session.expiresAt < Date.now()) throw new LoginTimeoutException('Session expired');
    return session;
  }
}`,
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 5,
          data: { status: '440', problem: 'an expired credential', evidence: "session.expiresAt < Date.now(), 'Session expired'", limitation: FILTER },
          suggestions: [],
        },
      ],
    },
    {
      // The session guard shape of the Nest docs: `isAuthenticated()` false means not logged in (Nest answers 403).
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class AuthenticatedGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest();
    return request.isAuthenticated();
  }
}`,
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 6,
          data: {
            status: '403',
            problem: 'a missing credential',
            evidence: 'request.isAuthenticated()',
            limitation:
              'a guard that returns false makes Nest answer 403 Forbidden: set the challenge on context.switchToHttp().getResponse() and throw UnauthorizedException',
          },
          suggestions: [],
        },
      ],
    },
    {
      // The exception's name is the evidence: a login time-out is an expired credential.
      code: `import { LoginTimeoutException } from '@nestjs/common';
export function sessionTimedOut(): never {
  throw new LoginTimeoutException();
}`,
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          data: { status: '440', problem: 'an expired credential', evidence: 'LoginTimeoutException', limitation: FILTER },
          suggestions: [],
        },
      ],
    },
    {
      // @nestjs/passport: handleRequest receives passport's failure; `info` is jsonwebtoken's error.
      code: passportGuard(
        "    if (info instanceof TokenExpiredError) throw new ForbiddenException('Token expired');",
        '    if (err || !user) throw err || new ForbiddenException();',
      ),
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 8,
          data: { status: '403', problem: 'an expired credential', evidence: "info instanceof TokenExpiredError, 'Token expired'", limitation: CONTEXT },
          suggestions: [
            {
              messageId: 'respond401',
              output: passportGuard(
                `    if (info instanceof TokenExpiredError) { context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"'); throw new UnauthorizedException('Token expired'); }`,
                '    if (err || !user) throw err || new ForbiddenException();',
                ', UnauthorizedException',
              ),
            },
          ],
        },
        {
          messageId: 'wrongStatusHeaderless',
          line: 9,
          data: { status: '403', problem: 'an invalid credential', evidence: 'err of AuthGuard.handleRequest', limitation: CONTEXT },
          suggestions: [
            {
              messageId: 'respond401',
              output: passportGuard(
                "    if (info instanceof TokenExpiredError) throw new ForbiddenException('Token expired');",
                `    if (err || !user) { context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"'); throw err || new UnauthorizedException(); }`,
                ', UnauthorizedException',
              ),
            },
          ],
        },
      ],
    },
    {
      // Project exceptions: a status passed to super, and a subclass of a built-in, judged by their names.
      code: `import { ForbiddenException, HttpException, HttpStatus } from '@nestjs/common';
export class TokenExpiredException extends HttpException {
  constructor() {
    super('Token expired', HttpStatus.FORBIDDEN);
  }
}
export class SessionExpiredException extends ForbiddenException {}`,
      errors: [
        {
          messageId: 'wrongStatusHeaderless',
          line: 4,
          data: { status: '403', problem: 'an expired credential', evidence: "TokenExpiredException, 'Token expired'", limitation: FILTER },
          suggestions: [],
        },
        {
          messageId: 'wrongStatusHeaderless',
          line: 7,
          data: { status: '403', problem: 'an expired credential', evidence: 'SessionExpiredException', limitation: FILTER },
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('nestjs: require-www-authenticate', challenge, {
  valid: [
    // The challenge set on the response before throwing, through the context or a stored response.
    guard(`    if (!token) {
      context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api"');
      throw new UnauthorizedException();
    }
    return true;`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
    guard(`    const response = context.switchToHttp().getResponse();
    response.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    if (!token) throw new UnauthorizedException();
    return true;`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
    // A @Res() parameter.
    `import { Controller, Get, Res, UnauthorizedException } from '@nestjs/common';
@Controller('me')
export class MeController {
  @Get()
  me(@Res({ passthrough: true }) res) {
    res.header('WWW-Authenticate', 'Bearer realm="api"');
    throw new UnauthorizedException();
  }
}`,
    // The project answers UnauthorizedException in a filter that adds the challenge.
    {
      code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class AuthService { async validate(email, password) { const user = await this.users.findByEmail(email); if (!user) throw new UnauthorizedException('Invalid credentials'); return user; } }`,
      options: [{ challengers: ['UnauthorizedException'] }],
    },
    { code: `import { UseGuards } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\nexport const Protected = () => UseGuards(AuthGuard('jwt'));`, options: [{ challengers: ['AuthGuard'] }] },
    // Passport strategies that are not request credentials, and guards that handle the failure themselves.
    `import { UseGuards } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\nexport const Login = () => UseGuards(AuthGuard('local'));`,
    `import { AuthGuard } from '@nestjs/passport';\nexport class RefreshGuard extends AuthGuard('jwt-refresh') {}`,
    `import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
export class JwtAuthGuard extends AuthGuard('jwt') {
  handleRequest(err, user, info, context: ExecutionContext) {
    if (err || !user) {
      context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"');
      throw new UnauthorizedException();
    }
    return user;
  }
}`,
    // AuthGuard from somewhere else.
    `import { AuthGuard } from './auth.guard';\nexport class X extends AuthGuard('jwt') {}`,
    // 401 for a role check is require-403-for-permission-denial's report.
    guard(`    if (!request.user.roles.includes('admin')) throw new UnauthorizedException('Admins only');
    return true;`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
  ],
  invalid: withSuggestedFix([
    {
      code: guard(`    if (!token) throw new UnauthorizedException();
    return true;`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
      output: guard(`    if (!token) { context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api"'); throw new UnauthorizedException(); }
    return true;`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
      errors: [
        {
          messageId: 'missingChallengeHeaderless',
          line: 8,
          data: { limitation: CONTEXT },
        },
      ],
    },
    {
      code: guard(`    if (!token) {
      throw new UnauthorizedException('Missing token');
    }
    return true;`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
      output: guard(`    if (!token) {
      context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api"');
      throw new UnauthorizedException('Missing token');
    }
    return true;`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
      errors: [{ messageId: 'missingChallengeHeaderless' }],
    },
    {
      // new HttpException(body, 401) in a controller with @Res(): the fix uses the response parameter.
      code: `import { Controller, Get, HttpException, Res } from '@nestjs/common';
@Controller('me')
export class MeController {
  @Get()
  me(@Res({ passthrough: true }) res) {
    throw new HttpException('Login required', 401);
  }
}`,
      output: `import { Controller, Get, HttpException, Res } from '@nestjs/common';
@Controller('me')
export class MeController {
  @Get()
  me(@Res({ passthrough: true }) res) {
    res.header('WWW-Authenticate', 'Bearer realm="api"');
    throw new HttpException('Login required', 401);
  }
}`,
      errors: [{ messageId: 'missingChallengeHeaderless', line: 6, column: 47 }],
    },
    {
      // A service has no response: the message explains the exception filter, and there is no fix.
      code: `import { Injectable, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class AuthService {
  async validate(email, password) {
    const user = await this.users.findByEmail(email);
    if (!user || !(await bcrypt.compare(password, user.hash))) throw new UnauthorizedException('Invalid credentials');
    return user;
  }
}`,
      output: null,
      errors: [{ messageId: 'missingChallengeHeaderless', line: 6, data: { limitation: FILTER } }],
    },
    {
      // @nestjs/passport's guards: a bare UnauthorizedException from handleRequest.
      code: `import { Controller, Get, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
export class JwtAuthGuard extends AuthGuard('jwt') {}
export class ApiKeyGuard extends AuthGuard(['headerapikey']) {
  handleRequest(err, user, info, context) {
    return super.handleRequest(err, user, info, context);
  }
}
@Controller('me')
export class MeController {
  @UseGuards(AuthGuard('jwt'))
  @Get()
  me() {}
}`,
      output: null,
      errors: [
        { messageId: 'missingChallengeHeaderless', line: 3, column: 35, data: { limitation: PASSPORT } },
        { messageId: 'missingChallengeHeaderless', line: 4, column: 34 },
        { messageId: 'missingChallengeHeaderless', line: 11, column: 14 },
      ],
    },
    {
      // The same AuthGuard on every route is one root cause: reported once per file.
      code: `import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
@Controller('notes')
export class NotesController {
  @UseGuards(AuthGuard('jwt'))
  @Get()
  list() {}
  @UseGuards(AuthGuard('jwt'))
  @Post()
  create() {}
}`,
      output: null,
      errors: [{ messageId: 'missingChallengeHeaderless', line: 5, column: 14 }],
    },
    {
      // A project exception that is a 401: reported where it is declared, once.
      code: `import { UnauthorizedException } from '@nestjs/common';
export class InvalidTokenException extends UnauthorizedException { constructor() { super('Invalid token'); } }`,
      output: null,
      errors: [{ messageId: 'missingChallengeHeaderless', line: 2, column: 44, data: { limitation: FILTER } }],
    },
  ]),
});

ruleTester.run('nestjs: require-403-for-permission-denial', permission, {
  valid: [
    guard(`    if (!token) throw new UnauthorizedException();
    return true;`, 'CanActivate, ExecutionContext, Injectable, UnauthorizedException'),
  ],
  invalid: [
    {
      // A roles guard answering 401: the suggestion switches to ForbiddenException and imports it.
      code: `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
@Injectable()
export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest();
    if (!user.roles.includes('admin')) throw new UnauthorizedException('Admins only');
    return true;
  }
}`,
      errors: [
        {
          messageId: 'permissionDenial',
          line: 6,
          suggestions: [
            {
              messageId: 'respond403',
              output: `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException, ForbiddenException } from '@nestjs/common';
@Injectable()
export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest();
    if (!user.roles.includes('admin')) throw new ForbiddenException('Admins only');
    return true;
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
