import type { WarningFieldsFragment } from '@tiltak/dashboard-data-access';
import { formatDate, useI18n } from '@tiltak/dashboard-i18n';
import { Link } from 'react-router';

/**
 * Where the programme contradicts a municipality's decision: each says which municipality, what it
 * decided (in words, not by colour) and the decision's case number, so the secretariat can look it up.
 */
export function WarningsList({
  warnings,
  showAction,
}: {
  warnings: readonly WarningFieldsFragment[];
  showAction: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <ul className="warnings">
      {warnings.map((w) => (
        <li key={`${w.action.id}:${w.municipality.id}`}>
          {showAction && (
            <>
              <Link to={`/actions/${w.action.id}`}>
                {w.action.code} {w.action.title}
              </Link>
              {': '}
            </>
          )}
          {t(w.status === 'REJECTED' ? 'warnings.rejected' : 'warnings.notAdopted', {
            municipality: w.municipality.name,
            focusArea: w.focusArea.name,
            subject: w.onFocusArea ? 'focusArea' : 'programme',
          })}{' '}
          {w.decidedOn
            ? t('warnings.caseDated', { caseReference: w.caseReference, date: formatDate(locale, w.decidedOn) })
            : t('warnings.case', { caseReference: w.caseReference })}
        </li>
      ))}
    </ul>
  );
}
