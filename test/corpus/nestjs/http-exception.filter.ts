import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';

/** Adds the challenge every 401 needs: Nest's exceptions cannot carry headers. */
@Catch(UnauthorizedException)
export class UnauthorizedChallengeFilter implements ExceptionFilter {
  catch(exception: UnauthorizedException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(HttpStatus.UNAUTHORIZED)
      .header('WWW-Authenticate', 'Bearer realm="nest-api"')
      .json(exception.getResponse());
  }
}

@Catch(HttpException)
export class ProblemJsonFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const status = exception.getStatus();
    response.status(status).type('application/problem+json').json({
      type: 'about:blank',
      title: exception.message,
      status,
    });
  }
}
