import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { Metadata, status } from '@grpc/grpc-js';
import { Observable } from 'rxjs';
import { ApiKeyService } from './api-key.service';

@Injectable()
export class GrpcApiKeyInterceptor implements NestInterceptor {
  constructor(private readonly keys: ApiKeyService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const metadata = context.switchToRpc().getContext<Metadata>();
    const apiKey = metadata.get('x-api-key')[0];
    if (!apiKey) {
      throw new RpcException({ code: status.PERMISSION_DENIED, message: 'API key required' }); // expect: require-401-for-credential-failure
    }
    const owner = await this.keys.findOwner(String(apiKey));
    if (!owner) {
      throw new RpcException({ code: status.UNAUTHENTICATED, message: 'Unknown API key' });
    }
    if (owner.suspended) {
      throw new RpcException({ code: status.PERMISSION_DENIED, message: 'Account suspended' });
    }
    if (owner.plan !== 'enterprise') {
      throw new RpcException({ code: status.UNAUTHENTICATED, message: 'Your plan does not include this API' }); // expect: require-403-for-permission-denial
    }
    return next.handle();
  }
}

export function checkDeadline(metadata: Metadata) {
  if (!metadata.get('grpc-timeout').length) {
    throw new RpcException({ code: status.FAILED_PRECONDITION, message: 'deadline required' });
  }
}
