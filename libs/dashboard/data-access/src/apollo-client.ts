import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import type { DatabaseWait } from './database-wait';
import type { PeriodSelection } from './period-selection';
import { refusalOf } from './refusal';
import type { SessionStore } from './session-store';
import { trackWrites, WritesInFlight } from './writes-in-flight';

/**
 * The dashboard's one Apollo client, talking to the API that served the page as the signed-in user.
 * An answer that says the API's database is away puts the page in `database`'s waiting state.
 */
export function createApolloClient(
  session: SessionStore,
  database?: DatabaseWait,
  graphqlUrl = '/graphql',
  period?: PeriodSelection,
): ApolloClient {
  const withToken = new ApolloLink((operation, forward) => {
    const token = session.accessToken;
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
    }));
    return forward(operation);
  });
  const databaseAway = new ErrorLink(({ error }) => {
    if (refusalOf(error).reason === 'SERVICE_UNAVAILABLE') database?.away();
  });
  const writes = new WritesInFlight();
  return trackWrites(
    new ApolloClient({
      link: ApolloLink.from([
        writes.link,
        databaseAway,
        withToken,
        ...(period ? [period.link()] : []),
        new HttpLink({ uri: graphqlUrl }),
      ]),
      cache: new InMemoryCache(),
    }),
    writes,
  );
}
