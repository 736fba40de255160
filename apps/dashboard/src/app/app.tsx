import { ApolloProvider } from '@apollo/client/react';
import {
  createApolloClient,
  LiveProvider,
  SessionProvider,
  SessionStore,
  useSession,
} from '@tiltak/dashboard-data-access';
import { I18nProvider, useI18n } from '@tiltak/dashboard-i18n';
import { SignInPage } from '@tiltak/dashboard-sign-in';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
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
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status === 'loading') return <StatusMessage kind="loading">{t('session.loading')}</StatusMessage>;
  if (state.status === 'signed-out') return <SignInPage />;
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

export function App() {
  const [session] = useState(() => new SessionStore());
  const [client] = useState(() => createApolloClient(session));
  return (
    <ApolloProvider client={client}>
      <SessionProvider store={session}>
        <LiveProvider session={session}>
          <I18nProvider>
            <BrowserRouter>
              <Layout>
                <Pages />
              </Layout>
            </BrowserRouter>
          </I18nProvider>
        </LiveProvider>
      </SessionProvider>
    </ApolloProvider>
  );
}
