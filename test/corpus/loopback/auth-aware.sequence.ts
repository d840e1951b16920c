import {
  AUTHENTICATION_STRATEGY_NOT_FOUND,
  AuthenticateFn,
  AuthenticationBindings,
  USER_PROFILE_NOT_FOUND,
} from '@loopback/authentication';
import { inject } from '@loopback/core';
import { FindRoute, InvokeMethod, ParseParams, Reject, RequestContext, RestBindings, Send, SequenceHandler } from '@loopback/rest';

const Actions = RestBindings.SequenceActions;

/** Action-based sequence: authenticate before parsing parameters, and give auth errors their HTTP status. */
export class AuthAwareSequence implements SequenceHandler {
  constructor(
    @inject(Actions.FIND_ROUTE) private readonly findRoute: FindRoute,
    @inject(Actions.PARSE_PARAMS) private readonly parseParams: ParseParams,
    @inject(Actions.INVOKE_METHOD) private readonly invoke: InvokeMethod,
    @inject(Actions.SEND) private readonly send: Send,
    @inject(Actions.REJECT) private readonly reject: Reject,
    @inject(AuthenticationBindings.AUTH_ACTION) private readonly authenticate: AuthenticateFn,
  ) {}

  async handle(context: RequestContext): Promise<void> {
    const { request, response } = context;
    try {
      const route = this.findRoute(request);
      await this.authenticate(request);
      const args = await this.parseParams(request, route);
      this.send(response, await this.invoke(route, args));
    } catch (error) {
      this.reject(context, this.withStatus(error));
    }
  }

  private withStatus(error: Error & { code?: string; statusCode?: number }) {
    switch (error.code) {
      case AUTHENTICATION_STRATEGY_NOT_FOUND:
      case USER_PROFILE_NOT_FOUND:
        return Object.assign(error, { statusCode: 401 }); // expect: require-www-authenticate
      case 'ROLE_NOT_GRANTED':
        return Object.assign(error, { statusCode: 403 });
      case 'VALIDATION_FAILED':
        return Object.assign(error, { statusCode: 422 });
      default:
        return error;
    }
  }
}
