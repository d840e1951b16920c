import type { INestApplication } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { fixTypeScriptWith, lintTypeScript, loadTypeScriptModule } from './nest-fetch-helpers/typescript-app';
import { assertChallenged, get, withServer, type Running } from './serve';
import { itFixes } from './verify-fix';

const SECRET = 'test-secret';
const VALID = { authorization: `Bearer ${jwt.sign({ sub: 'u1' }, SECRET)}` };

/** Compiles the app, creates it with @nestjs/core on the Express platform and listens on 127.0.0.1. */
async function start(source: string): Promise<Running> {
  const { AppModule } = loadTypeScriptModule<{ AppModule: unknown }>(source);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const app: INestApplication = await NestFactory.create(AppModule as never, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A Nest app whose `GET /` is protected by `TokenGuard`, with the guard's `canActivate` body given. */
function app(guardBody: string, imports: string): string {
  return `import 'reflect-metadata';
import { ${imports}, Controller, Get, Module, UseGuards } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';

@Injectable()
export class TokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const token = request.headers.authorization?.split(' ')[1];
${guardBody}
  }
}

@Controller()
export class MeController {
  @Get()
  @UseGuards(TokenGuard)
  me() {
    return { ok: true };
  }
}

@Module({ controllers: [MeController], providers: [TokenGuard] })
export class AppModule {}
`;
}

const GUARD_IMPORTS = 'CanActivate, ExecutionContext, Injectable';

describe('NestJS: fixes run on the real framework', () => {
  itFixes(
    start,
    {
      title: 'a guard returning false for a missing token (Nest answers 403) throws UnauthorizedException after setting the challenge',
      source: app(`    if (!token) return false;
    return true;`, GUARD_IMPORTS),
      rule: 'require-401-for-credential-failure',
      kind: 'suggestion',
      before: { status: 403, challenged: false },
      passing: { headers: VALID, status: 200 },
      uses: /if \(!token\) \{ context\.switchToHttp\(\)\.getResponse\(\)\.header\('WWW-Authenticate', 'Bearer realm="api"'\); throw new UnauthorizedException\(\); \}/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'ForbiddenException after a failed jwt.verify becomes UnauthorizedException with error="invalid_token"',
      source: app(`    try {
      request.user = jwt.verify(token ?? '', '${SECRET}');
    } catch {
      throw new ForbiddenException('Invalid token');
    }
    return true;`, `${GUARD_IMPORTS}, ForbiddenException`),
      rule: 'require-401-for-credential-failure',
      kind: 'suggestion',
      headers: { authorization: 'Bearer not-a-jwt' },
      before: { status: 403, challenged: false },
      passing: { headers: VALID, status: 200 },
      uses: /context\.switchToHttp\(\)\.getResponse\(\)\.header\('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"'\);\n\s+throw new UnauthorizedException\('Invalid token'\);/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'a bare UnauthorizedException in a guard gets the challenge set on the response (autofix)',
      source: app(`    if (!token) throw new UnauthorizedException('Missing token');
    return true;`, `${GUARD_IMPORTS}, UnauthorizedException`),
      rule: 'require-www-authenticate',
      kind: 'fix',
      before: { status: 401, challenged: false },
      passing: { headers: VALID, status: 200 },
      uses: /\{ context\.switchToHttp\(\)\.getResponse\(\)\.header\('WWW-Authenticate', 'Bearer realm="api"'\); throw new UnauthorizedException\('Missing token'\); \}/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'new HttpException(body, HttpStatus.UNAUTHORIZED) in a controller with @Res() gets res.header(…) (autofix)',
      source: `import 'reflect-metadata';
import { Controller, Get, Headers, HttpException, HttpStatus, Module, Res } from '@nestjs/common';

@Controller()
export class MeController {
  @Get()
  me(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) res: any) {
    if (!authorization) {
      throw new HttpException('Login required', HttpStatus.UNAUTHORIZED);
    }
    return { ok: true };
  }
}

@Module({ controllers: [MeController] })
export class AppModule {}
`,
      rule: 'require-www-authenticate',
      kind: 'fix',
      before: { status: 401, challenged: false },
      passing: { headers: VALID, status: 200 },
      uses: /res\.header\('WWW-Authenticate', 'Bearer realm="api"'\);\n\s+throw new HttpException\('Login required', HttpStatus\.UNAUTHORIZED\);/,
    },
    fixTypeScriptWith,
  );

  it('the advice for a bare UnauthorizedException works: a filter adds the challenge and `challengers` names it', async () => {
    const source = `import 'reflect-metadata';
import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, Headers, Module, UnauthorizedException } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';

@Catch(UnauthorizedException)
export class ChallengeFilter implements ExceptionFilter {
  catch(exception: UnauthorizedException, host: ArgumentsHost) {
    host.switchToHttp().getResponse().status(401).header('WWW-Authenticate', 'Bearer realm="api"').send(exception.getResponse());
  }
}

@Controller()
export class MeController {
  @Get()
  me(@Headers('authorization') authorization?: string) {
    if (!authorization) throw new UnauthorizedException('Login required');
    return { ok: true };
  }
}

@Module({ controllers: [MeController], providers: [{ provide: APP_FILTER, useClass: ChallengeFilter }] })
export class AppModule {}
`;
    const unconfigured = lintTypeScript(source).map((message) => message.ruleId);
    assert.deepEqual(unconfigured, ['auth-status/require-www-authenticate']);
    const configured = lintTypeScript(source, { 'auth-status/require-www-authenticate': { challengers: ['UnauthorizedException'] } });
    assert.deepEqual(configured, []);
    await withServer(
      () => start(source),
      async (url) => {
        assertChallenged(await get(url));
        assert.equal((await get(url, VALID)).status, 200);
      },
    );
  });
});
