import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const apiKey = request.header('x-api-key');
    if (!apiKey) {
      return false; // expect: require-401-for-credential-failure
    }
    return apiKey === this.config.get<string>('API_KEY'); // expect: require-401-for-credential-failure
  }
}

@Injectable()
export class StrictApiKeyGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const apiKey = request.headers['x-api-key'];
    if (apiKey !== this.config.get<string>('API_KEY')) {
      throw new ForbiddenException('Invalid API key'); // expect: require-401-for-credential-failure
    }
    return true;
  }
}
