import { ApolloProvider } from '@apollo/client/react';
import {
  createApolloClient,
  DatabaseWait,
  LiveProvider,
  type SessionStore,
  ViewerCanProvider,
} from '@tiltak/dashboard-data-access';
import { lazy, Suspense, useState } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

// Each page is its own chunk, so the first load carries only the shell and the page opened.
const OverviewPage = lazy(() => import('@tiltak/dashboard-overview').then((m) => ({ default: m.OverviewPage })));
const MunicipalityPage = lazy(() =>
  import('@tiltak/dashboard-overview').then((m) => ({ default: m.MunicipalityPage })),
);
const FocusAreaPage = lazy(() => import('@tiltak/dashboard-overview').then((m) => ({ default: m.FocusAreaPage })));
const ActionsPage = lazy(() => import('@tiltak/dashboard-actions').then((m) => ({ default: m.ActionsPage })));
const PartiesPage = lazy(() => import('@tiltak/dashboard-parties').then((m) => ({ default: m.PartiesPage })));
const PartyPage = lazy(() => import('@tiltak/dashboard-parties').then((m) => ({ default: m.PartyPage })));
const UsersPage = lazy(() => import('@tiltak/dashboard-users').then((m) => ({ default: m.UsersPage })));
const AuditLogPage = lazy(() => import('@tiltak/dashboard-users').then((m) => ({ default: m.AuditLogPage })));
const ActionPage = lazy(() => import('@tiltak/dashboard-actions').then((m) => ({ default: m.ActionPage })));

function Pages() {
  return (
    <Routes>
      <Route
        index
        element={
          <Suspense>
            <OverviewPage />
          </Suspense>
        }
      />
      <Route
        path="actions"
        element={
          <Suspense>
            <ActionsPage />
          </Suspense>
        }
      />
      <Route
        path="actions/:id"
        element={
          <Suspense>
            <ActionPage />
          </Suspense>
        }
      />
      <Route
        path="parties"
        element={
          <Suspense>
            <PartiesPage />
          </Suspense>
        }
      />
      <Route
        path="parties/:id"
        element={
          <Suspense>
            <PartyPage />
          </Suspense>
        }
      />
      <Route
        path="municipalities/:slug"
        element={
          <Suspense>
            <MunicipalityPage />
          </Suspense>
        }
      />
      <Route
        path="focus-areas/:id"
        element={
          <Suspense>
            <FocusAreaPage />
          </Suspense>
        }
      />
      <Route
        path="users"
        element={
          <Suspense>
            <UsersPage />
          </Suspense>
        }
      />
      <Route
        path="users/audit"
        element={
          <Suspense>
            <AuditLogPage />
          </Suspense>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/**
 * Everything that needs someone signed in: Apollo, the live connection and the pages. A chunk of
 * its own, so a signed-out visitor's first load carries only the frame and the sign-in form. Each
 * session gets a fresh Apollo cache, so nothing one user saw is left for the next.
 */
export function SignedInApp({ session, arrived }: { session: SessionStore; arrived: boolean }) {
  const [database] = useState(() => new DatabaseWait());
  const [client] = useState(() => createApolloClient(session, database));
  return (
    <ApolloProvider client={client}>
      <ViewerCanProvider>
        <LiveProvider session={session} database={database}>
          <Layout arrived={arrived}>
            <Pages />
          </Layout>
        </LiveProvider>
      </ViewerCanProvider>
    </ApolloProvider>
  );
}
