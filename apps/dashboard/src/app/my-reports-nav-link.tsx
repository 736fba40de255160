import { useQuery } from '@apollo/client/react';
import { MyReportsCountDocument } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { NavLink } from 'react-router';

/** "Mine oppgaver" in the main menu, with how many reports the viewer still owes. */
export function MyReportsNavLink() {
  const { t } = useI18n();
  const { data } = useQuery(MyReportsCountDocument);
  const owed = data?.myReports.filter((report) => report.state !== 'SUBMITTED').length ?? 0;
  return (
    <NavLink to="/my-reports">
      {t('nav.myReports')}
      {owed > 0 && (
        <>
          {' '}
          <span className="nav-count" aria-hidden="true">
            {owed}
          </span>
          <span className="visually-hidden">({t('nav.myReportsOwed', { count: owed })})</span>
        </>
      )}
    </NavLink>
  );
}
