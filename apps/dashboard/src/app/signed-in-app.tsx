import { ApolloProvider } from '@apollo/client/react';
import {
  createApolloClient,
  DatabaseWait,
  LiveProvider,
  PeriodProvider,
  PeriodSelection,
  type SessionStore,
  useSession,
  ViewerCanProvider,
} from '@tiltak/dashboard-data-access';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { MyReportsNavLink } from './my-reports-nav-link';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

// Each page is its own chunk, so the first load carries only the shell and the page opened.
const OverviewPage = lazy(() => import('@tiltak/dashboard-overview').then((m) => ({ default: m.OverviewPage })));
const MunicipalityPage = lazy(() =>
  import('@tiltak/dashboard-overview').then((m) => ({ default: m.MunicipalityPage })),
);
const FocusAreaPage = lazy(() => import('@tiltak/dashboard-overview').then((m) => ({ default: m.FocusAreaPage })));
const GoalsPage = lazy(() => import('@tiltak/dashboard-overview').then((m) => ({ default: m.GoalsPage })));
const GoalPage = lazy(() => import('@tiltak/dashboard-overview').then((m) => ({ default: m.GoalPage })));
const ActionsPage = lazy(() => import('@tiltak/dashboard-actions').then((m) => ({ default: m.ActionsPage })));
const PartiesPage = lazy(() => import('@tiltak/dashboard-parties').then((m) => ({ default: m.PartiesPage })));
const PartyPage = lazy(() => import('@tiltak/dashboard-parties').then((m) => ({ default: m.PartyPage })));
const NetworksPage = lazy(() => import('@tiltak/dashboard-parties').then((m) => ({ default: m.NetworksPage })));
const NetworkPage = lazy(() => import('@tiltak/dashboard-parties').then((m) => ({ default: m.NetworkPage })));
const UsersPage = lazy(() => import('@tiltak/dashboard-users').then((m) => ({ default: m.UsersPage })));
const AuditLogPage = lazy(() => import('@tiltak/dashboard-users').then((m) => ({ default: m.AuditLogPage })));
const OutboxPage = lazy(() => import('@tiltak/dashboard-mail').then((m) => ({ default: m.OutboxPage })));
const MailSettingsPage = lazy(() => import('@tiltak/dashboard-mail').then((m) => ({ default: m.MailSettingsPage })));
const ActionPage = lazy(() => import('@tiltak/dashboard-actions').then((m) => ({ default: m.ActionPage })));
const MyActionsPage = lazy(() => import('@tiltak/dashboard-actions').then((m) => ({ default: m.MyActionsPage })));
const MyReportsPage = lazy(() => import('@tiltak/dashboard-reporting').then((m) => ({ default: m.MyReportsPage })));
const RoundsPage = lazy(() => import('@tiltak/dashboard-reporting').then((m) => ({ default: m.RoundsPage })));
const PeriodsPage = lazy(() => import('@tiltak/dashboard-overview').then((m) => ({ default: m.PeriodsPage })));
const PeriodBar = lazy(() => import('@tiltak/dashboard-overview').then((m) => ({ default: m.PeriodBar })));
const ProposalsPage = lazy(() => import('@tiltak/dashboard-actions').then((m) => ({ default: m.ProposalsPage })));
const RoundPage = lazy(() => import('@tiltak/dashboard-reporting').then((m) => ({ default: m.RoundPage })));
const CouncilReportPage = lazy(() =>
  import('@tiltak/dashboard-council-report').then((m) => ({ default: m.CouncilReportPage })),
);
const ExchangePage = lazy(() => import('@tiltak/dashboard-exchange').then((m) => ({ default: m.ExchangePage })));

/**
 * A project lead comes to update their actions, not to read the council's overview: signed in at
 * the front page, they land on their own. Only on arrival, so the overview stays a click away.
 */
function useLeadsLandOnTheirActions() {
  const { state } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const arrived = useRef(false);
  const role = state.status === 'signed-in' ? state.session.user.role : null;
  useEffect(() => {
    if (arrived.current || role === null) return;
    arrived.current = true;
    if (role === 'PROJECT_LEAD' && pathname === '/') void navigate('/my-actions', { replace: true });
  }, [role, pathname, navigate]);
}

function Pages() {
  useLeadsLandOnTheirActions();
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
        path="my-actions"
        element={
          <Suspense>
            <MyActionsPage />
          </Suspense>
        }
      />
      <Route
        path="my-reports"
        element={
          <Suspense>
            <MyReportsPage />
          </Suspense>
        }
      />
      <Route
        path="reporting"
        element={
          <Suspense>
            <RoundsPage />
          </Suspense>
        }
      />
      <Route
        path="reporting/:roundId"
        element={
          <Suspense>
            <RoundPage />
          </Suspense>
        }
      />
      <Route
        path="council-report"
        element={
          <Suspense>
            <CouncilReportPage />
          </Suspense>
        }
      />
      <Route
        path="import-export"
        element={
          <Suspense>
            <ExchangePage />
          </Suspense>
        }
      />
      <Route
        path="proposals"
        element={
          <Suspense>
            <ProposalsPage />
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
        path="networks"
        element={
          <Suspense>
            <NetworksPage />
          </Suspense>
        }
      />
      <Route
        path="networks/:id"
        element={
          <Suspense>
            <NetworkPage />
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
        path="goals"
        element={
          <Suspense>
            <GoalsPage />
          </Suspense>
        }
      />
      <Route
        path="goals/:id"
        element={
          <Suspense>
            <GoalPage />
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
      <Route
        path="outbox"
        element={
          <Suspense>
            <OutboxPage />
          </Suspense>
        }
      />
      <Route
        path="mail-settings"
        element={
          <Suspense>
            <MailSettingsPage />
          </Suspense>
        }
      />
      <Route
        path="periods"
        element={
          <Suspense>
            <PeriodsPage />
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
  const [period] = useState(() => new PeriodSelection());
  const [client] = useState(() => createApolloClient(session, database, '/graphql', period));
  return (
    <ApolloProvider client={client}>
      <PeriodProvider selection={period}>
        <ViewerCanProvider>
          <LiveProvider session={session} database={database}>
            <Layout
              arrived={arrived}
              myReportsLink={<MyReportsNavLink />}
              periodBar={
                <Suspense>
                  <PeriodBar />
                </Suspense>
              }
            >
              <Pages />
            </Layout>
          </LiveProvider>
        </ViewerCanProvider>
      </PeriodProvider>
    </ApolloProvider>
  );
}
