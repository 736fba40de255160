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
import { type FormEvent, type Ref, useId, useState } from 'react';
import { ACTION_STATUSES, HEALTHS } from '@tiltak/domain';

/** Where the status form starts: the address fragment that opens an action at its form. */
export const STATUS_FORM_ID = 'status-update';

interface Conflict {
  mine: StatusUpdateInput;
  theirs: { status: ActionStatus; progress: number; health: Health; version: number };
}

/** The health choice: keep the lead's judgement, go back to the computed health, or judge anew. */
type HealthChoice = 'KEEP' | 'COMPUTED' | Health;

/**
 * What the user has changed in the form, and the version of the action they saw when they began.
 * Fields they have not touched show the action as it is now, live changes included; what they
 * have touched stays theirs, and saving it against a newer version meets the version check.
 */
interface Draft {
  status?: ActionStatus;
  progress?: string;
  health?: HealthChoice;
  comment?: string;
  since: number;
}

/** A message about the last save, shown until the user edits again or the action changes. */
interface Said {
  text: string;
  /** The version the save produced; null for a refusal, which stays until the next edit. */
  version: number | null;
}

/**
 * The status update: status, progress (unless milestones drive it), an optional health judgement
 * and a comment. When someone saved first, both versions are shown side by side; the user applies
 * theirs on top or drops it. Nothing is overwritten without them seeing it.
 */
export function StatusUpdateForm({
  action,
  onEditing,
  firstFieldRef,
}: {
  action: ActionDetail;
  /** Tells the others on the page that this user is editing the status. */
  onEditing(field: string | null): void;
  /** The form's first field, for the page to move focus to when the address asks for the form. */
  firstFieldRef?: Ref<HTMLSelectElement>;
}) {
  const { t } = useI18n();
  const [save, { loading }] = useMutation(UpdateActionStatusDocument);
  const [said, setSaid] = useState<Said | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const ids = { status: useId(), progress: useId(), health: useId(), comment: useId() };
  const driven = action.progressExplanation.source === 'MILESTONES';
  const keepChoice: HealthChoice = action.healthOverride ? 'KEEP' : 'COMPUTED';

  const shown = {
    status: draft?.status ?? action.status,
    // Progress that milestones drive is never the user's: it always shows what they add up to now.
    progress: driven || draft?.progress === undefined ? String(action.progress) : draft.progress,
    health: draft?.health ?? keepChoice,
    comment: draft?.comment ?? '',
  };
  const edit = (change: Partial<Omit<Draft, 'since'>>) => {
    setSaid(null);
    setDraft((current) => ({ since: action.version, ...current, ...change }));
  };

  const send = async (input: StatusUpdateInput) => {
    setSaid(null);
    try {
      const result = await save({ variables: { input } });
      setConflict(null);
      setDraft(null);
      setSaid({ text: t('action.saved'), version: result.data?.updateActionStatus.version ?? null });
    } catch (error) {
      const problem = CombinedGraphQLErrors.is(error) ? error.errors[0] : null;
      if (problem?.extensions?.['code'] === 'CONFLICT') {
        setConflict({ mine: input, theirs: problem.extensions['current'] as Conflict['theirs'] });
        return;
      }
      const refusal = refusalOf(error);
      setSaid({
        text:
          refusal.reason === 'other'
            ? t('action.refused', { reason: refusal.detail })
            : t(`refusal.${refusal.reason}`, { reason: refusal.detail }),
        version: null,
      });
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const health = healthInput(shown.health);
    void send({
      actionId: action.id,
      // The version the user began from: a change that came in since makes this a conflict.
      expectedVersion: draft?.since ?? action.version,
      status: shown.status,
      ...(!driven && draft?.progress !== undefined && draft.progress !== '' && { progress: Number(draft.progress) }),
      ...(health !== undefined && { health }),
      comment: shown.comment,
    });
  };

  // A success message belongs to the version it made; anything since (a milestone, someone else's
  // save) makes it stale, and the message goes.
  const message = said && (said.version === null || said.version === action.version) ? said.text : null;

  return (
    <section aria-labelledby="update-title" className="panel" id={STATUS_FORM_ID}>
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
              setDraft(null);
            }}
          >
            {t('action.dropMine')}
          </button>
        </div>
      )}
      <form
        onSubmit={submit}
        className="stacked-form"
        onFocus={() => onEditing('status')}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) onEditing(null);
        }}
      >
        <label htmlFor={ids.status}>{t('actions.status')}</label>
        <select
          id={ids.status}
          ref={firstFieldRef}
          value={shown.status}
          onChange={(event) => edit({ status: event.target.value as ActionStatus })}
        >
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.progress}>{t('actions.progress')}</label>
        <input
          id={ids.progress}
          type="number"
          min={0}
          max={100}
          step={1}
          value={shown.progress}
          onChange={(event) => edit({ progress: event.target.value })}
          disabled={driven}
          aria-describedby={driven ? `${ids.progress}-hint` : undefined}
        />
        {driven && <p id={`${ids.progress}-hint`}>{t('action.progressFromMilestones')}</p>}
        <label htmlFor={ids.health}>{t('actions.health')}</label>
        <select
          id={ids.health}
          value={shown.health}
          onChange={(event) => edit({ health: event.target.value as HealthChoice })}
        >
          {action.healthOverride && (
            <option value="KEEP">
              {t('action.healthKeepOverride', { health: t(`health.${action.healthOverride.health}`) })}
            </option>
          )}
          <option value="COMPUTED">
            {t('action.healthKeep')} ({t(`health.${action.computedHealth}`)})
          </option>
          {HEALTHS.map((health) => (
            <option key={health} value={health}>
              {t(`health.${health}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.comment}>{t('action.comment')}</label>
        <textarea
          id={ids.comment}
          rows={3}
          maxLength={2000}
          value={shown.comment}
          onChange={(event) => edit({ comment: event.target.value })}
        />
        <button type="submit" disabled={loading}>
          {t('action.save')}
        </button>
      </form>
      <OutcomeMessage text={message} />
    </section>
  );
}

/** Left out keeps the lead's judgement; null asks for the computed health, clearing any judgement. */
function healthInput(choice: HealthChoice): Health | null | undefined {
  if (choice === 'KEEP') return undefined;
  return choice === 'COMPUTED' ? null : choice;
}
