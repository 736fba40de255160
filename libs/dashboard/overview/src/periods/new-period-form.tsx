import { useMutation, useQuery } from '@apollo/client/react';
import {
  PeriodActionsDocument,
  type ProgrammesQuery,
  type Refusal,
  refusalOf,
  StartProgrammePeriodDocument,
} from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { Content, StatusMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useId, useState } from 'react';

type Programme = ProgrammesQuery['programmes'][number];

/**
 * Starts the next programme period (rullering): each action of the current period is either
 * carried over, keeping its history, or ended with a reason. The API refuses a revision that leaves
 * an action undecided; this form starts with every action carried over.
 */
export function NewPeriodForm({ current, onStarted }: { current: Programme; onStarted(period: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const { data } = useQuery(PeriodActionsDocument);
  const [start, starting] = useMutation(StartProgrammePeriodDocument);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  /** The actions to end, with their reasons; every other action is carried over. */
  const [endings, setEndings] = useState<Record<string, string>>({});

  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  const actions = data.actions.edges.map((edge) => edge.node);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setRefusal(null);
    try {
      const result = await start({
        variables: {
          input: {
            name: text('name'),
            startYear: Number(text('startYear')),
            endYear: Number(text('endYear')),
            expectedVersion: current.version,
            carryOver: actions.filter((a) => !(a.id in endings)).map((a) => a.id),
            endings: Object.entries(endings).map(([actionId, reason]) => ({ actionId, reason })),
          },
        },
      });
      onStarted(result.data?.startProgrammePeriod.period ?? '');
      // A new period: everything read so far belongs to the one that just ended. A page whose
      // query then fails to load says so itself.
      await starting.client.resetStore().catch(() => undefined);
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };

  const startYear = current.endYear + 1;
  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('periods.newTitle')}</h2>
      <p>{t('periods.newIntro', { period: current.period })}</p>
      {refusal && (
        <p id={`${id}-error`} role="alert" className="status--error">
          {t(`refusal.${refusal.reason}`, { reason: refusal.detail })}
        </p>
      )}
      <label htmlFor={`${id}-name`}>{t('periods.name')}</label>
      <input
        id={`${id}-name`}
        name="name"
        required
        maxLength={200}
        defaultValue={t('periods.defaultName', { start: startYear, end: startYear + 3 })}
      />
      <label htmlFor={`${id}-start`}>{t('periods.startYear')}</label>
      <input
        id={`${id}-start`}
        name="startYear"
        type="number"
        required
        min={2000}
        max={2100}
        defaultValue={startYear}
      />
      <label htmlFor={`${id}-end`}>{t('periods.endYear')}</label>
      <input
        id={`${id}-end`}
        name="endYear"
        type="number"
        required
        min={2000}
        max={2100}
        defaultValue={startYear + 3}
      />
      <h3>{t('periods.actionsTitle', { count: actions.length })}</h3>
      {actions.map((action) => {
        const ended = action.id in endings;
        const choose = (end: boolean) =>
          setEndings((all) => {
            const next = { ...all };
            if (end) next[action.id] = all[action.id] ?? '';
            else delete next[action.id];
            return next;
          });
        return (
          <fieldset key={action.id} className="period-action">
            <legend>
              {action.code} <Content>{action.title}</Content>
            </legend>
            <label>
              <input type="radio" name={`decision-${action.id}`} checked={!ended} onChange={() => choose(false)} />{' '}
              {t('periods.carryOver')}
            </label>
            <label>
              <input type="radio" name={`decision-${action.id}`} checked={ended} onChange={() => choose(true)} />{' '}
              {t('periods.end')}
            </label>
            {ended && (
              <>
                <label htmlFor={`${id}-reason-${action.id}`}>{t('periods.reason', { code: action.code })}</label>
                <textarea
                  id={`${id}-reason-${action.id}`}
                  required
                  maxLength={2000}
                  value={endings[action.id]}
                  onChange={(event) => setEndings((all) => ({ ...all, [action.id]: event.target.value }))}
                />
              </>
            )}
          </fieldset>
        );
      })}
      <p>{t('periods.closesRounds')}</p>
      <button type="submit" disabled={starting.loading}>
        {t('periods.start')}
      </button>
    </form>
  );
}
