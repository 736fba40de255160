import { useQuery } from '@apollo/client/react';
import { ProgrammesDocument, usePeriodChoice } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { useId } from 'react';

/**
 * The period switcher, and a clear notice while an earlier period is read: everything on the page
 * is then that period's, as it was when it ended, and nothing can be changed in it.
 */
export function PeriodBar() {
  const { t } = useI18n();
  const id = useId();
  const { programmeId, choose } = usePeriodChoice();
  const { data } = useQuery(ProgrammesDocument);
  const programmes = data?.programmes ?? [];
  // One period has nothing to switch between; the notice still shows if an earlier one is read.
  const reading = programmes.find((p) => p.id === programmeId) ?? programmes.find((p) => p.isCurrent);
  if (programmes.length < 2 && !programmeId) return null;
  const current = programmes.find((p) => p.isCurrent);
  return (
    <div className="period-bar">
      <label htmlFor={`${id}-period`}>{t('periods.switchLabel')}</label>{' '}
      <select
        id={`${id}-period`}
        value={reading?.id ?? ''}
        onChange={(event) => void choose(event.target.value === current?.id ? null : event.target.value)}
      >
        {programmes.map((programme) => (
          <option key={programme.id} value={programme.id}>
            {programme.isCurrent
              ? t('periods.optionCurrent', { period: programme.period })
              : t('periods.optionEnded', { period: programme.period })}
          </option>
        ))}
      </select>
      {reading && !reading.isCurrent && (
        <p role="note" className="period-bar__notice">
          <strong>{t('periods.readingEnded', { period: reading.period })}</strong> {t('periods.readOnly')}{' '}
          <button type="button" onClick={() => void choose(null)}>
            {t('periods.backToCurrent')}
          </button>
        </p>
      )}
    </div>
  );
}
