import { type ActionPeriodsFragment, usePeriodChoice } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { Content } from '@tiltak/dashboard-ui';
import { useNavigate } from 'react-router';

/**
 * Where the action stands among programme periods: the action it continues (its history is shown
 * with this one's), the action that continues it, or why it ended with its period.
 */
export function ActionPeriods({ action }: { action: ActionPeriodsFragment }) {
  const { t } = useI18n();
  const { choose } = usePeriodChoice();
  const navigate = useNavigate();
  const { predecessor, successor, endedReason } = action;
  if (!predecessor && !successor && !endedReason) return null;
  // The period is named by id even when it is the current one: the API reads it the same way.
  const open = async (to: { id: string; programmeId: string }) => {
    await choose(to.programmeId);
    await navigate(`/actions/${to.id}`);
  };
  return (
    <section aria-labelledby="periods-title" className="panel">
      <h2 id="periods-title">{t('actionPeriods.title')}</h2>
      {endedReason && (
        <p>
          {t('actionPeriods.ended')} <Content>{endedReason}</Content>
        </p>
      )}
      {predecessor && (
        <p>
          {t('actionPeriods.continues', { code: predecessor.code, period: predecessor.period })}{' '}
          <button type="button" onClick={() => void open(predecessor)}>
            {t('actionPeriods.open', { period: predecessor.period })}
          </button>
        </p>
      )}
      {successor && (
        <p>
          {t('actionPeriods.continuedAs', { code: successor.code, period: successor.period })}{' '}
          <button type="button" onClick={() => void open(successor)}>
            {t('actionPeriods.open', { period: successor.period })}
          </button>
        </p>
      )}
    </section>
  );
}
