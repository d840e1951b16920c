import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';

const CHALLENGE = 'Bearer realm="support-desk"';

/**
 * Nest's exceptions carry no headers, so every UnauthorizedException gets its challenge here.
 * Registered globally before ProblemDetailsFilter.
 */
@Catch(UnauthorizedException)
export class AddChallengeFilter implements ExceptionFilter<UnauthorizedException> {
  catch(exception: UnauthorizedException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('WWW-Authenticate', CHALLENGE)
      .status(HttpStatus.UNAUTHORIZED)
      .json(exception.getResponse());
  }
}

/** Renders every other HttpException as RFC 9457 problem details. */
@Catch(HttpException)
export class ProblemDetailsFilter implements ExceptionFilter<HttpException> {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const status = exception.getStatus();
    http
      .getResponse<Response>()
      .status(status)
      .type('application/problem+json')
      .json({ type: 'about:blank', title: exception.message, status, instance: http.getRequest().url });
  }
}
