import { useQuery } from '@apollo/client/react';
import { GoalPageDocument } from '@tiltak/dashboard-data-access';
import { formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { Content, FigureExplanation, ProgressBar, StatusMessage, useContentLang } from '@tiltak/dashboard-ui';
import { Link, useParams } from 'react-router';
import { GoalFunding } from './funding-summary';

/** `/goals/:id`: one goal, the focus areas and actions that serve it, and how its progress was computed. */
export function GoalPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const contentLang = useContentLang();
  const { data, error } = useQuery(GoalPageDocument, { variables: { id } });
  const goal = data?.goal;
  useDocumentTitle(goal ? `${goal.code} ${goal.name}` : t('goals.title'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!goal) return <h1>{t('place.notFound')}</h1>;
  const municipalityName = new Map(data.municipalities.map((m) => [m.id, m.name]));

  return (
    <>
      <p>
        <Link to="/goals">{t('goals.title')}</Link>
        {goal.parent && (
          <>
            {' › '}
            <Link to={`/goals/${goal.parent.id}`}>
              {goal.parent.code} <Content>{goal.parent.name}</Content>
            </Link>
          </>
        )}
      </p>
      <h1>
        {goal.code} <Content>{goal.name}</Content>
      </h1>
      {goal.description && <p lang={contentLang}>{goal.description}</p>}
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
      {goal.subGoals.length > 0 && (
        <section aria-labelledby="sub-goals-title" className="panel">
          <h2 id="sub-goals-title">{t('goals.subGoals')}</h2>
          <ul>
            {goal.subGoals.map((sub) => (
              <li key={sub.id}>
                <Link to={`/goals/${sub.id}`}>
                  {sub.code} <Content>{sub.name}</Content>
                </Link>
                : {formatPercent(locale, sub.progress)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {goal.focusAreas.length > 0 && (
        <section aria-labelledby="goal-focus-areas-title" className="panel">
          <h2 id="goal-focus-areas-title">{t('goals.focusAreas')}</h2>
          <ul>
            {goal.focusAreas.map((area) => (
              <li key={area.id}>
                <Link to={`/focus-areas/${area.id}`}>
                  <Content>{area.name}</Content>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="goal-actions-title" className="panel">
        <h2 id="goal-actions-title">{t('goals.actions')}</h2>
        {goal.actions.length === 0 ? (
          <p>{t('goals.noActions')}</p>
        ) : (
          <table>
            <caption>{t('goals.actionsCaption', { code: goal.code })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.code')}</th>
                <th scope="col">{t('goals.actionColumn')}</th>
                <th scope="col">{t('goals.statusColumn')}</th>
                <th scope="col">{t('goals.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {goal.actions.map((action) => (
                <tr key={action.id}>
                  <th scope="row">{action.code}</th>
                  <td>
                    <Link to={`/actions/${action.id}`}>
                      <Content>{action.title}</Content>
                    </Link>
                  </td>
                  <td>
                    {t(`status.${action.status}`)}, {t(`health.${action.health}`)}
                  </td>
                  <td>{formatPercent(locale, action.progress)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <GoalFunding goalId={goal.id} />
      <section aria-labelledby="goal-explanation-title" className="panel">
        <h2 id="goal-explanation-title">{t('goals.explainTitle')}</h2>
        <p>{t('goals.explainMethod')}</p>
        <FigureExplanation
          label={t('figures.explain', { name: `${goal.code} ${goal.name}` })}
          explanation={goal.explanation}
          municipalityName={(municipalityId) => municipalityName.get(municipalityId) ?? ''}
        />
      </section>
    </>
  );
}
