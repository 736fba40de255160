import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import type { SessionStore } from './session-store';
import { trackWrites, WritesInFlight } from './writes-in-flight';

/** The dashboard's one Apollo client, talking to the API that served the page as the signed-in user. */
export function createApolloClient(session: SessionStore, graphqlUrl = '/graphql'): ApolloClient {
  const withToken = new ApolloLink((operation, forward) => {
    const token = session.accessToken;
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
    }));
    return forward(operation);
  });
  const writes = new WritesInFlight();
  return trackWrites(
    new ApolloClient({
      link: ApolloLink.from([writes.link, withToken, new HttpLink({ uri: graphqlUrl })]),
      cache: new InMemoryCache(),
    }),
    writes,
  );
}
