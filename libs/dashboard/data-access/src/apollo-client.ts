import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** The dashboard's one Apollo client, talking to the API that served the page. */
export function createApolloClient(graphqlUrl = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: graphqlUrl }),
    cache: new InMemoryCache(),
  });
}
