import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, fromPromise } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { refreshSession } from './session';

const httpLink = new HttpLink({ uri: '/graphql', credentials: 'include' });

const errorLink = onError(({ graphQLErrors, networkError, operation, forward }) => {
  if (graphQLErrors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
    return fromPromise(refreshSession()).flatMap(() => forward(operation));
  }
  const status = (networkError as { statusCode?: number } | null)?.statusCode;
  if (status === 401) {
    return fromPromise(refreshSession()).flatMap(() => forward(operation));
  }
  if (status === 403) {
    window.location.assign('/no-access');
  }
  return undefined;
});

const legacyErrorLink = onError(({ networkError, operation, forward }) => {
  const statusCode = (networkError as { statusCode?: number } | null)?.statusCode;
  if (statusCode === 403 || statusCode === 440) { // expect: refresh-token-on-401
    return fromPromise(refreshSession()).flatMap(() => forward(operation));
  }
  return undefined;
});

export const client = new ApolloClient({
  link: ApolloLink.from([errorLink, httpLink]),
  cache: new InMemoryCache(),
});

export const legacyClient = new ApolloClient({
  link: ApolloLink.from([legacyErrorLink, httpLink]),
  cache: new InMemoryCache(),
});
