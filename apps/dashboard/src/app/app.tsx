import { SessionProvider, SessionStore, useSession } from '@tiltak/dashboard-data-access';
import { I18nProvider, useI18n } from '@tiltak/dashboard-i18n';
import { SignInPage } from '@tiltak/dashboard-sign-in';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, matchPath, Route, Routes, useLocation } from 'react-router';
import { Layout } from './layout';

const SignedInApp = lazy(() => import('./signed-in-app').then((m) => ({ default: m.SignedInApp })));
const ReportLinkPage = lazy(() => import('@tiltak/dashboard-report-link').then((m) => ({ default: m.ReportLinkPage })));
const StopMailPage = lazy(() => import('@tiltak/dashboard-mail').then((m) => ({ default: m.StopMailPage })));

/** The stop link in a mail works without signing in: its token says whose mail and which kind. */
const STOP_MAIL_PATH = /^\/stop-mail\/[^/]+$/;

function Shell() {
  const { t } = useI18n();
  const { state, store } = useSession();
  const arrived = useSessionChanged(state.status);
  const { pathname } = useLocation();
  const loading = <StatusMessage kind="loading">{t('session.loading')}</StatusMessage>;
  // A report link works for anyone holding it, signed in or not: its page stands outside the session.
  const reportLink = matchPath('/report/:token', pathname);
  if (reportLink?.params.token) {
    return (
      <Layout>
        <Suspense fallback={loading}>
          <ReportLinkPage token={reportLink.params.token} />
        </Suspense>
      </Layout>
    );
  }
  if (STOP_MAIL_PATH.test(pathname)) {
    return (
      <Layout arrived={arrived}>
        <Suspense fallback={loading}>
          <Routes>
            <Route path="/stop-mail/:token" element={<StopMailPage />} />
          </Routes>
        </Suspense>
      </Layout>
    );
  }
  if (state.status === 'signed-in') {
    // A new role, municipality or party (the API ends the old token at once) starts a fresh
    // signed-in part, with an empty cache: nothing the user saw or could do before is kept.
    const { id, role, municipalityId, partyId } = state.session.user;
    return (
      <Suspense fallback={<Layout arrived={arrived}>{loading}</Layout>}>
        <SignedInApp key={[id, role, municipalityId, partyId].join('|')} session={store} arrived={arrived} />
      </Suspense>
    );
  }
  return <Layout arrived={arrived}>{state.status === 'loading' ? loading : <SignInPage />}</Layout>;
}

/**
 * Whether the user has signed in or out during this visit (as opposed to opening the page already
 * signed in or out): the new frame then takes focus to its heading.
 */
function useSessionChanged(status: string): boolean {
  const [seen, setSeen] = useState<{ status: string | null; changed: boolean }>({ status: null, changed: false });
  if (status !== 'loading' && status !== seen.status) {
    setSeen({ status, changed: seen.status !== null });
  }
  return seen.changed;
}

export function App() {
  const [session] = useState(() => new SessionStore());
  return (
    <SessionProvider store={session}>
      <I18nProvider>
        <BrowserRouter>
          <Shell />
        </BrowserRouter>
      </I18nProvider>
    </SessionProvider>
  );
}
