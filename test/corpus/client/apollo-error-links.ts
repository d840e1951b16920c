import { ApolloClient, from, HttpLink, InMemoryCache, Observable } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { renewSession } from './session';

const graphqlEndpoint = new HttpLink({ uri: '/api/graphql', credentials: 'same-origin' });

/** Re-runs an operation after the session has been renewed. */
function renewSessionThen<T>(retry: () => Observable<T>): Observable<T> {
  return new Observable<T>((observer) => {
    let inner: { unsubscribe(): void } | undefined;
    renewSession()
      .then(() => {
        inner = retry().subscribe(observer);
      })
      .catch((reason) => observer.error(reason));
    return () => inner?.unsubscribe();
  });
}

const httpStatusOf = (networkError: unknown) => (networkError as { statusCode?: number } | null)?.statusCode;

const renewOn401 = onError(({ graphQLErrors, networkError, operation, forward }) => {
  const unauthenticated = graphQLErrors?.some((issue) => issue.extensions?.code === 'UNAUTHENTICATED');
  const status = httpStatusOf(networkError);
  if (unauthenticated || status === 401) {
    return renewSessionThen(() => forward(operation));
  }
  if (status === 403) {
    window.location.assign('/access-denied');
  }
  return undefined;
});

// For the gateway that answers 403 or 440 when the session ran out.
const renewOnGatewayCodes = onError(({ networkError, operation, forward }) => {
  const status = httpStatusOf(networkError);
  if (status === 403 || status === 440) { // expect: refresh-token-on-401
    return renewSessionThen(() => forward(operation));
  }
  return undefined;
});

export const apollo = new ApolloClient({ link: from([renewOn401, graphqlEndpoint]), cache: new InMemoryCache() });
export const gatewayApollo = new ApolloClient({ link: from([renewOnGatewayCodes, graphqlEndpoint]), cache: new InMemoryCache() });
