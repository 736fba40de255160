import { isLocale, LOCALE_TAGS, LOCALES, useI18n } from '@tiltak/dashboard-i18n';
import { LanguageSwitch, RouteFocus } from '@tiltak/dashboard-ui';
import { useCaughtUp, useDatabaseState, useLiveState, useSession, useViewerCan } from '@tiltak/dashboard-data-access';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { SessionTimeout } from '@tiltak/dashboard-sign-in';

/**
 * The frame around every page. `arrived` is set when this frame appears because the user just
 * signed in or out: focus then moves to the new page's heading, as it does on every change of page.
 */
export function Layout({
  children,
  arrived = false,
  myReportsLink,
  periodBar,
}: {
  children: ReactNode;
  arrived?: boolean;
  /** The programme period switcher, and the notice while an earlier period is read. */
  periodBar?: ReactNode;
  /** "Mine oppgaver" with how much is owed, where the frame has an Apollo client to ask; a plain link otherwise. */
  myReportsLink?: ReactNode;
}) {
  const { t, locale, setLocale } = useI18n();
  const { state, signOut } = useSession();
  const live = useLiveState();
  const caughtUp = useCaughtUp();
  const database = useDatabaseState();
  // The API says who may manage users; the link is only a convenience, the page itself asks the server.
  const viewerCan = useViewerCan();
  const mayManageUsers = viewerCan?.manageUsers ?? false;
  const mayReadOutbox = viewerCan?.readMailOutbox ?? false;
  const mayReadCouncilReports = viewerCan?.readCouncilReports ?? false;
  const mayExportSpreadsheets = viewerCan?.exportSpreadsheets ?? false;
  const signedIn = state.status === 'signed-in';
  // A project lead's own page; others may update actions too, but land and work elsewhere.
  const leads = signedIn && state.session.user.role === 'PROJECT_LEAD';
  // One notice at a time, the one that matters most: waiting for the database explains the rest.
  const notice = () => {
    if (database === 'waiting') return t('database.waiting');
    if (live === 'offline') return t('live.offline');
    if (database === 'back') return t('database.back');
    if (live === 'online' && caughtUp) {
      return caughtUp.missed === null ? t('live.caughtUpAll') : t('live.caughtUp', { count: caughtUp.missed });
    }
    return null;
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__name">{t('app.name')}</span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </div>
        {state.status === 'signed-in' && (
          <nav aria-label={t('app.mainNavigation')}>
            <ul>
              {leads && (
                <li>
                  <NavLink to="/my-actions">{t('nav.myActions')}</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/" end>
                  {t('nav.overview')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/goals">{t('nav.goals')}</NavLink>
              </li>
              <li>
                <NavLink to="/actions">{t('nav.actions')}</NavLink>
              </li>
              <li>
                <NavLink to="/parties">{t('nav.parties')}</NavLink>
              </li>
              <li>
                <NavLink to="/networks">{t('nav.networks')}</NavLink>
              </li>
              <li>{myReportsLink ?? <NavLink to="/my-reports">{t('nav.myReports')}</NavLink>}</li>
              <li>
                <NavLink to="/reporting">{t('nav.reporting')}</NavLink>
              </li>
              {mayReadCouncilReports && (
                <li>
                  <NavLink to="/council-report">{t('nav.councilReport')}</NavLink>
                </li>
              )}
              {mayExportSpreadsheets && (
                <li>
                  <NavLink to="/import-export">{t('nav.exchange')}</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/periods">{t('nav.periods')}</NavLink>
              </li>
              <li>
                <NavLink to="/proposals">{t('nav.proposals')}</NavLink>
              </li>
              {mayManageUsers && (
                <li>
                  <NavLink to="/users">{t('nav.users')}</NavLink>
                </li>
              )}
              {mayReadOutbox && (
                <li>
                  <NavLink to="/outbox">{t('nav.outbox')}</NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
        {state.status === 'signed-in' && (
          <div className="app-header__session">
            <span>{t('session.signedInAs', { name: state.session.user.name })}</span>
            <NavLink to="/mail-settings">{t('nav.mailSettings')}</NavLink>
            <button type="button" onClick={() => void signOut()}>
              {t('session.signOut')}
            </button>
          </div>
        )}
        <LanguageSwitch
          label={t('language.label')}
          value={locale}
          options={LOCALES.map((value) => ({ value, label: t(`language.${value}`), lang: LOCALE_TAGS[value] }))}
          onChange={(value) => isLocale(value) && setLocale(value)}
        />
      </header>
      {/* Always in the page, so screen readers announce what appears in it. */}
      <p role="status" className="live-notice">
        {signedIn && notice()}
      </p>
      {signedIn && periodBar}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <RouteFocus mainId="main" onArrival={arrived} />
      <SessionTimeout />
    </>
  );
}
