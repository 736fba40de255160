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
  if (!action.predecessor && !action.successor && !action.endedReason) return null;
  // The period is named by id even when it is the current one: the API reads it the same way.
  const open = async (to: { id: string; programmeId: string }) => {
    await choose(to.programmeId);
    await navigate(`/actions/${to.id}`);
  };
  return (
    <section aria-labelledby="periods-title" className="panel">
      <h2 id="periods-title">{t('actionPeriods.title')}</h2>
      {action.endedReason && (
        <p>
          {t('actionPeriods.ended')} <Content>{action.endedReason}</Content>
        </p>
      )}
      {action.predecessor && (
        <p>
          {t('actionPeriods.continues', { code: action.predecessor.code, period: action.predecessor.period })}{' '}
          <button type="button" onClick={() => void open(action.predecessor!)}>
            {t('actionPeriods.open', { period: action.predecessor.period })}
          </button>
        </p>
      )}
      {action.successor && (
        <p>
          {t('actionPeriods.continuedAs', { code: action.successor.code, period: action.successor.period })}{' '}
          <button type="button" onClick={() => void open(action.successor!)}>
            {t('actionPeriods.open', { period: action.successor.period })}
          </button>
        </p>
      )}
    </section>
  );
}
