import { useMutation, useQuery } from '@apollo/client/react';
import { ActionGoalsDocument, SetActionGoalsDocument } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { Content, OutcomeMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useId } from 'react';
import { Link } from 'react-router';
import { useChangeMessage } from './use-change-message';

/** The goals of the strategy the action serves; those who may edit the action choose them here. */
export function GoalsSection({ actionId, mayEdit }: { actionId: string; mayEdit: boolean }) {
  const { t } = useI18n();
  const titleId = useId();
  const { data, refetch } = useQuery(ActionGoalsDocument, { variables: { id: actionId } });
  const [setGoals, { loading }] = useMutation(SetActionGoalsDocument);
  const { message, run } = useChangeMessage(() => refetch());
  const action = data?.action;
  if (!action) return null;
  const chosen = new Set(action.goals.map((goal) => goal.id));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const goalIds = new FormData(event.currentTarget).getAll('goalId').map(String);
    void run(
      () => setGoals({ variables: { input: { actionId, expectedVersion: action.version, goalIds } } }),
      t('goals.saved'),
    );
  };

  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('goals.sectionTitle')}</h2>
      {action.goals.length === 0 ? (
        <p>{t('goals.sectionNone')}</p>
      ) : (
        <ul>
          {action.goals.map((goal) => (
            <li key={goal.id}>
              <Link to={`/goals/${goal.id}`}>
                {goal.code} <Content>{goal.name}</Content>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {mayEdit && (
        <form className="stacked-form" onSubmit={submit} aria-labelledby={`${titleId}-choose`}>
          <fieldset>
            <legend id={`${titleId}-choose`}>{t('goals.choose')}</legend>
            {data.goals.map((goal) => (
              <label key={`${goal.id}:${action.version}`} className={goal.parent ? 'goal-choice--sub' : undefined}>
                <input type="checkbox" name="goalId" value={goal.id} defaultChecked={chosen.has(goal.id)} /> {goal.code}{' '}
                {goal.name}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={loading}>
            {t('goals.save')}
          </button>
        </form>
      )}
      <OutcomeMessage text={message?.text} refused={message?.refused} />
    </section>
  );
}
