import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import {
  type ActionDetail,
  type ActionStatus,
  type Health,
  refusalOf,
  type StatusUpdateInput,
  UpdateActionStatusDocument,
} from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { type FormEvent, useId, useState } from 'react';
import { ACTION_STATUSES, HEALTHS } from '@tiltak/domain';

interface Conflict {
  mine: StatusUpdateInput;
  theirs: { status: ActionStatus; progress: number; health: Health; version: number };
}

/**
 * The status update: status, progress (unless milestones drive it), an optional health judgement
 * and a comment. When someone saved first, both versions are shown side by side; the user applies
 * theirs on top or drops it. Nothing is overwritten without them seeing it.
 */
export function StatusUpdateForm({
  action,
  onEditing,
}: {
  action: ActionDetail;
  /** Tells the others on the page that this user is editing the status. */
  onEditing(field: string | null): void;
}) {
  const { t } = useI18n();
  const [save, { loading }] = useMutation(UpdateActionStatusDocument);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formKey, setFormKey] = useState(0);
  const ids = { status: useId(), progress: useId(), health: useId(), comment: useId() };
  const driven = action.progressExplanation.source === 'MILESTONES';

  const send = async (input: StatusUpdateInput) => {
    setMessage(null);
    try {
      await save({ variables: { input } });
      setConflict(null);
      setFormKey((key) => key + 1);
      setMessage(t('action.saved'));
    } catch (error) {
      const problem = CombinedGraphQLErrors.is(error) ? error.errors[0] : null;
      if (problem?.extensions?.['code'] === 'CONFLICT') {
        setConflict({ mine: input, theirs: problem.extensions['current'] as Conflict['theirs'] });
        return;
      }
      const refusal = refusalOf(error);
      setMessage(
        refusal.reason === 'other'
          ? t('action.refused', { reason: refusal.detail })
          : t(`refusal.${refusal.reason}`, { reason: refusal.detail }),
      );
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const health = String(form.get('health') ?? '');
    const progress = form.get('progress');
    void send({
      actionId: action.id,
      expectedVersion: action.version,
      status: form.get('status') as ActionStatus,
      ...(!driven && progress !== null && progress !== '' && { progress: Number(progress) }),
      ...(health && { health: health as Health }),
      comment: String(form.get('comment') ?? ''),
    });
  };

  return (
    <section aria-labelledby="update-title" className="panel">
      <h2 id="update-title">{t('action.update')}</h2>
      {conflict && (
        <div role="alert" className="conflict">
          <h3>{t('action.conflictTitle')}</h3>
          <p>{t('action.conflictIntro')}</p>
          <dl className="conflict__versions">
            <div>
              <dt>{t('action.theirs')}</dt>
              <dd>
                {t(`status.${conflict.theirs.status}`)} · {conflict.theirs.progress} % ·{' '}
                {t(`health.${conflict.theirs.health}`)}
              </dd>
            </div>
            <div>
              <dt>{t('action.yours')}</dt>
              <dd>
                {conflict.mine.status && t(`status.${conflict.mine.status}`)}
                {conflict.mine.progress !== undefined && ` · ${conflict.mine.progress} %`}
                {conflict.mine.comment && ` · «${conflict.mine.comment}»`}
              </dd>
            </div>
          </dl>
          <button
            type="button"
            onClick={() => void send({ ...conflict.mine, expectedVersion: conflict.theirs.version })}
          >
            {t('action.applyMine')}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setConflict(null);
              setFormKey((key) => key + 1);
            }}
          >
            {t('action.dropMine')}
          </button>
        </div>
      )}
      <form
        key={formKey}
        onSubmit={submit}
        className="stacked-form"
        onFocus={() => onEditing('status')}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) onEditing(null);
        }}
      >
        <label htmlFor={ids.status}>{t('actions.status')}</label>
        <select id={ids.status} name="status" defaultValue={action.status}>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.progress}>{t('actions.progress')}</label>
        <input
          id={ids.progress}
          name="progress"
          type="number"
          min={0}
          max={100}
          step={1}
          defaultValue={action.progress}
          disabled={driven}
          aria-describedby={driven ? `${ids.progress}-hint` : undefined}
        />
        {driven && <p id={`${ids.progress}-hint`}>{t('action.progressFromMilestones')}</p>}
        <label htmlFor={ids.health}>{t('actions.health')}</label>
        <select id={ids.health} name="health" defaultValue="">
          <option value="">
            {t('action.healthKeep')} ({t(`health.${action.computedHealth}`)})
          </option>
          {HEALTHS.map((health) => (
            <option key={health} value={health}>
              {t(`health.${health}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.comment}>{t('action.comment')}</label>
        <textarea id={ids.comment} name="comment" rows={3} maxLength={2000} />
        <button type="submit" disabled={loading}>
          {t('action.save')}
        </button>
      </form>
      <OutcomeMessage text={message} />
    </section>
  );
}
