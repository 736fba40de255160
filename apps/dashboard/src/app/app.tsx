import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from '@tiltak/dashboard-data-access';
import { I18nProvider } from '@tiltak/dashboard-i18n';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

// Each page is its own chunk, so the first load carries only the shell and the page opened.
const OverviewPage = lazy(() => import('@tiltak/dashboard-overview').then((m) => ({ default: m.OverviewPage })));

export function App() {
  const [client] = useState(() => createApolloClient());
  return (
    <ApolloProvider client={client}>
      <I18nProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route
                index
                element={
                  <Suspense>
                    <OverviewPage />
                  </Suspense>
                }
              />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </I18nProvider>
    </ApolloProvider>
  );
}
