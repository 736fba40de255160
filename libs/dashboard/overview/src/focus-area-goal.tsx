import { useQuery } from '@apollo/client/react';
import { FocusAreaGoalDocument } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { Content } from '@tiltak/dashboard-ui';
import { Link } from 'react-router';

/** The goal a focus area serves, and its innovation plan priority, said to be of a replaced plan when it is. */
export function FocusAreaGoal({ focusAreaId }: { focusAreaId: string }) {
  const { t } = useI18n();
  const { data } = useQuery(FocusAreaGoalDocument, { variables: { id: focusAreaId } });
  const area = data?.focusArea;
  if (!area || (!area.goal && !area.innovationPriority)) return null;
  const priority = area.innovationPriority;
  return (
    <dl className="focus-area-goal">
      {area.goal && (
        <>
          <dt>{t('goals.servesGoal')}</dt>
          <dd>
            <Link to={`/goals/${area.goal.id}`}>
              {area.goal.code} <Content>{area.goal.name}</Content>
            </Link>
          </dd>
        </>
      )}
      {priority && (
        <>
          <dt>{t('goals.innovationPriority')}</dt>
          <dd>
            {t(priority.plan.replaced ? 'goals.priorityOfReplacedPlan' : 'goals.priorityOfPlan', {
              code: priority.code,
              name: priority.name,
              plan: priority.plan.name,
              year: String(priority.plan.validFrom),
            })}
          </dd>
        </>
      )}
    </dl>
  );
}
