import { useQuery } from '@apollo/client/react';
import { GoalsPageDocument } from '@tiltak/dashboard-data-access';
import { formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { Content, ProgressBar, StatusMessage } from '@tiltak/dashboard-ui';
import { Link } from 'react-router';
import { AddGoalForm } from './add-goal-form';

type Goal = NonNullable<ReturnType<typeof useGoals>['data']>['goals'][number];

function useGoals() {
  return useQuery(GoalsPageDocument);
}

/** `/goals`: the strategy's goals and sub-goals, each with its progress and what serves it. */
export function GoalsPage() {
  const { t } = useI18n();
  const { data, error } = useGoals();
  useDocumentTitle(t('goals.title'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  const topLevel = data.goals.filter((goal) => !goal.parent);

  return (
    <>
      <h1>{t('goals.title')}</h1>
      <p>{t('goals.intro')}</p>
      {topLevel.length === 0 ? (
        <p>{t('goals.none')}</p>
      ) : (
        <ul className="goal-tree">
          {topLevel.map((goal) => (
            <li key={goal.id}>
              <GoalSummary goal={goal} level={2} />
              <ul>
                {data.goals
                  .filter((sub) => sub.parent?.id === goal.id)
                  .map((sub) => (
                    <li key={sub.id}>
                      <GoalSummary goal={sub} level={3} />
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {data.viewerCan.manageProgramme && (
        <AddGoalForm goals={topLevel.map((goal) => ({ id: goal.id, code: goal.code, name: goal.name }))} />
      )}
    </>
  );
}

function GoalSummary({ goal, level }: { goal: Goal; level: 2 | 3 }) {
  const { t, locale } = useI18n();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article className="panel goal">
      <Heading>
        <Link to={`/goals/${goal.id}`}>
          {goal.code} <Content>{goal.name}</Content>
        </Link>
      </Heading>
      {goal.description && (
        <p>
          <Content>{goal.description}</Content>
        </p>
      )}
      <p className="action__figures">
        {t('goals.progress')}{' '}
        <ProgressBar
          value={goal.progress}
          expected={goal.expectedProgress}
          text={t('goals.progressText', {
            progress: formatPercent(locale, goal.progress),
            expected: formatPercent(locale, goal.expectedProgress),
          })}
        />
      </p>
      <p className="hint">{t('goals.explainShort', { count: goal.explanation.actionCount })}</p>
      {goal.focusAreas.length > 0 && (
        <p>
          {t('goals.focusAreas')}:{' '}
          {goal.focusAreas.map((area, index) => (
            <span key={area.id}>
              {index > 0 && ', '}
              <Link to={`/focus-areas/${area.id}`}>
                <Content>{area.name}</Content>
              </Link>
            </span>
          ))}
        </p>
      )}
      <p>{t('goals.actionCount', { count: goal.actions.length })}</p>
    </article>
  );
}
